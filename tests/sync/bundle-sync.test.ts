import { invoke, loadBundle } from '../../playground/emulator/bundle';
import { Emulator } from '../../playground/emulator/emulator';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';

const handler: MockHandler<{ rows: unknown[] }> = (req, state, mock) =>
  req.path === '/api/rows'
    ? mock.paginate(state.rows, req, 'page-number', { recordsKey: 'rows', defaultSize: 5 })
    : undefined;

/** Plain data out of the bundle's realm, so comparisons do not trip over vm prototypes. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('the built add-on syncs through its sidebar functions', () => {
  let api: MockServer<{ rows: unknown[] }>;
  const rows = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1,
    name: i === 0 ? '=HYPERLINK("x")' : `row ${i + 1}`,
  }));

  beforeAll(async () => {
    api = await startMockServer({ handler, state: { rows } });
  });
  afterAll(() => api.close());

  it('saves a Generic JSON connection, syncs it in chunks and lists it as healthy, with no secret leaving the server', () => {
    const emu = new Emulator({ realCpu: false });
    const bundle = loadBundle(emu);
    const config = {
      baseUrl: `${api.url}/api/rows`,
      apiKey: 'Bearer sk_TOPSECRET',
      recordsPath: 'rows',
      pagination: 'page-number',
      pageSizeParam: 'per_page',
      pageSize: '5',
      primaryKey: 'id',
    };
    const saved = plain(
      invoke(emu, bundle, 'saveConnection', [{ id: 'ops', connector: 'generic-json', config }], {
        kind: 'script-run',
      }),
    );
    expect(saved).toMatchObject({ ok: true, value: { id: 'ops', status: 'new', secretsSaved: ['apiKey'] } });
    expect(JSON.stringify(saved)).not.toContain('TOPSECRET');
    let progress = plain(invoke(emu, bundle, 'runSyncChunk', ['ops'], { kind: 'script-run' }));
    for (let i = 0; progress.ok && progress.value.stopped === 'deadline' && i < 10; i++)
      progress = plain(invoke(emu, bundle, 'runSyncChunk', ['ops'], { kind: 'script-run' }));
    expect(progress).toMatchObject({ ok: true, value: { done: true, rowsLoaded: 12, errors: [] } });
    const listed = plain(invoke(emu, bundle, 'listConnections', [], { kind: 'script-run' }));
    expect(listed).toMatchObject({ ok: true, value: [{ id: 'ops', status: 'healthy', rows: 12 }] });
    const tab = emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('ops_records')!.getDataRange().getValues(),
    );
    expect(tab[0]).toEqual(['id', 'name']);
    expect(tab[1]).toEqual([1, '=HYPERLINK("x")']);
    expect(tab).toHaveLength(13);
  });
});
