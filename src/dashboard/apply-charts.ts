import type { Gas } from '../platform/gas';
import type { ChartOp, ChartRegistry, DesiredChart, ExistingChart } from './chart-sync';
import type { ChartPosition } from './dashboard-layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** The charts on a sheet with their ids and anchors, as the sync planner needs them. */
export function existingCharts(sheet: Sheet): {
  charts: Map<number, EmbeddedChart>;
  summary: ExistingChart[];
} {
  const charts = new Map<number, EmbeddedChart>();
  const summary: ExistingChart[] = [];
  for (const chart of sheet.getCharts()) {
    const id = chart.getChartId();
    if (id === null) continue;
    charts.set(id, chart);
    const info = chart.getContainerInfo();
    summary.push({
      chartId: id,
      position: {
        row: info.getAnchorRow(),
        column: info.getAnchorColumn(),
        offsetX: info.getOffsetX(),
        offsetY: info.getOffsetY(),
      },
    });
  }
  return { charts, summary };
}

/**
 * Carries out the planned chart operations and returns the registry with the ids of inserted
 * charts filled in. Ids of new charts are read back from the sheet, since a chart only gets its
 * id once inserted.
 */
export function applyChartOps(
  gas: Gas,
  ss: Spreadsheet,
  sheet: Sheet,
  byId: ReadonlyMap<number, EmbeddedChart>,
  ops: readonly ChartOp[],
  registry: ChartRegistry,
): ChartRegistry {
  const inserted: string[] = [];
  for (const op of ops) {
    if (op.op === 'insert') {
      sheet.insertChart(configure(gas, ss, sheet.newChart(), op.chart, op.chart.position).build());
      inserted.push(op.key);
    } else if (op.op === 'update') {
      const chart = byId.get(op.chartId);
      if (!chart) continue;
      sheet.updateChart(configure(gas, ss, chart.modify().clearRanges(), op.chart, op.position).build());
    } else {
      const chart = byId.get(op.chartId);
      if (chart) sheet.removeChart(chart);
    }
  }
  const next: ChartRegistry = { ...registry };
  if (inserted.length) {
    const known = new Set(byId.keys());
    const fresh = sheet
      .getCharts()
      .map((c) => c.getChartId())
      .filter((id): id is number => id !== null && !known.has(id));
    inserted.forEach((key, i) => {
      if (fresh[i] === undefined) delete next[key];
      else next[key] = { ...next[key], chartId: fresh[i] };
    });
  }
  return next;
}

function configure(
  gas: Gas,
  ss: Spreadsheet,
  builder: Builder,
  chart: DesiredChart,
  position: ChartPosition | null,
): Builder {
  builder.setChartType(gas.Charts.ChartType[chart.chartType]);
  for (const r of chart.ranges) {
    const source = ss.getSheetByName(r.sheet);
    if (source) builder.addRange(source.getRange(r.row, r.column, r.numRows, r.numColumns));
  }
  builder.setNumHeaders(1);
  for (const [key, value] of Object.entries(chart.options)) builder.setOption(key, value);
  builder.setOption('width', chart.width);
  builder.setOption('height', chart.height);
  if (position) builder.setPosition(position.row, position.column, position.offsetX, position.offsetY);
  return builder;
}
