import { Emulator, type GasGlobals } from '../../playground/emulator/emulator';
import { buildDashboard } from '../../src/dashboard/build-dashboard';
import { saveDashboardConfig } from '../../src/dashboard/dashboard-config';
import { GRID } from '../../src/dashboard/dashboard-layout';
import { TILE_COLORS } from '../../src/dashboard/kpi-tiles';
import type { MetricPackage } from '../../src/model/model-spec';

/** Dashboard builds on the emulated spreadsheet: what a user would see after a refresh. */

const PACKAGE: MetricPackage = {
  connector: 'stripe',
  models: [
    {
      name: 'stripe_mrr',
      label: 'Stripe MRR',
      sql: 'SELECT 1',
      formats: { month: 'month', mrr: 'currency' },
    },
    { name: 'stripe_plans', label: 'MRR by plan', sql: 'SELECT 1' },
  ],
  metrics: [
    {
      id: 'mrr',
      label: 'MRR',
      model: 'stripe_mrr',
      valueColumn: 'mrr',
      periodColumn: 'month',
      format: 'currency',
      goodDirection: 'up',
    },
    {
      id: 'churn',
      label: 'Churn rate',
      model: 'stripe_mrr',
      valueColumn: 'churn_rate',
      periodColumn: 'month',
      format: 'percent',
      goodDirection: 'down',
    },
  ],
  charts: [
    {
      id: 'mrr-line',
      title: 'MRR',
      spec: {
        data: { name: 'stripe_mrr' },
        title: 'MRR',
        mark: 'line',
        encoding: {
          x: { field: 'month', type: 'temporal', axis: { title: 'Month', format: '%b %Y' } },
          y: { field: 'mrr', type: 'quantitative', axis: { title: 'MRR', format: '$,.0f' } },
        },
      },
    },
    {
      id: 'plans-bar',
      title: 'MRR by plan',
      spec: {
        data: { name: 'stripe_plans' },
        mark: 'bar',
        encoding: {
          x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth' },
          y: { field: 'mrr', type: 'quantitative', aggregate: 'sum' },
          color: { field: 'plan', type: 'nominal' },
        },
      },
    },
    {
      id: 'mrr-layered',
      title: 'MRR with target',
      spec: {
        data: { name: 'stripe_mrr' },
        layer: [
          {
            mark: 'line',
            encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'mrr', type: 'quantitative' } },
          },
          { mark: 'rule', encoding: { y: { datum: 20000 } } },
        ],
      },
    },
  ],
};

const MONTHS = 14;
const month = (i: number) => new Date(Date.UTC(2025, i, 1, 5));

function seed(emu: Emulator, months = MONTHS): void {
  emu.run((gas) => {
    const ss = gas.SpreadsheetApp.getActive();
    const mrr = ss.getSheetByName('Stripe MRR') ?? ss.insertSheet('Stripe MRR');
    const plansTab = ss.getSheetByName('MRR by plan') ?? ss.insertSheet('MRR by plan');
    for (const tab of [mrr, plansTab]) {
      const need = 2 * months + 1 - tab.getMaxRows();
      if (need > 0) tab.insertRowsAfter(tab.getMaxRows(), need);
    }
    const rows = Array.from({ length: months }, (_, i) => [month(i), 10_000 + i * 1_000, 0.05 - i * 0.001]);
    mrr.clearContents();
    mrr.getRange(1, 1, months + 1, 3).setValues([['month', 'mrr', 'churn_rate'], ...rows]);
    const plans = plansTab;
    const planRows = Array.from({ length: months }, (_, i) => [
      [month(i), 'pro', 6_000 + i * 600],
      [month(i), 'basic', 4_000 + i * 400],
    ]).flat();
    plans.clearContents();
    plans.getRange(1, 1, planRows.length + 1, 3).setValues([['month', 'plan', 'mrr'], ...planRows]);
  });
}

function build(emu: Emulator) {
  return emu.run((gas) =>
    buildDashboard(gas, {
      packages: [PACKAGE],
      status: {
        title: 'Acme Inc.',
        lastRefreshAt: Date.UTC(2026, 2, 3, 14, 0),
        issues: [{ source: 'HubSpot', problem: 'stale', detail: 'last synced 3 days ago' }],
      },
    }),
  );
}

