import type { Emulator } from '../../playground/emulator/emulator';
import type { StreamSpec } from '../../src/connect/connector-spec';
import { LEASE_MS } from '../../src/sync/connection-lease';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { body, harness, testConnector } from './harness';

interface Issue {
  id: number;
  title: string;
  updated_at: string;
}

interface ApiState {
  repos: string[];
  issues: Record<string, Issue[]>;
}

/** A GitHub-like API: repositories, and issues per repository paged by Link header, `since` filtered. */
const handler: MockHandler<ApiState> = (req, state, mock) => {
  if (req.path === '/repos') return mock.json(state.repos.map((name) => ({ name })));
  const m = /^\/repos\/([^/]+)\/issues$/.exec(req.path);
  if (!m) return undefined;
  const repo = decodeURIComponent(m[1]);
  if (repo === 'empty') return { status: 409, body: { message: 'Git Repository is empty.' } };
  if (repo === 'gone') return { status: 404, body: { message: 'Not Found' } };
  const since = req.query.since ?? '';
  const issues = (state.issues[repo] ?? []).filter((i) => i.updated_at >= since);
  return mock.paginate(issues, req, 'link-header', { recordsKey: '', sizeParam: 'per_page', defaultSize: 2 });
};

const at = (minute: number) => new Date(Date.UTC(2024, 5, 1, 0, minute)).toISOString();
const issues = (repo: string, n: number, from = 1): Issue[] =>
  Array.from({ length: n }, (_, i) => ({
    id: repo.charCodeAt(0) * 1000 + from + i,
    title: `${repo} #${from + i}`,
    updated_at: at(from + i),
  }));

const repositories: StreamSpec = {
  name: 'repositories',
  label: 'Repositories',
  path: '/repos',
  records: '',
  primaryKey: ['name'],
  pagination: { type: 'none' },
  columns: [{ name: 'name', type: 'string' }],
};

const issueStream: StreamSpec = {
  name: 'issues',
  label: 'Issues',
  path: '/repos/{repo}/issues',
  records: '',
  primaryKey: ['id'],
  incremental: {
    cursorField: 'updated_at',
    param: 'since',
    format: 'iso',
    lookbackSeconds: 60,
    order: 'asc',
  },
  partitions: {
    placeholder: 'repo',
    fromConfig: 'repositories',
    fromStream: { stream: 'repositories', field: 'name' },
    column: 'repository',
  },
  emptyOnStatus: [409],
  pagination: { type: 'link-header', pageSize: { param: 'per_page', value: 2 } },
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'title', type: 'string' },
    { name: 'updated_at', type: 'datetime' },
    { name: 'repository', type: 'string' },
  ],
};

const connector = testConnector([repositories, issueStream], {
  fields: [
    { key: 'token', label: 'API key', kind: 'secret', required: true },
    { key: 'repositories', label: 'Repositories', kind: 'text' },
  ],
});

describe('partitioned streams (one request chain per repository)', () => {
  let api: MockServer<ApiState>;

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler });
  });
  afterAll(() => api.close());

  const initial = (): ApiState => ({
    repos: ['web', 'api', 'empty'],
    issues: { web: issues('web', 5), api: issues('api', 3) },
  });

  it('reads every repository listed by the other stream into one tab, naming each record’s repository', async () => {
    await api.setState(initial());
    const h = harness(connector, { token: 't', baseUrl: api.url });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    const rows = body(h.tab('acme_issues'));
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ...issues('api', 3).map((i) => [i.title, 'api']),
      ...issues('web', 5).map((i) => [i.title, 'web']),
    ]);
  });

  it('keeps a bookmark per repository, and reads a repository added later from the start', async () => {
    await api.setState(initial());
    const h = harness(connector, { token: 't', baseUrl: api.url });
    h.syncAll();
    const state = initial();
    state.repos.push('docs');
    state.issues.docs = issues('docs', 2);
    state.issues.web.push(...issues('web', 1, 50));
    await api.setState(state);
    await api.clearRequests();
    h.syncAll();
    const firstCall = (repo: string) =>
      api.requests().then((rs) => rs.find((r) => r.path === `/repos/${repo}/issues`));
    expect((await firstCall('web'))?.query.since).toBe(new Date(Date.parse(at(5)) - 60_000).toISOString());
    expect((await firstCall('api'))?.query.since).toBe(new Date(Date.parse(at(3)) - 60_000).toISOString());
    expect((await firstCall('docs'))?.query.since).toBeUndefined();
    expect(body(h.tab('acme_issues'))).toHaveLength(3 + 5 + 1 + 2);
  });

  it('reads the other repositories when one cannot be read, and reports that one', async () => {
    const state = initial();
    state.repos.push('gone');
    await api.setState(state);
    const h = harness(connector, { token: 't', baseUrl: api.url });
    const [p] = h.syncAll();
    expect(p.errors).toEqual([
      expect.objectContaining({
        code: 'not-found',
        message: expect.stringMatching(
          /^1 of 4 could not be read\. gone: Acme could not find what acme_issues reads \(404\)/,
        ),
      }),
    ]);
    expect(new Set(body(h.tab('acme_issues')).map((r) => r[3]))).toEqual(new Set(['api', 'web']));
  });

  it('reads only the repositories the config lists, when it lists some', async () => {
    await api.setState(initial());
    const h = harness(connector, { token: 't', baseUrl: api.url, repositories: 'web, empty' });
    h.syncAll();
    expect(new Set(body(h.tab('acme_issues')).map((r) => r[3]))).toEqual(new Set(['web']));
  });

  it('resumes at the right repository and page when the time box ends mid-way', async () => {
    await api.setState(initial());
    const h = harness(connector, { token: 't', baseUrl: api.url }, { costModel: { urlFetchMs: 60_000 } });
    const chunks = h.syncAll();
    expect(chunks.length).toBeGreaterThan(1);
    expect(body(h.tab('acme_issues')).map((r) => r[0])).toEqual([
      ...issues('api', 3).map((i) => i.id),
      ...issues('web', 5).map((i) => i.id),
    ]);
  });

  it('ends with every issue exactly once, whichever service call the first sync dies at', async () => {
    await api.setState(initial());
    const expected = [...issues('api', 3), ...issues('web', 5)].map((i) => i.id);
    const count = (emu: Emulator, n: number) => {
      const call = emu.call.bind(emu);
      let calls = 0;
      let armed = true;
      emu.call = (...args: Parameters<Emulator['call']>) => {
        if (emu.current() && armed && ++calls >= n)
          throw new Error(`Injected failure at service call ${calls}`);
        return call(...args);
      };
      return () => {
        armed = false;
        return calls;
      };
    };
    const probe = harness(connector, { token: 't', baseUrl: api.url });
    const stop = count(probe.emu, Number.POSITIVE_INFINITY);
    probe.syncAll();
    const total = stop();
    for (let n = 1; n <= total; n++) {
      const h = harness(connector, { token: 't', baseUrl: api.url });
      const disarm = count(h.emu, n);
      expect(() => h.chunk()).toThrow(/Injected failure/);
      disarm();
      h.emu.clock.advance(LEASE_MS + 1);
      const done = h.syncAll().at(-1)!;
      expect({ n, done: done.done, errors: done.errors }).toEqual({ n, done: true, errors: [] });
      expect({ n, ids: body(h.tab('acme_issues')).map((r) => r[0]) }).toEqual({ n, ids: expected });
    }
  }, 120_000);
});
