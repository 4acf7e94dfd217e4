/**
 * The Demo source end to end on the emulated Apps Script services: the sync engine loads every
 * stream into its hidden tab, then the model layer refreshes the package's summary tabs, which
 * hold the same MRR as the models run directly on the generated records.
 */
import { demoPackage } from '../../../connectors/demo/package';
import { demoConnector } from '../../../connectors/demo/spec';
import { DEMO_STREAM_SPECS } from '../../../connectors/demo/streams';
import { refreshModels } from '../../../src/model/refresh';
import { harness } from '../../sync/harness';
import { demoData, NOW } from './support/demo-data';
import { demoDatabase, runModels } from './support/demo-db';

describe('syncing the Demo source and refreshing its package on the emulated services', () => {
  const h = harness(demoConnector, {}, { now: NOW, timeZone: 'Etc/UTC', scriptTimeZone: 'Etc/UTC' }, 'demo');
  const progress = h.syncAll();

  it('loads every stream in one run without errors', () => {
    const last = progress[progress.length - 1];
    expect(last.done).toBe(true);
    expect(progress.flatMap((p) => p.errors ?? [])).toEqual([]);
  });

  it('writes each stream to a hidden tab whose header is its declared columns and which holds every record', () => {
    const problems = DEMO_STREAM_SPECS.flatMap((stream) => {
      const tab = h.tab(`demo_${stream.name}`);
      if (!tab) return [`no tab demo_${stream.name}`];
      const header = tab[0] as string[];
      const out: string[] = [];
      for (const c of stream.columns)
        if (!header.includes(c.name)) out.push(`demo_${stream.name} lacks ${c.name}`);
      if (tab.length - 1 !== demoData()[stream.name].length)
        out.push(
          `demo_${stream.name} has ${tab.length - 1} rows for ${demoData()[stream.name].length} records`,
        );
      return out;
    });
    expect(problems).toEqual([]);
    const hidden = h.emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('demo_customers')?.isSheetHidden(),
    );
    expect(hidden).toBe(true);
  });

  it('types the cells as the columns declare: dates as Dates, numbers as numbers, flags as booleans', () => {
    const tab = h.tab('demo_invoices') ?? [];
    const header = tab[0] as string[];
    const row = tab[1];
    expect(row[header.indexOf('created')]).toBeInstanceOf(Date);
    expect(typeof row[header.indexOf('amount_due')]).toBe('number');
    const charges = h.tab('demo_charges') ?? [];
    expect(typeof charges[1][(charges[0] as string[]).indexOf('refunded')]).toBe('boolean');
    const sessions = h.tab('demo_web_sessions') ?? [];
    expect(sessions[1][(sessions[0] as string[]).indexOf('date')]).toBeInstanceOf(Date);
  });

  it('refreshes every model of the package into its tab, with the MRR the models give on the records', () => {
    const result = h.emu.run((gas) => refreshModels(gas, { packages: [demoPackage], now: NOW }));
    expect(
      result.models.filter((m) => m.status !== 'ok').map((m) => `${m.name}: ${m.error?.message}`),
    ).toEqual([]);
    const tab = h.tab('Demo · MRR') ?? [];
    const direct = runModels(demoDatabase(demoData(), DEMO_STREAM_SPECS), demoPackage.models).demo_mrr.rows;
    expect(tab[0]).toEqual(Object.keys(direct[0]));
    expect(tab.slice(1).map((r) => [(r[0] as Date).toISOString(), r[1], r[7]])).toEqual(
      direct.map((r) => [(r.month as Date).toISOString(), r.mrr, r.customers]),
    );
  });
});
