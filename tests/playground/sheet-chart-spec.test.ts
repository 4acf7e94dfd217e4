/** The playground draws a native chart's axes with the formats the chart plan gave Sheets. */
import type * as Vega from 'vega';
import { compile } from 'vega-lite';
import {
  icuDateToD3,
  icuNumberToD3,
  type SheetChart,
  sheetChartToVegaLite,
} from '../../playground/web/sheet-chart-spec';

describe('axis formats from Google Charts (ICU) to Vega-Lite (d3)', () => {
  it.each([
    ['$#,##0', '$,.0f'],
    ['#,##0.00', ',.2f'],
    ['0.0%', '.1%'],
    ['0', '.0f'],
  ])('reads the number pattern %s as %s', (icu, d3) => {
    expect(icuNumberToD3(icu)).toBe(d3);
  });

  it.each([
    ['MMM yyyy', '%b %Y'],
    ['yyyy-MM-dd', '%Y-%m-%d'],
    ["'Q'Q yyyy", 'Q%q %Y'],
  ])('reads the date pattern %s as %s', (icu, d3) => {
    expect(icuDateToD3(icu)).toBe(d3);
  });

  it('leaves patterns it cannot read to the default', () => {
    expect(icuNumberToD3('# ?/?')).toBeUndefined();
    expect(icuDateToD3('GGGG')).toBeUndefined();
  });

  it("puts the chart's formats on its axes", () => {
    const spec = sheetChartToVegaLite(
      {
        type: 'AREA',
        options: { 'hAxis.format': 'MMM yyyy', 'vAxis.format': '$#,##0' },
        ranges: [
          {
            a1: 'MRR!A1:B3',
            values: [
              ['month', 'mrr'],
              ['2025-01-01T05:00:00.000Z', 100],
              ['2025-02-01T05:00:00.000Z', 120],
            ],
          },
        ],
      },
      400,
      200,
    ) as { encoding: { x: { axis: { format: string } }; y: { axis: { format: string } } } };
    expect(spec.encoding.x.axis.format).toBe('%b %Y');
    expect(spec.encoding.y.axis.format).toBe('$,.0f');
  });
});

// Vega's ES module is not transformed for Jest (nor is vega-lite's import of it): its UMD build runs as is.
jest.mock('vega', () =>
  require(require('node:path').join(__dirname, '../../node_modules/vega/build/vega.js')),
);
const { parse, View } = require('vega') as typeof Vega;
type View = Vega.View;

/** Runs the drawn spec headlessly: the scales and marks Vega computes are what the page shows. */
async function draw(chart: SheetChart, width = 560, height = 300): Promise<View> {
  const spec = sheetChartToVegaLite(chart, width, height);
  const view = new View(parse(compile(spec as never).spec), { renderer: 'none' });
  await view.runAsync();
  return view;
}

function colorOf(view: View, name: string): string {
  return (view.scale('color') as (v: string) => string)(name);
}

/** Every drawn item of one mark type, in the order Vega lays them out. */
function items(
  view: View,
  markType: string,
): Array<{ x: number; y: number; bounds: { x1: number; x2: number } }> {
  const found: Array<{ x: number; y: number; bounds: { x1: number; x2: number } }> = [];
  const walk = (node: { marktype?: string; items?: unknown[] }) => {
    for (const item of (node.items ?? []) as Array<{ items?: unknown[]; marktype?: string }>) {
      if (node.marktype === markType) found.push(item as never);
      walk(item);
    }
  };
  walk((view.scenegraph() as unknown as { root: { items?: unknown[] } }).root);
  return found;
}

const weeks = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10'];

