import { fitState, PROPERTY_VALUE_LIMIT, type StreamState, utf8Length } from '../../src/sync/state';

describe('sync state size', () => {
  it('counts UTF-8 bytes as the Properties limit does', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('shortens long error texts so a state always fits in one property', () => {
    const error = { code: 'x', message: 'é'.repeat(8_000), fix: 'f'.repeat(3_000) };
    const state: StreamState = {
      bookmark: 1,
      last: { runId: 'r', startedAt: 0, endedAt: 1, status: 'failed', added: 0, updated: 0, pages: 0, error },
    };
    const json = fitState(state);
    expect(utf8Length(json)).toBeLessThanOrEqual(PROPERTY_VALUE_LIMIT);
    expect((JSON.parse(json) as StreamState).bookmark).toBe(1);
  });

  it('keeps a resume point of the longest URL Apps Script can fetch', () => {
    const state: StreamState = {
      run: {
        runId: 'r',
        status: 'loading',
        added: 0,
        updated: 0,
        pages: 3,
        next: { url: `https://x.io/?${'a'.repeat(2_060)}` },
      },
    };
    expect(JSON.parse(fitState(state))).toEqual(state);
  });
});
