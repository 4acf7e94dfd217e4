import fc from 'fast-check';
import { CELL_CHAR_LIMIT, cutText, needsQuote, safeText, toWritable } from '../../src/sync/cell-safety';

describe('cell safety (pure)', () => {
  it.each([
    '=1+1',
    '+1',
    '-5',
    '@here',
    "'quoted",
    '#N/A',
    '00123',
    '2024-01-02',
    'TRUE',
    'false',
    ' 12',
    '5%',
  ])('quotes %j so Sheets keeps it as typed', (text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  it.each(['hello', 'Ada Lovelace', 'open', ''])('leaves plain text %j alone', (text) => {
    expect(safeText(text)).toBe(text);
  });

  it('cuts text longer than a cell holds and says how much was cut', () => {
    const cut = cutText('x'.repeat(60_000));
    expect(cut.length).toBeLessThanOrEqual(CELL_CHAR_LIMIT - 1);
    expect(cut).toMatch(/… \[cut by Tapdash: \d+ more characters\]$/);
    const kept = cut.indexOf('…');
    expect(cut).toContain(`${60_000 - kept} more characters`);
  });

  it('never splits a surrogate pair when cutting', () => {
    const cut = cutText('😀'.repeat(30_000));
    const kept = cut.slice(0, cut.indexOf('…'));
    expect(kept.length % 2).toBe(0);
  });

  it('passes numbers, booleans and dates through and writes null as an empty cell', () => {
    const d = new Date(0);
    expect([toWritable(1), toWritable(true), toWritable(d), toWritable(null)]).toEqual([1, true, d, '']);
  });

  it('writes at most 50,000 characters, apostrophe included, and cutting twice changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 49_990, max: 50_010 }), (head, n) => {
        const text = head + 'y'.repeat(Math.max(0, n - head.length));
        expect(safeText(text).length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
        expect(cutText(cutText(text))).toBe(cutText(text));
        expect(needsQuote(cutText(text)) || !safeText(text).startsWith("'")).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