function dashboard<T>(
  emu: Emulator,
  read: (sheet: GoogleAppsScript.Spreadsheet.Sheet, gas: GasGlobals) => T,
): T {
  return emu.run((gas) => {
    const sheet = gas.SpreadsheetApp.getActive().getSheetByName('Dashboard');
    if (!sheet) throw new Error('no Dashboard tab');
    return read(sheet, gas);
  });
}

function chartsOn(emu: Emulator) {
  return dashboard(emu, (sheet) =>
    sheet.getCharts().map((c) => {
      const info = c.getContainerInfo();
      return {
        id: c.getChartId(),
        row: info.getAnchorRow(),
        column: info.getAnchorColumn(),
        offsetX: info.getOffsetX(),
        offsetY: info.getOffsetY(),
        ranges: c.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
        options: c.getOptions(),
      };
    }),
  );
}

describe('buildDashboard on the emulator', () => {
  let emu: Emulator;
  beforeEach(() => {
    emu = new Emulator({ realCpu: false, now: Date.UTC(2026, 2, 3, 15), timeZone: 'America/New_York' });
    seed(emu);
  });

  it('writes the header: company, last refresh in the sheet time zone, and the stale-source warning', () => {
    build(emu);
    const header = dashboard(emu, (s) =>
      s
        .getRange(1, 2, 3, 1)
        .getDisplayValues()
        .map((r) => r[0]),
    );
    expect(header).toEqual([
      'Acme Inc.',
      'Last refreshed Mar 3, 2026 at 9:00 AM',
      '⚠ HubSpot data is stale (last synced 3 days ago). Open Tapdash › Sources to fix it.',
    ]);
  });

  it('shows each metric as a tile with a live value, a colored change and a sparkline over the last 12 months', () => {
    build(emu);
    const tiles = dashboard(emu, (s) => ({
      formulas: s.getRange(5, 2, 4, 2).getFormulas(),
      display: s.getRange(5, 2, 3, 2).getDisplayValues(),
      colors: s.getRange(7, 2, 1, 2).getFontColors()[0],
    }));
    expect(tiles.formulas[1]).toEqual(["='Stripe MRR'!B15", "='Stripe MRR'!C15"]);
    expect(tiles.formulas[3]).toEqual(["=SPARKLINE('Stripe MRR'!B4:B15)", "=SPARKLINE('Stripe MRR'!C4:C15)"]);
    expect(tiles.display[0]).toEqual(['MRR', 'Churn rate']);
    expect(tiles.display[1]).toEqual(['$23,000', '3.7%']);
    expect(tiles.display[2]).toEqual(['▲ 4.5% vs previous period', '▼ 0.1 pts vs previous period']);
    // MRR rose (good); churn fell, which is good news too.
    expect(tiles.colors).toEqual([TILE_COLORS.good, TILE_COLORS.good]);
  });

  it('inserts native charts once, in a two-column grid, with prepared data on a hidden tab', () => {
    const first = build(emu);
    expect(first).toMatchObject({ inserted: 2, updated: 0, removed: 0 });
    const charts = chartsOn(emu);
    expect(charts.map((c) => [c.column, c.offsetX])).toEqual([
      [2, 0],
      [4, GRID.chartGutter],
    ]);
    expect(charts[0].ranges).toEqual(['Stripe MRR!A1:A15', 'Stripe MRR!B1:B15']);
    expect(charts[1].ranges).toEqual(['_chart_data!A1:C15']);
    const hidden = emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('_chart_data')?.isSheetHidden(),
    );
    expect(hidden).toBe(true);
  });

  it('says in the chart slot why a chart is only in the sidebar', () => {
    build(emu);
    const text = dashboard(emu, (s) => s.getRange(11, 2).getDisplayValue());
    expect(text).toMatch(/^“MRR with target” is shown in the Tapdash sidebar, not as a Sheets chart: layer:/);
  });

  it('explains a broken chart in its slot, in red, and still draws the others', () => {
    const broken = {
      ...PACKAGE,
      charts: [
        {
          id: 'typo',
          title: 'Typo',
          spec: {
            data: { name: 'stripe_mrr' },
            mark: 'line',
            encoding: { x: { field: 'mnth', type: 'temporal' }, y: { field: 'mrr', type: 'quantitative' } },
          },
        },
        PACKAGE.charts[0],
      ],
    };
    const result = emu.run((gas) => buildDashboard(gas, { packages: [broken] }));
    expect(result.charts.map((c) => c.shown)).toEqual(['error', 'sheet']);
    const slot = dashboard(emu, (s) => ({
      text: s.getRange(10, 2).getDisplayValue(),
      color: s.getRange(10, 2).getFontColor(),
    }));
    expect(slot.text).toBe(
      'The chart “Typo” uses the field “mnth” (encoding.x), which the model “stripe_mrr” does not have. ' +
        "Use one of the model's columns (month, mrr, churn_rate), or add “mnth” to the model's SQL.",
    );
    expect(slot.color).toBe('#b3261e');
    expect(chartsOn(emu).map((c) => c.column)).toEqual([4]);
  });

  it('updates charts in place on rebuild: same ids, ranges grown with the data', () => {
    build(emu);
    const before = chartsOn(emu);
    seed(emu, MONTHS + 1);
    const second = build(emu);
    const after = chartsOn(emu);
    expect(second).toMatchObject({ inserted: 0, removed: 0 });
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0].ranges).toEqual(['Stripe MRR!A1:A16', 'Stripe MRR!B1:B16']);
  });

  it('makes no chart calls when nothing changed', () => {
    build(emu);
    expect(build(emu)).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
  });

  it('keeps a chart where the user moved it', () => {
    build(emu);
    dashboard(emu, (sheet) => {
      const chart = sheet.getCharts()[0];
      sheet.updateChart(chart.modify().setPosition(40, 7, 3, 4).build());
    });
    seed(emu, MONTHS + 1);
    build(emu);
    const moved = chartsOn(emu)[0];
    expect([moved.row, moved.column, moved.offsetX, moved.offsetY]).toEqual([40, 7, 3, 4]);
  });

  it('removes a chart the user took off the dashboard', () => {
    build(emu);
    emu.run((gas) =>
      saveDashboardConfig(gas, {
        version: 1,
        tiles: ['mrr'],
        charts: ['plans-bar'],
        hidden: ['mrr-line', 'mrr-layered', 'churn'],
      }),
    );
    expect(build(emu)).toMatchObject({ removed: 1 });
    expect(chartsOn(emu)).toHaveLength(1);
  });

  it('lays charts out without overlap, inside the grid columns', () => {
    build(emu);
    const geometry = dashboard(emu, (s) => ({
      widths: Array.from({ length: GRID.columns }, (_, i) => s.getColumnWidth(i + 1)),
      heights: Array.from({ length: 20 }, (_, i) => s.getRowHeight(i + 1)),
    }));
    const rects = chartsOn(emu).map((c) => {
      const left = geometry.widths.slice(0, c.column - 1).reduce((a, b) => a + b, 0) + c.offsetX;
      const top = geometry.heights.slice(0, c.row - 1).reduce((a, b) => a + b, 0) + c.offsetY;
      return {
        left,
        top,
        right: left + Number(c.options.get('width')),
        bottom: top + Number(c.options.get('height')),
      };
    });
    const gridRight = geometry.widths.reduce((a, b) => a + b, 0);
    for (const r of rects) expect(r.right).toBeLessThanOrEqual(gridRight);
    expect(rects[0].right).toBeLessThanOrEqual(rects[1].left);
  });

  it('batches its Sheets calls: the count does not grow with the model rows', () => {
    const callsFor = (months: number) => {
      const e = new Emulator({ realCpu: false, now: Date.UTC(2026, 2, 3, 15) });
      seed(e, months);
      build(e);
      build(e);
      const sheetsCalls = (calls: Record<string, number>) =>
        Object.entries(calls)
          .filter(([key]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range|EmbeddedChart)\./.test(key))
          .reduce((sum, [, n]) => sum + n, 0);
      return e.executions.slice(-2).map((x) => sheetsCalls(x.calls));
    };
    expect(callsFor(24)).toEqual(callsFor(600));
  });
});
