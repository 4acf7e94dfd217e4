import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { invoke, loadBundle } from '../../playground/emulator/bundle';
import { Emulator } from '../../playground/emulator/emulator';

/**
 * The Dashboard builder bundled the way Code.js is (esbuild IIFE, neutral platform) and run in
 * the bare Apps Script-like vm: no Node globals, the script realm's own Dates from cells.
 */
describe('buildDashboard inside an Apps Script-like bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tapdash-dash-bundle-'));

  beforeAll(async () => {
    const result = await esbuild.build({
      stdin: {
        contents: `export { buildDashboard } from './src/dashboard/build-dashboard';`,
        resolveDir: resolve(__dirname, '../..'),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'DASH',
      platform: 'neutral',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    const entry = `
function rebuild(input) {
  var gas = { SpreadsheetApp: SpreadsheetApp, PropertiesService: PropertiesService, Utilities: Utilities, Charts: Charts };
  return DASH.buildDashboard(gas, input);
}`;
    writeFileSync(join(dir, 'Code.js'), `${result.outputFiles[0].text}\n${entry}`);
  });

  it('builds tiles and a bucketed chart from cells whose dates are the script realm’s', () => {
    const emu = new Emulator({ realCpu: false, now: Date.UTC(2026, 2, 3), timeZone: 'Europe/Berlin' });
    const bundle = loadBundle(emu, dir);
    emu.run((gas) => {
      const sheet = gas.SpreadsheetApp.getActive().insertSheet('Revenue');
      const rows = [0, 1, 2, 3].map((i) => [new Date(Date.UTC(2025, 10 + i, 1, 0, 0)), 100 * (i + 1)]);
      sheet.getRange(1, 1, 5, 2).setValues([['month', 'revenue'], ...rows]);
    });
    const input = {
      packages: [
        {
          connector: 'demo',
          models: [{ name: 'revenue', label: 'Revenue', sql: '' }],
          metrics: [
            {
              id: 'rev',
              label: 'Revenue',
              model: 'revenue',
              valueColumn: 'revenue',
              format: 'currency',
              goodDirection: 'up',
            },
          ],
          charts: [
            {
              id: 'by-year',
              title: 'Revenue by year',
              spec: {
                data: { name: 'revenue' },
                mark: 'bar',
                encoding: {
                  x: { field: 'month', type: 'ordinal', timeUnit: 'year' },
                  y: { field: 'revenue', type: 'quantitative', aggregate: 'sum' },
                },
              },
            },
          ],
        },
      ],
      status: { title: 'Demo', lastRefreshAt: Date.UTC(2026, 2, 3, 8) },
    };
    expect(invoke(emu, bundle, 'rebuild', [input])).toMatchObject({ tiles: 1, inserted: 1 });
    const helper = emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('_chart_data')?.getRange('A1:B3').getDisplayValues(),
    );
    expect(helper).toEqual([
      ['month (year)', 'Sum of revenue'],
      ['2025', '300'],
      ['2026', '700'],
    ]);
  });
});
