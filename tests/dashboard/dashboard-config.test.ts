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
      version: 2,
      tiles: ['mrr', 'churn', 'stars'],
      charts: ['mrr-chart', 'issues-chart'],
      hiddenTiles: [],
      hiddenCharts: [],
    });
  });

  it('follows the saved order, skips hidden and uninstalled ids, and appends newly installed ones', () => {
    const saved = {
      version: 2 as const,
      tiles: ['stars', 'gone', 'mrr'],
      charts: ['issues-chart'],
      hiddenTiles: ['churn'],
      hiddenCharts: [],
    };
    const { metrics, charts } = resolveDashboard(saved, PACKAGES);
    expect(metrics.map((m) => m.id)).toEqual(['stars', 'mrr']);
    expect(charts.map((c) => c.id)).toEqual(['issues-chart', 'mrr-chart']);
  });

  it('hides a tile without hiding the chart that has the same id, and the other way round', () => {
    const shared: MetricPackage[] = [
      { connector: 'demo', models: [], metrics: [metric('issues')], charts: [chart('issues')] },
    ];
    const tileHidden = {
      version: 2 as const,
      tiles: [],
      charts: ['issues'],
      hiddenTiles: ['issues'],
      hiddenCharts: [],
    };
    expect(resolveDashboard(tileHidden, shared).metrics).toEqual([]);
    expect(resolveDashboard(tileHidden, shared).charts.map((c) => c.id)).toEqual(['issues']);
    const chartHidden = {
      version: 2 as const,
      tiles: ['issues'],
      charts: [],
      hiddenTiles: [],
      hiddenCharts: ['issues'],
    };
    expect(resolveDashboard(chartHidden, shared).metrics.map((m) => m.id)).toEqual(['issues']);
    expect(resolveDashboard(chartHidden, shared).charts).toEqual([]);
  });

  it('reads a layout saved in the first shape, where one hidden list served tiles and charts', () => {
    // The founder unticked the "issues" tile; its chart of the same id stayed ticked.
    expect(
      parseDashboardConfig({ version: 1, tiles: ['mrr'], charts: ['issues'], hidden: ['issues'] }),
    ).toEqual({
      version: 2,
      tiles: ['mrr'],
      charts: ['issues'],
      hiddenTiles: ['issues'],
      hiddenCharts: [],
    });
    // Both unticked: hidden in both lists.
    expect(parseDashboardConfig({ version: 1, tiles: [], charts: [], hidden: ['issues'] })).toMatchObject({
      hiddenTiles: ['issues'],
      hiddenCharts: ['issues'],
    });
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
