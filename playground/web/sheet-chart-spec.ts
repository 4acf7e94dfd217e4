/**
 * Draws a native Sheets chart the way Sheets would, from its type, options and bound ranges:
 * turned into a Vega-Lite spec for the playground page. The first column is the domain, the
 * others are series; row 1 holds the headers (setNumHeaders(1)).
 */
export interface SheetChart {
  type: string;
  options: Record<string, unknown>;
  ranges: Array<{ a1: string; values: unknown[][] }>;
}

function tableOf(chart: SheetChart): { header: string[]; rows: unknown[][] } {
  // Ranges side by side (domain column + series columns) are merged column-wise.
  const columns: unknown[][] = [];
  for (const r of chart.ranges) {
    const width = r.values[0]?.length ?? 0;
    for (let c = 0; c < width; c++) columns.push(r.values.map((row) => row[c]));
  }
  const height = Math.max(0, ...columns.map((c) => c.length));
  const header = columns.map((c, i) => String(c[0] ?? `Series ${i}`));
  const rows: unknown[][] = [];
  for (let r = 1; r < height; r++) rows.push(columns.map((c) => c[r]));
  return { header, rows: rows.filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined)) };
}

/**
 * Google Charts axis formats are ICU patterns; Vega-Lite's are d3's. The common ones the
 * dashboard compiler writes (src/dashboard/chart-formats.ts) are translated back; anything else
 * is left to Vega-Lite's default rather than drawn wrong.
 */
export function icuNumberToD3(pattern: string): string | undefined {
  const m = /^([$€£]?)([#0,]*0)(?:\.(0+))?(%?)$/.exec(pattern.trim());
  if (!m) return undefined;
  const [, currency, integer, decimals = '', percent] = m;
  return `${currency === '$' ? '$' : ''}${integer.includes(',') ? ',' : ''}.${decimals.length}${percent ? '%' : 'f'}`;
}

const ICU_DATE: Array<[RegExp, string]> = [
  [/^yyyy/, '%Y'],
  [/^yy/, '%y'],
  [/^MMMM/, '%B'],
  [/^MMM/, '%b'],
  [/^MM/, '%m'],
  [/^M/, '%-m'],
  [/^dd/, '%d'],
  [/^d/, '%-d'],
  [/^EEEE/, '%A'],
  [/^EEE/, '%a'],
  [/^HH/, '%H'],
  [/^mm/, '%M'],
  [/^Q/, '%q'],
];

export function icuDateToD3(pattern: string): string | undefined {
  let out = '';
  let rest = pattern;
  while (rest) {
    const hit = ICU_DATE.find(([re]) => re.test(rest));
    const quoted = /^'([^']*)'/.exec(rest);
    if (quoted) {
      out += quoted[1].replace(/%/g, '%%');
      rest = rest.slice(quoted[0].length);
    } else if (hit) {
      out += hit[1];
      rest = rest.replace(hit[0], '');
    } else if (/^[A-Za-z]/.test(rest)) return undefined;
    else {
      out += rest[0];
      rest = rest.slice(1);
    }
  }
  return out;
}

const MARKS: Record<string, string> = {
  COLUMN: 'bar',
  BAR: 'bar',
  LINE: 'line',
  AREA: 'area',
  SCATTER: 'point',
  PIE: 'arc',
  COMBO: 'bar',
  TABLE: 'text',
};

/** Vega-Lite's bucket for a date column drawn as bars: one bar per step of the data (a day, week, month, year). */
function barTimeUnit(dates: readonly string[]): string {
  const times = [...new Set(dates.map((d) => Date.parse(d)))].filter(Number.isFinite).sort((a, b) => a - b);
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) step = Math.min(step, times[i] - times[i - 1]);
  const days = step / 86_400_000;
  if (days >= 360) return 'year';
  if (days >= 28) return 'yearmonth';
  if (days >= 7) return 'yearweek';
  return 'yearmonthdate';
}

