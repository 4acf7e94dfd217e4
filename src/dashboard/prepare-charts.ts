import type { ChartDefinition, ModelSpec } from '../model/model-spec';
import { TapdashError } from '../shared/errors';
import type { Calendar } from './calendar';
import type { HelperTable, ModelColumn, NativeChartPlan, Row } from './chart-plan';
import type { ChartRange } from './chart-sync';
import { checkChartSpec } from './check-spec';
import { compileChart } from './compile-chart';
import type { ChartSlotContent } from './dashboard-layout';
import { computeHelperTable } from './helper-table';
import { inferColumns } from './infer-columns';
import type { ModelTab } from './kpi-tiles';

/** The hidden tab that holds every chart's prepared data, side by side. */
export const CHART_DATA_SHEET = '_chart_data';

export type PreparedChart =
  | { key: string; title: string; kind: 'native'; plan: NativeChartPlan; tab: ModelTab; helper?: HelperTable }
  /** Not drawn here: shown in the sidebar instead, broken (an error to fix), or waiting for data. */
  | { key: string; title: string; kind: 'placeholder'; text: string; shown: 'sidebar' | 'error' | 'waiting' };

/** The model tab's rows as objects keyed by the header. */
export function tabRows(tab: ModelTab): Row[] {
  return tab.rows.map((values) => Object.fromEntries(tab.header.map((name, i) => [name, values[i]])));
}

export function tabColumns(tab: ModelTab): ModelColumn[] {
  return inferColumns(tabRows(tab), tab.header);
}

/**
 * Compiles one chart definition against its model's tab: a native plan (with its helper table
 * computed from the live rows), or a placeholder saying why the chart is not drawn here.
 */
export function prepareChart(
  def: ChartDefinition,
  models: ReadonlyMap<string, ModelSpec>,
  tabs: ReadonlyMap<string, ModelTab>,
  calendar: Calendar,
): PreparedChart {
  const base = { key: def.id, title: def.title };
  try {
    const known = new Map(
      [...models.keys()].map((name) => {
        const tab = tabs.get(name);
        return [name, tab ? tabColumns(tab) : undefined] as const;
      }),
    );
    const { model } = checkChartSpec(def.spec, { chart: def.title, models: known });
    const tab = tabs.get(model);
    if (!tab) {
      return {
        ...base,
        kind: 'placeholder',
        shown: 'waiting',
        text: `“${def.title}” appears here after the first refresh builds “${model}”.`,
      };
    }
    const rows = tabRows(tab);
    const plan = compileChart(
      def.spec,
      { model, columns: tabColumns(tab), rows },
      { chart: def.title, calendar },
    );
    if (!plan.native) {
      const more = plan.reasons.length > 1 ? ` (and ${plan.reasons.length - 1} more)` : '';
      return {
        ...base,
        kind: 'placeholder',
        shown: 'sidebar',
        text: `“${def.title}” is shown in the Tapdash sidebar, not as a Sheets chart: ${plan.reasons[0]}${more}.`,
      };
    }
    if (plan.source.kind === 'helper') {
      return {
        ...base,
        kind: 'native',
        plan,
        tab,
        helper: computeHelperTable(plan.source.recipe, rows, calendar),
      };
    }
    return { ...base, kind: 'native', plan, tab };
  } catch (e) {
    if (!(e instanceof TapdashError)) throw e;
    return { ...base, kind: 'placeholder', shown: 'error', text: `${e.message} ${e.fix}` };
  }
}

export function slotContent(chart: PreparedChart): ChartSlotContent {
  return chart.kind === 'native'
    ? { key: chart.key, kind: 'chart' }
    : {
        key: chart.key,
        kind: 'placeholder',
        text: chart.text,
        tone: chart.shown === 'error' ? 'error' : 'info',
      };
}

/** Where each helper table goes on `_chart_data`: side by side from column A, one empty column apart. */
export function allocateHelperBlocks(charts: readonly PreparedChart[]): Map<string, ChartRange> {
  const blocks = new Map<string, ChartRange>();
  let column = 1;
  for (const chart of charts) {
    if (chart.kind !== 'native' || !chart.helper) continue;
    const width = chart.helper.header.length;
    blocks.set(chart.key, {
      sheet: CHART_DATA_SHEET,
      row: 1,
      column,
      numRows: chart.helper.rows.length + 1,
      numColumns: width,
    });
    column += width + 1;
  }
  return blocks;
}

/** The ranges a native chart binds: its helper block, or the model tab's own columns (header included). */
export function chartRanges(
  chart: Extract<PreparedChart, { kind: 'native' }>,
  helper?: ChartRange,
): ChartRange[] {
  if (helper) return [helper];
  const source = chart.plan.source;
  if (source.kind !== 'model') return [];
  return source.columns.map((name) => ({
    sheet: chart.tab.title,
    row: 1,
    column: chart.tab.header.indexOf(name) + 1,
    numRows: chart.tab.rows.length + 1,
    numColumns: 1,
  }));
}