describe('the playground draws a native chart as Sheets would', () => {
  it('colors each series with the color at its position in the range, not in name order', async () => {
    const view = await draw({
      type: 'COLUMN',
      options: { isStacked: true, colors: ['#16a34a', '#9ca3af'], 'legend.position': 'right' },
      ranges: [
        {
          a1: '_chart_data!H1:J3',
          values: [
            ['Month', 'Won', 'Lost'],
            ['2025-01-01T05:00:00.000Z', 2, 5],
            ['2025-02-01T05:00:00.000Z', 3, 4],
          ],
        },
      ],
    });
    expect(colorOf(view, 'Won')).toBe('#16a34a');
    expect(colorOf(view, 'Lost')).toBe('#9ca3af');
    // The legend lists the series in column order, as Sheets does.
    expect(view.scale('color').domain()).toEqual(['Won', 'Lost']);
  });

  it('colors pie slices in row order', async () => {
    const view = await draw({
      type: 'PIE',
      options: { colors: ['#dc2626', '#f59e0b', '#2563eb', '#9ca3af'], 'legend.position': 'right' },
      ranges: [
        {
          a1: '_chart_data!V1:W5',
          values: [
            ['Priority', 'Open tickets'],
            ['urgent', 4],
            ['high', 12],
            ['normal', 40],
            ['low', 30],
          ],
        },
      ],
    });
    expect(colorOf(view, 'urgent')).toBe('#dc2626');
    expect(colorOf(view, 'low')).toBe('#9ca3af');
  });

  it('draws a weekly line through every week in date order, without going back', async () => {
    const view = await draw({
      type: 'LINE',
      options: { colors: ['#4c78a8'], 'legend.position': 'none' },
      ranges: [
        {
          a1: 'Demo · First reply time!A1:B7',
          values: [['week', 'hours'], ...weeks.map((w, i) => [`${w}T05:00:00.000Z`, [3, 8, 2, 13, 4, 6][i]])],
        },
      ],
    });
    const xs = items(view, 'line').map((p) => p.x);
    expect(xs).toHaveLength(weeks.length);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
  });

  it('draws one bar per week for weekly columns, not one per month', async () => {
    const view = await draw({
      type: 'COLUMN',
      options: { colors: ['#4c78a8'], 'legend.position': 'none' },
      ranges: [
        {
          a1: 'Weekly!A1:B7',
          values: [['week', 'merged'], ...weeks.map((w, i) => [`${w}T05:00:00.000Z`, i + 1])],
        },
      ],
    });
    const bars = items(view, 'rect');
    expect(bars).toHaveLength(weeks.length);
    expect(new Set(bars.map((b) => Math.round(b.x))).size).toBe(weeks.length);
  });

  it('skips empty cells of a line instead of dropping it to zero', async () => {
    const view = await draw({
      type: 'LINE',
      options: { colors: ['#4c78a8'], 'legend.position': 'none', interpolateNulls: true },
      ranges: [
        {
          a1: 'Weekly!A1:B4',
          values: [
            ['week', 'hours'],
            ['2025-01-06T05:00:00.000Z', 5],
            ['2025-01-13T05:00:00.000Z', ''],
            ['2025-01-20T05:00:00.000Z', 5],
          ],
        },
      ],
    });
    const ys = items(view, 'line').map((p) => p.y);
    expect(ys).toHaveLength(2);
    expect(ys[0]).toBe(ys[1]);
  });

  it('keeps long category labels, axes and the legend inside the chart box', async () => {
    const width = 560;
    const height = 300;
    const view = await draw(
      {
        type: 'COLUMN',
        options: { 'hAxis.title': 'Owner', 'vAxis.title': 'Value won', 'legend.position': 'none' },
        ranges: [
          {
            a1: '_chart_data!O1:P5',
            values: [
              ['Owner', 'Value won'],
              ['Maya Okafor-Lindqvist', 376000],
              ['Priya Shah', 120000],
              ['Diego Castro', 118000],
              ['Jon Weber', 117000],
            ],
          },
        ],
      },
      width,
      height,
    );
    const bounds = (
      view.scenegraph() as unknown as { root: { bounds: { x1: number; x2: number; y1: number; y2: number } } }
    ).root.bounds;
    const [ox, oy] = view.origin();
    // Half a pixel of stroke may straddle the edge.
    expect(bounds.x1 + ox).toBeGreaterThanOrEqual(-1);
    expect(bounds.y1 + oy).toBeGreaterThanOrEqual(-1);
    expect(bounds.x2 + ox).toBeLessThanOrEqual(width + 1);
    expect(bounds.y2 + oy).toBeLessThanOrEqual(height + 1);
  });

  it('titles the category axis of a horizontal bar chart from vAxis, as Google bar charts do', () => {
    const spec = sheetChartToVegaLite(
      {
        type: 'BAR',
        options: { 'hAxis.title': 'Pipeline value', 'vAxis.title': 'Stage' },
        ranges: [
          {
            a1: 'S!A1:B2',
            values: [
              ['stage', 'amount'],
              ['Contract sent', 10],
            ],
          },
        ],
      },
      400,
      200,
    ) as { encoding: { x: { title: string }; y: { title: string } } };
    expect(spec.encoding.y.title).toBe('Stage');
    expect(spec.encoding.x.title).toBe('Pipeline value');
  });
});