/** A cell as a plotted number; empty or text cells are no point at all (Sheets skips them). */
function plotted(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The chart as Vega-Lite. `width`×`height` is the whole chart box: titles, axes, labels and
 * legends are fitted inside it, as Sheets lays a chart out inside its box.
 */
export function sheetChartToVegaLite(
  chart: SheetChart,
  width: number,
  height: number,
): Record<string, unknown> {
  const { header, rows } = tableOf(chart);
  const domain = header[0] ?? 'x';
  const series = header.slice(1);
  const type = chart.type.toUpperCase();
  const mark = MARKS[type] ?? 'bar';
  const colors = Array.isArray(chart.options.colors) ? (chart.options.colors as string[]) : undefined;
  const legend =
    chart.options['legend.position'] === 'none'
      ? null
      : { orient: (chart.options['legend.position'] as string) ?? 'right' };
  const title = (chart.options.title as string) ?? undefined;
  const frame = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 8,
  };
  // Sheets gives colors to series (or pie slices) in the order the range holds them, and lists
  // the legend in that order: the scale's domain is that order, never Vega-Lite's sorted one.
  const colorScale = (names: string[]) => ({ domain: names, ...(colors ? { range: colors } : {}) });
  if (mark === 'arc') {
    const labels = rows.map((r) => String(r[0]));
    return {
      ...frame,
      data: { values: rows.map((r, i) => ({ [domain]: String(r[0]), value: plotted(r[1]) ?? 0, index: i })) },
      mark: {
        type: 'arc',
        // A ratio of the drawn pie, which shrinks to leave the legend room.
        innerRadius: { expr: `min(width, height) / 2 * ${Number(chart.options.pieHole ?? 0) || 0}` },
      },
      encoding: {
        theta: { field: 'value', type: 'quantitative', stack: true },
        // Slices run clockwise in row order, as Sheets draws them.
        order: { field: 'index', type: 'quantitative' },
        color: { field: domain, type: 'nominal', title: null, legend, scale: colorScale(labels) },
      },
    };
  }
  // An empty cell is no point: lines join across it, as the compiler's interpolateNulls asks.
  const values = rows.flatMap((row) =>
    series
      .map((s, i) => ({ [domain]: row[0], series: s, index: i, value: plotted(row[i + 1]) }))
      .filter((point) => point.value !== null),
  );
  const color = { field: 'series', type: 'nominal', title: null, legend, scale: colorScale(series) };
  const isDate =
    rows.length > 0 && typeof rows[0][0] === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(rows[0][0] as string);
  const stacked = Boolean(chart.options.isStacked) && chart.options.isStacked !== 'false';
  const horizontal = type === 'BAR';
  // In a Google bar chart the horizontal axis is the value axis.
  const domainFormat = chart.options[horizontal ? 'vAxis.format' : 'hAxis.format'];
  const valueFormat = chart.options[horizontal ? 'hAxis.format' : 'vAxis.format'];
  const dateFormat = isDate && typeof domainFormat === 'string' ? icuDateToD3(domainFormat) : undefined;
  const numberFormat = typeof valueFormat === 'string' ? icuNumberToD3(valueFormat) : undefined;
  // Lines and areas run through every date as it is; bars need a band, one per step of the data.
  const timeUnit = isDate && mark === 'bar' ? barTimeUnit(rows.map((r) => String(r[0]))) : undefined;
  const x = {
    field: domain,
    type: isDate ? 'temporal' : 'ordinal',
    title: (chart.options[horizontal ? 'vAxis.title' : 'hAxis.title'] as string) ?? null,
    ...(timeUnit ? { timeUnit } : isDate ? {} : { sort: null }),
    ...(dateFormat ? { axis: { format: dateFormat } } : {}),
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: (chart.options[horizontal ? 'hAxis.title' : 'vAxis.title'] as string) ?? null,
    stack: stacked ? 'zero' : null,
    ...(numberFormat ? { axis: { format: numberFormat } } : {}),
  };
  return {
    ...frame,
    data: { values },
    mark: { type: mark, ...(mark === 'line' ? { point: false } : {}) },
    encoding: {
      ...(horizontal ? { y: x, x: y } : { x, y }),
      color,
      // Sheets stacks the first series at the bottom (Vega-Lite would put it on top).
      ...(stacked ? { order: { field: 'index', type: 'quantitative', sort: 'ascending' } } : {}),
      ...(mark === 'bar' && !stacked && series.length > 1
        ? horizontal
          ? { yOffset: { field: 'series', sort: series } }
          : { xOffset: { field: 'series', sort: series } }
        : {}),
    },
  };
}
