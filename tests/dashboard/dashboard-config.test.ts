import {
  defaultDashboardConfig,
  parseDashboardConfig,
  resolveDashboard,
} from '../../src/dashboard/dashboard-config';
import { warningLine } from '../../src/dashboard/dashboard-header';
import type { MetricPackage } from '../../src/model/model-spec';

const metric = (id: string) => ({
  id,
  label: id,
  model: 'm',
  valueColumn: 'v',
  format: 'number' as const,
  goodDirection: 'up' as const,
});
const chart = (id: string) => ({ id, title: id, spec: {} });
const PACKAGES: MetricPackage[] = [
  {
    connector: 'stripe',
    models: [],
    metrics: [metric('mrr'), metric('churn')],
    charts: [chart('mrr-chart')],
  },
  { connector: 'github', models: [], metrics: [metric('stars')], charts: [chart('issues-chart')] },
];

describe('dashboard config', () => {
  it('shows every installed tile and chart by default, in package order', () => {
    expect(defaultDashboardConfig(PACKAGES)).toEqual({
      version: 1,
      tiles: ['mrr', 'churn', 'stars'],
      charts: ['mrr-chart', 'issues-chart'],
      hidden: [],
    });
  });

  it('follows the saved order, skips hidden and uninstalled ids, and appends newly installed ones', () => {
    const saved = {
      version: 1 as const,
      tiles: ['stars', 'gone', 'mrr'],
      charts: ['issues-chart'],
      hidden: ['churn'],
    };
    const { metrics, charts } = resolveDashboard(saved, PACKAGES);
    expect(metrics.map((m) => m.id)).toEqual(['stars', 'mrr']);
    expect(charts.map((c) => c.id)).toEqual(['issues-chart', 'mrr-chart']);
  });

  it('rejects a config that is not lists of ids', () => {
    expect(() => parseDashboardConfig({ tiles: 'mrr', charts: [] })).toThrow(
      /not a list of tiles and charts/,
    );
  });
});

describe('header warning line', () => {
  it('is empty when all sources are fine', () => {
    expect(warningLine([])).toBe('');
  });

  it('names failing and stale sources, with the fix', () => {
    expect(
      warningLine([
        { source: 'Stripe', problem: 'failing', detail: 'invalid API key' },
        { source: 'HubSpot', problem: 'stale', detail: 'last synced 3 days ago' },
      ]),
    ).toBe(
      '⚠ Stripe sync is failing (invalid API key); HubSpot data is stale (last synced 3 days ago). Open Tapdash › Sources to fix them.',
    );
  });
});
