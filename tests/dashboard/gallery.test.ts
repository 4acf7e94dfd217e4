import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateVegaLite } from '../../playground/cli/vega-lite-schema';
import { compileChart } from '../../src/dashboard/compile-chart';

/**
 * Real specs from the Vega-Lite gallery (fixtures/gallery/README.md): each either compiles to a
 * native chart or is refused with reasons. Fields are not checked (no model columns given).
 */
const DIR = join(__dirname, 'fixtures/gallery');
const load = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
const asModel = (spec: Record<string, unknown>) => ({ ...spec, data: { name: 'gallery' } });
const compile = (file: string) => compileChart(asModel(load(file)), { model: 'gallery' }, { chart: file });

const NATIVE: Record<string, string> = {
  'bar.vl.json': 'COLUMN',
  'stacked_bar_weather.vl.json': 'COLUMN',
  'bar_month_temporal.vl.json': 'COLUMN',
  'line_color.vl.json': 'LINE',
  'stacked_area.vl.json': 'AREA',
  'point_2d.vl.json': 'SCATTER',
  'arc_pie.vl.json': 'PIE',
  'arc_donut.vl.json': 'PIE',
};

const REFUSED: Record<string, string[]> = {
  'line.vl.json': [
    `transform[0].filter "datum.symbol==='GOOG'": Sheets charts cannot evaluate Vega expressions; filter in the model's SQL`,
  ],
  'layer_bar_line.vl.json': ['layer: Sheets charts cannot overlay two marks; shown in the sidebar only'],
  'bar_grouped_repeated.vl.json': [
    'repeat: Sheets charts cannot repeat a view over fields (repeat); shown in the sidebar only',
    'spec: Sheets charts cannot nest views; shown in the sidebar only',
  ],
  'rect_heatmap.vl.json': ['mark "rect": rect marks (heatmaps, 2D histograms) have no Sheets chart type'],
  'tick_dot.vl.json': ['mark "tick": Sheets has no tick (strip) plot'],
  'boxplot_minmax_2D_vertical.vl.json': ['mark "boxplot": Sheets has no box plot chart'],
  'interactive_legend.vl.json': [
    'params: Sheets charts have no interactive selections or parameters',
    'encoding.opacity.condition: conditional encodings need selections, which Sheets charts do not have',
    'encoding.y.stack "center": Sheets stacks from zero only',
  ],
  'trellis_bar.vl.json': [
    `transform[0].filter "datum.year == 2000": Sheets charts cannot evaluate Vega expressions; filter in the model's SQL`,
    `transform[1] (calculate): Sheets charts cannot run this transform; compute it in the model's SQL`,
    'encoding.row: Sheets charts cannot split into small multiples (row)',
  ],
};

describe('Vega-Lite gallery specs', () => {
  it('covers every fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.vl.json'));
    expect(files.sort()).toEqual([...Object.keys(NATIVE), ...Object.keys(REFUSED)].sort());
  });

  it.each(Object.keys({ ...NATIVE, ...REFUSED }).filter((f) => f !== 'trellis_bar.vl.json'))(
    '%s is valid against the Vega-Lite schema',
    (file) => {
      expect(validateVegaLite(load(file))).toEqual({ valid: true });
    },
  );

  it('names the outdated property of a Vega-Lite 2 spec', () => {
    expect(validateVegaLite(load('trellis_bar.vl.json'))).toEqual({
      valid: false,
      errors: ['/encoding/x/scale: must NOT have additional properties ("rangeStep")'],
    });
  });

  it.each(Object.entries(NATIVE))('%s compiles to a native %s chart', (file, chartType) => {
    const plan = compile(file);
    expect(plan.native ? plan.chartType : plan.reasons).toEqual(chartType);
  });

  it.each(Object.entries(REFUSED))('%s is refused with its reasons', (file, reasons) => {
    const plan = compile(file);
    expect(plan.native ? plan.chartType : plan.reasons).toEqual(reasons);
  });

  it('keeps the weather colors aligned with their domain order', () => {
    const plan = compile('stacked_bar_weather.vl.json');
    if (!plan.native || plan.source.kind !== 'helper') throw new Error('expected a helper plan');
    expect(plan.options.colors).toEqual(['#e7ba52', '#c7c7c7', '#aec7e8', '#1f77b4', '#9467bd']);
    expect(plan.options['hAxis.title']).toBe('Month of the year');
    expect(plan.source.recipe.series?.order).toEqual({
      by: 'list',
      values: ['sun', 'fog', 'drizzle', 'rain', 'snow'],
      complete: true,
    });
  });

  it('turns the donut innerRadius of 50 into a pie hole of one half', () => {
    const plan = compile('arc_donut.vl.json');
    expect(plan.native && plan.options.pieHole).toBe(0.5);
  });
});
