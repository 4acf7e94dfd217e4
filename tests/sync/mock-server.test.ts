import { join } from 'node:path';
import { startMockServer } from '../support/mock-server';

describe('mock vendor server (test support)', () => {
  it('answers with the handler, keeps state between requests and records what it received', async () => {
    const api = await startMockServer({
      state: { calls: 0 },
      handler: (req, state: { calls: number }, mock) => {
        state.calls++;
        return req.path === '/ping'
          ? mock.json({ pong: state.calls }, { headers: { 'X-Test': 'yes' } })
          : undefined;
      },
    });
    try {
      const res = await fetch(`${api.url}/ping?a=1`, { headers: { Authorization: 'Bearer t' } });
      expect(res.headers.get('x-test')).toBe('yes');
      expect(await res.json()).toEqual({ pong: 1 });
      expect((await fetch(`${api.url}/nope`)).status).toBe(404);
      const [first] = await api.requests();
      expect(first).toMatchObject({ method: 'GET', path: '/ping', query: { a: '1' } });
      expect(first.headers.authorization).toBe('Bearer t');
      expect(await api.getState()).toEqual({ calls: 2 });
    } finally {
      await api.close();
    }
  });

  it('serves a list in the Link-header style with a next link until the last page', async () => {
    const api = await startMockServer({
      state: { items: [1, 2, 3].map((id) => ({ id })) },
      handler: (req, state: { items: unknown[] }, mock) =>
        mock.paginate(state.items, req, 'link-header', { recordsKey: '', defaultSize: 2 }),
    });
    try {
      const first = await fetch(`${api.url}/items`);
      expect(await first.json()).toEqual([{ id: 1 }, { id: 2 }]);
      const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
      const second = await fetch(next!);
      expect(await second.json()).toEqual([{ id: 3 }]);
      expect(second.headers.get('link')).not.toContain('rel="next"');
    } finally {
      await api.close();
    }
  });

  it('runs a handler module with imports (handlerFile), for reusable vendor mocks', async () => {
    const api = await startMockServer({
      handlerFile: join(__dirname, 'fixtures/echo-mock.ts'),
      state: { hits: 0 },
    });
    try {
      expect(await (await fetch(`${api.url}/?name=Ada`)).json()).toEqual({ greeting: 'Hello, Ada', hits: 1 });
      await api.setState({ hits: 41 });
      expect(await (await fetch(`${api.url}/`)).json()).toEqual({ greeting: 'Hello, there', hits: 42 });
    } finally {
      await api.close();
    }
  });

  it('answers 500 with the error when the handler throws', async () => {
    const api = await startMockServer({
      handler: () => {
        throw new Error('boom');
      },
    });
    try {
      const res = await fetch(`${api.url}/x`);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain('boom');
    } finally {
      await api.close();
    }
  });
});
