import { demoPackage } from '../../connectors/demo/package';
import { hubspotPackage } from '../../connectors/hubspot/package';
import { stripePackage } from '../../connectors/stripe/package';
import { saveConnection } from '../../src/connect/connection-store';
import { dashboardItems } from '../../src/dashboard/dashboard-items';
import { metricLabels } from '../../src/dashboard/metric-labels';
import type { MetricPackage } from '../../src/model/model-spec';
import type { Catalog } from '../../src/schedule/catalog';
import { refreshAll } from '../../src/schedule/refresh-all';
import { getScheduleView, saveScheduleSettings } from '../../src/schedule/schedule-api';
import { syncConnections } from '../../src/sync/sync-all';
import { tinyConnector, tinyPackage } from '../schedule/support';
import { spreadsheet } from '../settings/support';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('names of metrics that two sources share', () => {
  it('qualifies a name with its source when another installed package uses it too', () => {
    const labels = metricLabels([demoPackage, stripePackage]);
    expect(labels.get(demoPackage.metrics.find((m) => m.label === 'MRR')!.id)).toBe('MRR · Demo');
    expect(labels.get(stripePackage.metrics.find((m) => m.label === 'MRR')!.id)).toBe('MRR · Stripe');
  });

  it('leaves a name alone when only one installed package uses it', () => {
    const pipeline = demoPackage.metrics.find((m) => m.label === 'Open pipeline')!.id;
    expect(metricLabels([demoPackage, stripePackage]).get(pipeline)).toBe('Open pipeline');
    expect(metricLabels([demoPackage, hubspotPackage]).get(pipeline)).toBe('Open pipeline · Demo');
    const stripeMrr = stripePackage.metrics.find((m) => m.label === 'MRR')!.id;
    expect(metricLabels([stripePackage]).get(stripeMrr)).toBe('MRR');
  });
});

/** A second source whose package names its metric and chart exactly as the tiny one does. */
const twinConnector = { ...tinyConnector, id: 'twin', label: 'Twin' };
const twinPackage: MetricPackage = {
  connector: 'twin',
  models: [
    {
      ...tinyPackage.models[0],
      name: 'twin_daily',
      sql: tinyPackage.models[0].sql.replace('tiny_', 'twin_'),
    },
  ],
  metrics: [{ ...tinyPackage.metrics[0], id: 'twin_signups', model: 'twin_daily', format: 'currency' }],
  charts: [
    {
      ...tinyPackage.charts[0],
      id: 'twin_chart',
      spec: { ...tinyPackage.charts[0].spec, data: { name: 'twin_daily' } },
    },
  ],
};
const catalog: Catalog = { connectors: [tinyConnector, twinConnector], packages: [tinyPackage, twinPackage] };

function twoSources() {
  const s = spreadsheet();
  restore = s.restore;
  s.run((gas) => {
    saveConnection(gas, { id: 'tiny', connector: 'tiny', config: {} }, tinyConnector);
    saveConnection(gas, { id: 'twin', connector: 'twin', config: {} }, twinConnector);
    syncConnections(gas, { startedAt: Date.now(), connectors: [tinyConnector, twinConnector] });
    saveScheduleSettings(
      gas,
      {
        schedule: { kind: 'off' },
        alerts: [{ id: 'a1', metricId: 'twin_signups', kind: 'above', value: 0 }],
      },
      catalog,
    );
    refreshAll(gas, { catalog });
  });
  return s;
}

describe('where shared names are shown', () => {
  it('labels each tile on the Dashboard tab with its source', () => {
    const s = twoSources();
    const cells = s.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('Dashboard')!.getDataRange().getDisplayValues().flat(),
    );
    expect(cells).toContain('Signups per day · tiny');
    expect(cells).toContain('Signups per day · twin');
    expect(cells).not.toContain('Signups per day');
  });

  it('names tile cards and the layout list with their source', () => {
    const s = twoSources();
    const items = s.run((gas) => dashboardItems(gas, [tinyPackage, twinPackage]));
    expect(items.tiles.map((t) => t.label)).toEqual(['Signups per day · tiny', 'Signups per day · twin']);
    expect(items.charts.map((c) => c.title)).toEqual(['Signups · tiny', 'Signups · twin']);
  });

  it('offers alert metrics by their qualified names, with how to write their values', () => {
    const s = twoSources();
    const view = s.run((gas) => getScheduleView(gas, catalog));
    expect(view.metrics).toEqual([
      { id: 'signups', label: 'Signups per day · tiny', format: 'integer', currency: 'USD' },
      { id: 'twin_signups', label: 'Signups per day · twin', format: 'currency', currency: 'USD' },
    ]);
  });

  it('names the source and writes the level as money in the alert email', () => {
    const s = twoSources();
    const alerts = s.emu.services.outbox.filter((m) => m.subject.startsWith('Tapdash alert'));
    expect(alerts.map((m) => m.subject)).toEqual(['Tapdash alert: Signups per day · twin']);
    expect(alerts[0].body).toMatch(/^Signups per day · twin is \$\d+, above your alert level of \$0\./);
  });
});
