import { genericJson } from '../../connectors/generic-json/spec';
import { testConnection } from '../../src/sync/test-connection';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { harness } from './harness';

interface ApiState {
  orders: Array<Record<string, unknown>>;
}

const handler: MockHandler<ApiState> = (req, state, mock) => {
  if (req.headers['x-api-key'] !== 'key-123')
    return { status: 401, body: { message: 'Missing or wrong X-API-Key' } };
  return req.path === '/v1/orders'
    ? mock.paginate(state.orders, req, 'next-url', { recordsKey: 'results', defaultSize: 2 })
    : undefined;
};

describe('Generic JSON API connector', () => {
  let api: MockServer<ApiState>;
  const orders = [
    { id: 1, total: 12.5, paid: true, customer: { email: 'a@x.io' }, created: '2024-05-01T10:00:00Z' },
    { id: 2, total: 7, paid: false, customer: { email: 'b@x.io' }, created: '2024-05-02T10:00:00Z' },
    {
      id: 3,
      total: 30,
      paid: true,
      customer: { email: 'c@x.io' },
      created: '2024-05-03T10:00:00Z',
      tags: ['vip'],
    },
  ];

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler, state: { orders } });
  });
  afterAll(() => api.close());

  const config = () => ({
    baseUrl: `${api.url}/v1/orders`,
    authHeader: 'X-API-Key',
    apiKey: 'key-123',
    recordsPath: 'results',
    pagination: 'next-url',
    nextPath: 'next',
    primaryKey: 'id',
  });

  it('syncs every page into <connection>_records with columns discovered from the data and typed', () => {
    const h = harness(genericJson, config(), {}, 'shop');
    const [p] = h.syncAll({ connectors: [genericJson] });
    expect(p).toMatchObject({ done: true, errors: [], rowsLoaded: 3 });
    const tab = h.tab('shop_records')!;
    expect(tab[0]).toEqual(['id', 'total', 'paid', 'customer.email', 'created', 'tags']);
    expect(tab[3]).toEqual([3, 30, true, 'c@x.io', new Date('2024-05-03T10:00:00Z'), '["vip"]']);
  });

  it('tests the connection with one request and lists the columns it would load', async () => {
    await api.clearRequests();
    const h = harness(genericJson, config(), {}, 'shop');
    const result = h.emu.run((gas) =>
      testConnection(gas, { connector: 'generic-json', config: config() }, [genericJson]),
    );
    expect(result).toEqual({
      records: 2,
      columns: ['id', 'total', 'paid', 'customer.email', 'created'],
      message: 'Connected to JSON API: 2 records on the first page.',
    });
    expect(await api.requests()).toHaveLength(1);
  });

  it('reports a rejected key with the API’s own words and the connector hint', () => {
    const h = harness(genericJson, { ...config(), apiKey: 'wrong-key' }, {}, 'shop');
    expect(() =>
      h.emu.run((gas) =>
        testConnection(gas, { connector: 'generic-json', config: { ...config(), apiKey: 'nope' } }, [
          genericJson,
        ]),
      ),
    ).toThrow('JSON API rejected the API key (401). It said: "Missing or wrong X-API-Key"');
  });
});
