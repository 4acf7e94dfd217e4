import type { ConnectorSpec } from '../../src/connect/connector-spec';
import type { MetricPackage } from '../../src/model/model-spec';
import type { Catalog } from '../../src/schedule/catalog';
import { TapdashError } from '../../src/shared/errors';

const DAY = 86_400_000;

/**
 * A synthetic source whose data grows with time: one signup every 6 hours since START, so
 * each simulated day brings four new rows. `config.mode = 'broken'` makes it fail like an API
 * that rejects its key; `config.size` asks for many rows (deadline tests).
 */
export const START = Date.UTC(2026, 0, 1);

export const tinyConnector: ConnectorSpec = {
  id: 'tiny',
  label: 'Tiny',
  description: 'Signups, one every six hours.',
  docsUrl: 'https://example.com',
  badge: { initials: 'TI', color: '#333333' },
  fields: [
    { key: 'mode', label: 'Mode', kind: 'text' },
    { key: 'size', label: 'Rows', kind: 'number' },
  ],
  auth: { type: 'none' },
  baseUrl: '',
  allowedUrls: [],
  testStream: 'signups',
  freshnessHours: 6,
  streams: [
    {
      name: 'signups',
      label: 'Signups',
      path: '',
      records: '',
      primaryKey: ['id'],
      pagination: { type: 'none' },
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'day', type: 'date' },
        { name: 'plan', type: 'string' },
      ],
    },
  ],
  generate: ({ now, config }) => {
    if (config.mode === 'broken') {
      throw new TapdashError({
        code: 'auth',
        message: 'Tiny rejected the API key (401).',
        fix: 'Paste a new key in Connections.',
      });
    }
    const count = config.size ? Number(config.size) : Math.floor((now.getTime() - START) / (DAY / 4)) + 1;
    return Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      day: new Date(START + Math.floor(i / 4) * DAY).toISOString().slice(0, 10),
      plan: i % 3 === 0 ? 'pro' : 'basic',
    }));
  },
};

export const tinyPackage: MetricPackage = {
  connector: 'tiny',
  models: [
    {
      name: 'tiny_daily',
      label: 'Tiny daily',
      sql: 'SELECT day, COUNT(*) AS signups FROM tiny_signups GROUP BY day ORDER BY day',
      formats: { day: 'date', signups: 'integer' },
    },
  ],
  metrics: [
    {
      id: 'signups',
      label: 'Signups per day',
      model: 'tiny_daily',
      valueColumn: 'signups',
      periodColumn: 'day',
      format: 'integer',
      goodDirection: 'up',
    },
  ],
  charts: [
    {
      id: 'tiny_signups',
      title: 'Signups',
      spec: {
        data: { name: 'tiny_daily' },
        mark: 'line',
        encoding: { x: { field: 'day', type: 'temporal' }, y: { field: 'signups', type: 'quantitative' } },
      },
    },
  ],
};

export const tinyCatalog: Catalog = { connectors: [tinyConnector], packages: [tinyPackage] };
