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

export function sheetChartToVegaLite(
  chart: SheetChart,
  width: number,
  height: number,
): Record<string, unknown> {
  const { header, rows } = tableOf(chart);
  const domain = header[0] ?? 'x';
  const series = header.slice(1);
  const values = rows.flatMap((row) =>
    series.map((s, i) => ({
      [domain]: row[0],
      series: s,
      value: typeof row[i + 1] === 'number' ? row[i + 1] : Number(row[i + 1]) || 0,
    })),
  );
  const type = chart.type.toUpperCase();
  const mark = MARKS[type] ?? 'bar';
  const colors = Array.isArray(chart.options.colors) ? (chart.options.colors as string[]) : undefined;
  const legend =
    chart.options['legend.position'] === 'none'
      ? null
      : { orient: (chart.options['legend.position'] as string) ?? 'right' };
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    legend,
    ...(colors ? { scale: { range: colors } } : {}),
  };
  const title = (chart.options.title as string) ?? undefined;
  const isDate =
    rows.length > 0 && typeof rows[0][0] === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(rows[0][0] as string);
  if (mark === 'arc') {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width,
      height,
      data: { values: rows.map((r) => ({ [domain]: String(r[0]), value: Number(r[1]) || 0 })) },
      mark: {
        type: 'arc',
        innerRadius: chart.options.pieHole
          ? Number(chart.options.pieHole) * Math.min(width, height) * 0.5
          : 0,
      },
      encoding: {
        theta: { field: 'value', type: 'quantitative' },
        color: { field: domain, type: 'nominal', legend, ...(colors ? { scale: { range: colors } } : {}) },
      },
    };
  }
  const stacked = Boolean(chart.options.isStacked) && chart.options.isStacked !== 'false';
  const horizontal = type === 'BAR';
  // In a Google bar chart the horizontal axis is the value axis.
  const domainFormat = chart.options[horizontal ? 'vAxis.format' : 'hAxis.format'];
  const valueFormat = chart.options[horizontal ? 'hAxis.format' : 'vAxis.format'];
  const dateFormat = isDate && typeof domainFormat === 'string' ? icuDateToD3(domainFormat) : undefined;
  const numberFormat = typeof valueFormat === 'string' ? icuNumberToD3(valueFormat) : undefined;
  const x = {
    field: domain,
    type: isDate ? 'temporal' : 'ordinal',
    title: (chart.options['hAxis.title'] as string) ?? null,
    ...(isDate ? { timeUnit: 'yearmonth' } : { sort: null }),
    ...(dateFormat ? { axis: { format: dateFormat } } : {}),
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: (chart.options['vAxis.title'] as string) ?? null,
    stack: stacked ? 'zero' : null,
    ...(numberFormat ? { axis: { format: numberFormat } } : {}),
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width,
    height,
    data: { values },
    mark: { type: mark, ...(mark === 'line' ? { point: false } : {}) },
    encoding: {
      ...(horizontal ? { y: x, x: y } : { x, y }),
      color,
      ...(mark === 'bar' && !stacked && series.length > 1
        ? horizontal
          ? { yOffset: { field: 'series' } }
          : { xOffset: { field: 'series' } }
        : {}),
    },
  };
}
