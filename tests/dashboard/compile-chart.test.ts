import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateVegaLite } from '../../playground/cli/vega-lite-schema';
import type { ChartPlan, DataShape, NativeChartPlan, Row } from '../../src/dashboard/chart-plan';
import { compileChart } from '../../src/dashboard/compile-chart';
import { computeHelperTable } from '../../src/dashboard/helper-table';
import { TapdashError } from '../../src/shared/errors';

const COLUMNS: DataShape['columns'] = [
  { name: 'month', type: 'date' },
  { name: 'plan', type: 'text' },
  { name: 'mrr', type: 'number' },
  { name: 'new_mrr', type: 'number' },
  { name: 'churned_mrr', type: 'number' },
  { name: 'customers', type: 'number' },
];

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ROWS: Row[] = [
  { month: d('2024-01-01'), plan: 'pro', mrr: 100, new_mrr: 20, churned_mrr: 5, customers: 4 },
  { month: d('2024-01-01'), plan: 'basic', mrr: 50, new_mrr: 10, churned_mrr: 2, customers: 10 },
  { month: d('2024-02-01'), plan: 'pro', mrr: 130, new_mrr: 35, churned_mrr: 5, customers: 5 },
  { month: d('2024-02-01'), plan: 'basic', mrr: 40, new_mrr: 0, churned_mrr: 10, customers: 8 },
];

function shape(rows?: Row[]): DataShape {
  return rows ? { model: 'mrr', columns: COLUMNS, rows } : { model: 'mrr', columns: COLUMNS };
}

/** Every spec is first checked against the Vega-Lite schema, so the tests only use real Vega-Lite. */
function compile(spec: Record<string, unknown>, rows?: Row[]): ChartPlan {
  const full = { data: { name: 'mrr' }, ...spec };
  expect(validateVegaLite(full)).toEqual({ valid: true });
  return compileChart(full, shape(rows), { chart: 'Test chart' });
}

function native(plan: ChartPlan): NativeChartPlan {
  if (!plan.native) throw new Error(`expected a native plan, got reasons:\n${plan.reasons.join('\n')}`);
  return plan;
}

function reasonsOf(plan: ChartPlan): string[] {
  if (plan.native) throw new Error(`expected a refusal, got a ${plan.chartType} plan`);
  return plan.reasons;
}

function helperOf(plan: NativeChartPlan, rows: Row[] = ROWS) {
  if (plan.source.kind !== 'helper') throw new Error('expected a helper source');
  return computeHelperTable(plan.source.recipe, rows);
}

const x = (field: string, type: string, more: object = {}) => ({ field, type, ...more });

describe('bar and column charts', () => {
  it('compiles categories on x and numbers on y to a COLUMN chart', () => {
    const plan = native(
      compile({ mark: 'bar', encoding: { x: x('plan', 'nominal'), y: x('mrr', 'quantitative') } }),
    );
    expect(plan.chartType).toBe('COLUMN');
    expect(plan.options['hAxis.title']).toBe('plan');
    expect(plan.options['vAxis.title']).toBe('mrr');
  });

  it('compiles numbers on x and categories on y to a horizontal BAR chart', () => {
    const plan = native(
      compile({ mark: 'bar', encoding: { y: x('plan', 'nominal'), x: x('mrr', 'quantitative') } }),
    );
    expect(plan.chartType).toBe('BAR');
    expect(plan.options['hAxis.title']).toBe('mrr');
    expect(plan.options['vAxis.title']).toBe('plan');
  });

  it('stacks bars split by a color field, one helper column per series', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative'), color: x('plan', 'nominal') },
      }),
    );
    expect(plan.chartType).toBe('COLUMN');
    expect(plan.options.isStacked).toBe(true);
    expect(helperOf(plan)).toEqual({
      header: ['month', 'basic', 'pro'],
      rows: [
        [d('2024-01-01'), 50, 100],
        [d('2024-02-01'), 40, 130],
      ],
      formats: ['yyyy-mm-dd', null, null],
    });
  });

  it('groups bars side by side when xOffset repeats the color field', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('month', 'temporal'),
          y: x('mrr', 'quantitative'),
          color: x('plan', 'nominal'),
          xOffset: x('plan', 'nominal'),
        },
      }),
    );
    expect(plan.options.isStacked).toBe(false);
  });

  it('groups horizontal bars when yOffset repeats the color field', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          y: x('month', 'ordinal'),
          x: x('mrr', 'quantitative'),
          color: x('plan', 'nominal'),
          yOffset: x('plan', 'nominal'),
        },
      }),
    );
    expect(plan.chartType).toBe('BAR');
    expect(plan.options.isStacked).toBe(false);
  });

  it('stacks to 100% with stack "normalize"', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('month', 'temporal'),
          y: x('mrr', 'quantitative', { stack: 'normalize' }),
          color: x('plan', 'nominal'),
        },
      }),
    );
    expect(plan.options.isStacked).toBe('percent');
  });

  it('refuses unstacked colored bars without an offset, which would overlap', () => {
    const reasons = reasonsOf(
      compile({
        mark: 'bar',
        encoding: {
          x: x('month', 'temporal'),
          y: x('mrr', 'quantitative', { stack: null }),
          color: x('plan', 'nominal'),
        },
      }),
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^encoding\.y\.stack: unstacked bars would overlap.*xOffset/),
    ]);
  });

  it('refuses an offset that is not the color field', () => {
    const reasons = reasonsOf(
      compile({
        mark: 'bar',
        encoding: {
          x: x('month', 'temporal'),
          y: x('mrr', 'quantitative'),
          color: x('plan', 'nominal'),
          xOffset: x('customers', 'nominal'),
        },
      }),
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^encoding\.xOffset: grouped bars need the offset field/),
    ]);
  });

  it('refuses a bar chart with categories on both axes', () => {
    const reasons = reasonsOf(
      compile({ mark: 'bar', encoding: { x: x('plan', 'nominal'), y: x('month', 'ordinal') } }),
    );
    expect(reasons[0]).toMatch(/^mark "bar": one of x and y must be a number/);
  });

  it('refuses a bar with only one axis', () => {
    const reasons = reasonsOf(compile({ mark: 'bar', encoding: { x: x('mrr', 'quantitative') } }));
    expect(reasons[0]).toMatch(/need both x and y/);
  });
});

describe('line and area charts', () => {
  it('binds a line straight to the model tab when the rows are already in date order', () => {
    const rows = ROWS.filter((r) => r.plan === 'pro');
    const plan = native(
      compile({ mark: 'line', encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative') } }, rows),
    );
    expect(plan.chartType).toBe('LINE');
    expect(plan.source).toEqual({ kind: 'model', columns: ['month', 'mrr'] });
    expect(plan.options['legend.position']).toBe('none');
  });

  it('sorts a line through a helper when the model rows are out of date order', () => {
    const rows = [...ROWS].filter((r) => r.plan === 'pro').reverse();
    const plan = native(
      compile({ mark: 'line', encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative') } }, rows),
    );
    expect(plan.source.kind).toBe('helper');
    expect(helperOf(plan, rows).rows).toEqual([
      [d('2024-01-01'), 100],
      [d('2024-02-01'), 130],
    ]);
  });

  it('assumes period order, and says so, when compiled without rows', () => {
    const plan = native(
      compile({ mark: 'line', encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative') } }),
    );
    expect(plan.source.kind).toBe('model');
    expect(plan.notes).toContain("binds the model's columns directly, assuming its rows are in month order");
  });

  it('draws one line per color value, unstacked, joining across missing points', () => {
    const plan = native(
      compile({
        mark: 'line',
        encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative'), color: x('plan', 'nominal') },
      }),
    );
    expect(plan.chartType).toBe('LINE');
    expect(plan.options.isStacked).toBeUndefined();
    expect(plan.options.interpolateNulls).toBe(true);
    expect(plan.options['legend.position']).toBe('right');
    expect(helperOf(plan).header).toEqual(['month', 'basic', 'pro']);
  });

  it('stacks areas by color by default, as Vega-Lite does', () => {
    const plan = native(
      compile({
        mark: 'area',
        encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative'), color: x('plan', 'nominal') },
      }),
    );
    expect(plan.chartType).toBe('AREA');
    expect(plan.options.isStacked).toBe(true);
  });

  it('overlaps areas with stack null', () => {
    const plan = native(
      compile({
        mark: 'area',
        encoding: {
          x: x('month', 'temporal'),
          y: x('mrr', 'quantitative', { stack: null }),
          color: x('plan', 'nominal'),
        },
      }),
    );
    expect(plan.options.isStacked).toBe(false);
  });

  it('refuses a stacked line, which Sheets cannot draw', () => {
    const reasons = reasonsOf(
      compile({
        mark: 'line',
        encoding: {
          x: x('month', 'temporal'),
          y: x('mrr', 'quantitative', { stack: 'zero' }),
          color: x('plan', 'nominal'),
        },
      }),
    );
    expect(reasons).toEqual(['encoding.y.stack: Sheets line charts do not stack']);
  });

  it('refuses a vertical line with categories on y', () => {
    const reasons = reasonsOf(
      compile({ mark: 'line', encoding: { y: x('month', 'ordinal'), x: x('mrr', 'quantitative') } }),
    );
    expect(reasons[0]).toMatch(/^mark "line": .*y is ordinal/);
  });

  it('starts the value axis at zero like Vega-Lite, unless scale.zero is false', () => {
    const enc = { x: x('month', 'temporal'), y: x('mrr', 'quantitative') };
    expect(native(compile({ mark: 'line', encoding: enc })).options['vAxis.minValue']).toBe(0);
    const noZero = { ...enc, y: x('mrr', 'quantitative', { scale: { zero: false } }) };
    expect(native(compile({ mark: 'line', encoding: noZero })).options['vAxis.minValue']).toBeUndefined();
  });

  it('carries line width, points and smoothing from the mark', () => {
    const plan = native(
      compile({
        mark: { type: 'line', strokeWidth: 3, point: true, interpolate: 'monotone' },
        encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative') },
      }),
    );
    expect(plan.options).toMatchObject({ lineWidth: 3, pointSize: 6, curveType: 'function' });
    expect(plan.notes.join('\n')).toMatch(/interpolate "monotone"/);
  });

  it('refuses step interpolation', () => {
    const reasons = reasonsOf(
      compile({
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative') },
      }),
    );
    expect(reasons).toEqual(['mark.interpolate "step-after": Sheets line charts cannot draw steps']);
  });
});

describe('scatter plots', () => {
  it('compiles points with numbers on both axes to a SCATTER chart bound to the model', () => {
    const plan = native(
      compile({
        mark: 'point',
        encoding: { x: x('customers', 'quantitative'), y: x('mrr', 'quantitative') },
      }),
    );
    expect(plan.chartType).toBe('SCATTER');
    expect(plan.source).toEqual({ kind: 'model', columns: ['customers', 'mrr'] });
    expect(plan.options['hAxis.minValue']).toBe(0);
    expect(plan.notes).toEqual([]);
  });

  it('splits points by color into one column per series, blank where a point belongs to another', () => {
    const plan = native(
      compile({
        mark: 'circle',
        encoding: {
          x: x('customers', 'quantitative'),
          y: x('mrr', 'quantitative'),
          color: x('plan', 'nominal'),
        },
      }),
    );
    expect(helperOf(plan)).toMatchObject({
      header: ['customers', 'basic', 'pro'],
      rows: [
        [4, null, 100],
        [5, null, 130],
        [8, 40, null],
        [10, 50, null],
      ],
    });
  });

  it('draws square marks as square points', () => {
    const plan = native(
      compile({
        mark: 'square',
        encoding: { x: x('customers', 'quantitative'), y: x('mrr', 'quantitative') },
      }),
    );
    expect(plan.options.pointShape).toBe('square');
  });

  it('refuses points on a category axis', () => {
    const reasons = reasonsOf(
      compile({ mark: 'point', encoding: { x: x('plan', 'nominal'), y: x('mrr', 'quantitative') } }),
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^encoding\.x: Sheets scatter charts plot numbers or dates/),
    ]);
  });
});

describe('pie and donut charts', () => {
  const pie = { theta: x('mrr', 'quantitative', { aggregate: 'sum' }), color: x('plan', 'nominal') };

  it('compiles an arc to a PIE chart, one slice per color value, without slice labels', () => {
    const plan = native(compile({ mark: 'arc', encoding: pie }));
    expect(plan.chartType).toBe('PIE');
    expect(plan.options).toMatchObject({ 'legend.position': 'right', pieSliceText: 'none' });
    expect(plan.options.pieHole).toBeUndefined();
    expect(helperOf(plan).rows).toEqual([
      ['basic', 90],
      ['pro', 230],
    ]);
  });

  it('turns innerRadius into pieHole relative to the default 200 px view', () => {
    expect(native(compile({ mark: { type: 'arc', innerRadius: 50 }, encoding: pie })).options.pieHole).toBe(
      0.5,
    );
  });

  it('uses the spec size or outerRadius for the donut ratio', () => {
    const sized = compile({ width: 300, height: 400, mark: { type: 'arc', innerRadius: 60 }, encoding: pie });
    expect(native(sized).options.pieHole).toBe(0.4);
    const outer = compile({ mark: { type: 'arc', innerRadius: 30, outerRadius: 120 }, encoding: pie });
    expect(native(outer).options.pieHole).toBe(0.25);
  });

  it('keeps a slice for every value of an explicit color domain, so colors stay aligned', () => {
    const plan = native(
      compile({
        mark: 'arc',
        encoding: {
          ...pie,
          color: x('plan', 'nominal', {
            scale: { domain: ['pro', 'enterprise', 'basic'], range: ['#111', '#222', '#333'] },
          }),
        },
      }),
    );
    expect(plan.options.colors).toEqual(['#111', '#222', '#333']);
    expect(helperOf(plan).rows).toEqual([
      ['pro', 230],
      ['enterprise', null],
      ['basic', 90],
    ]);
  });

  it('refuses a pie without a color field', () => {
    expect(reasonsOf(compile({ mark: 'arc', encoding: { theta: x('mrr', 'quantitative') } }))).toEqual([
      'encoding.color: a pie needs a color field naming the slices',
    ]);
  });

  it('refuses a radial chart', () => {
    const reasons = reasonsOf(
      compile({ mark: 'arc', encoding: { ...pie, radius: x('mrr', 'quantitative') } }),
    );
    expect(reasons).toEqual(['encoding.radius: radial charts (radius) have no Sheets equivalent']);
  });
});

describe('time units, sorts and aggregates', () => {
  it('buckets a temporal field by month and sums into it', () => {
    const rows = [
      { month: d('2024-01-03'), mrr: 10 },
      { month: d('2024-01-28'), mrr: 5 },
      { month: d('2024-03-01'), mrr: 7 },
    ];
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('month', 'temporal', { timeUnit: 'yearmonth' }),
          y: x('mrr', 'quantitative', { aggregate: 'sum' }),
        },
      }),
    );
    expect(plan.options['hAxis.title']).toBe('month (year-month)');
    expect(plan.options['vAxis.title']).toBe('Sum of mrr');
    expect(helperOf(plan, rows)).toEqual({
      header: ['month (year-month)', 'Sum of mrr'],
      rows: [
        [d('2024-01-01'), 15],
        [d('2024-03-01'), 7],
      ],
      formats: ['mmm yyyy', null],
    });
  });

  it('labels an ordinal month bucket with month names, in calendar order', () => {
    const rows = [{ month: d('2023-03-09') }, { month: d('2024-01-02') }, { month: d('2023-01-20') }];
    const plan = native(
      compile({
        mark: 'bar',
        encoding: { x: x('month', 'ordinal', { timeUnit: 'month' }), y: { aggregate: 'count' } },
      }),
    );
    expect(helperOf(plan, rows).rows).toEqual([
      ['Jan', 2],
      ['Mar', 1],
    ]);
  });

  it('sorts categories by the value axis with "-y"', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('plan', 'nominal', { sort: '-y' }),
          y: x('mrr', 'quantitative', { aggregate: 'sum' }),
        },
      }),
    );
    expect(helperOf(plan).rows.map((r) => r[0])).toEqual(['pro', 'basic']);
  });

  it('sorts categories by another field and operation', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('plan', 'nominal', { sort: { field: 'customers', op: 'max', order: 'descending' } }),
          y: x('mrr', 'quantitative', { aggregate: 'sum' }),
        },
      }),
    );
    expect(helperOf(plan).rows.map((r) => r[0])).toEqual(['basic', 'pro']);
  });

  it('orders categories by an explicit list', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('plan', 'nominal', { sort: ['pro', 'basic'] }),
          y: x('mrr', 'quantitative', { aggregate: 'max' }),
        },
      }),
    );
    expect(helperOf(plan).rows).toEqual([
      ['pro', 130],
      ['basic', 50],
    ]);
  });

  it('keeps the model order with sort null, binding the model directly', () => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: { x: x('plan', 'nominal', { sort: null }), y: x('mrr', 'quantitative') },
      }),
    );
    expect(plan.source).toEqual({ kind: 'model', columns: ['plan', 'mrr'] });
  });

  it('reverses a continuous axis for sort "descending"', () => {
    const plan = native(
      compile({
        mark: 'line',
        encoding: { x: x('month', 'temporal', { sort: 'descending' }), y: x('mrr', 'quantitative') },
      }),
    );
    expect(plan.options['hAxis.direction']).toBe(-1);
  });

  it.each([
    ['mean', [75, 85]],
    ['median', [75, 85]],
    ['min', [50, 40]],
    ['max', [100, 130]],
    ['count', [2, 2]],
    ['distinct', [2, 2]],
    ['sum', [150, 170]],
  ])('aggregates with %s per category', (op, expected) => {
    const plan = native(
      compile({
        mark: 'bar',
        encoding: {
          x: x('month', 'ordinal', { timeUnit: 'yearmonth' }),
          y: x('mrr', 'quantitative', { aggregate: op }),
        },
      }),
    );
    expect(helperOf(plan).rows).toEqual([
      ['Jan 2024', expected[0]],
      ['Feb 2024', expected[1]],
    ]);
  });

  it('refuses aggregates Sheets charts cannot compute, naming them', () => {
    const reasons = reasonsOf(
      compile({
        mark: 'bar',
        encoding: { x: x('plan', 'nominal'), y: x('mrr', 'quantitative', { aggregate: 'q3' }) },
      }),
    );
    expect(reasons).toEqual([
      `encoding.y.aggregate "q3": Sheets charts cannot compute it; compute it in the model's SQL`,
    ]);
  });

  it('refuses time units other than the supported buckets', () => {
    const reasons = reasonsOf(
      compile({
        mark: 'bar',
        encoding: { x: x('month', 'temporal', { timeUnit: 'yearweek' }), y: x('mrr', 'quantitative') },
      }),
    );
    expect(reasons[0]).toMatch(/^encoding\.x\.timeUnit "yearweek": only year, yearquarter, yearmonth/);
  });
});

describe('titles, formats, colors and legends', () => {
  const enc = (more: object = {}) => ({
    x: x('month', 'temporal', { axis: { title: 'Month', format: '%b %Y' } }),
    y: x('mrr', 'quantitative', { title: 'MRR', axis: { format: '$,.0f' } }),
    ...more,
  });

  it('carries the title, axis titles and axis formats over as Google Charts options', () => {
    const plan = native(compile({ title: 'Monthly recurring revenue', mark: 'line', encoding: enc() }));
    expect(plan.options).toMatchObject({
      title: 'Monthly recurring revenue',
      'hAxis.title': 'Month',
      'hAxis.format': 'MMM yyyy',
      'vAxis.title': 'MRR',
      'vAxis.format': '$#,##0',
    });
  });

  it('takes the text of a title object and notes what Sheets drops', () => {
    const plan = native(
      compile({ title: { text: 'MRR', subtitle: 'by month' }, mark: 'line', encoding: enc() }),
    );
    expect(plan.options.title).toBe('MRR');
    expect(plan.notes).toContain('title.subtitle: Sheets chart titles are text only');
  });

  it('hides an axis set to null', () => {
    const plan = native(
      compile({ mark: 'line', encoding: enc({ y: x('mrr', 'quantitative', { axis: null }) }) }),
    );
    expect(plan.options).toMatchObject({ 'vAxis.title': '', 'vAxis.textPosition': 'none' });
  });

  it('translates percent formats', () => {
    const plan = native(
      compile({ mark: 'line', encoding: enc({ y: x('mrr', 'quantitative', { axis: { format: '.1%' } }) }) }),
    );
    expect(plan.options['vAxis.format']).toBe('0.0%');
  });

  it('leaves a format with no Sheets equivalent to Sheets, with a note', () => {
    const plan = native(
      compile({ mark: 'line', encoding: enc({ y: x('mrr', 'quantitative', { axis: { format: '.3r' } }) }) }),
    );
    expect(plan.options['vAxis.format']).toBeUndefined();
    expect(plan.notes).toContain(
      'encoding.y.axis.format: number type "r" has no Sheets axis equivalent; left to Sheets',
    );
  });

  it('uses a color scale range as series colors', () => {
    const plan = native(
      compile({
        mark: 'line',
        encoding: enc({ color: x('plan', 'nominal', { scale: { range: ['#ff0000', '#00ff00'] } }) }),
      }),
    );
    expect(plan.options.colors).toEqual(['#ff0000', '#00ff00']);
  });

  it('orders series by the color domain so each keeps its color', () => {
    const plan = native(
      compile({
        mark: 'line',
        encoding: enc({
          color: x('plan', 'nominal', { scale: { domain: ['pro', 'basic'], range: ['#ff0000', '#00ff00'] } }),
        }),
      }),
    );
    expect(helperOf(plan).header).toEqual(['Month', 'pro', 'basic']);
    expect(plan.options.colors).toEqual(['#ff0000', '#00ff00']);
  });

  it('expands a named categorical scheme', () => {
    const plan = native(
      compile({
        mark: 'line',
        encoding: enc({ color: x('plan', 'nominal', { scale: { scheme: 'category10' } }) }),
      }),
    );
    expect((plan.options.colors as string[]).slice(0, 2)).toEqual(['#1f77b4', '#ff7f0e']);
  });

  it("uses Vega-Lite's default palette when the spec names none", () => {
    const plan = native(compile({ mark: 'line', encoding: enc({ color: x('plan', 'nominal') }) }));
    expect((plan.options.colors as string[]).slice(0, 2)).toEqual(['#4c78a8', '#f58518']);
  });

  it('uses the mark color, or a constant color encoding, for a single series', () => {
    expect(
      native(compile({ mark: { type: 'bar', color: '#e45756' }, encoding: enc() })).options.colors,
    ).toEqual(['#e45756']);
    expect(
      native(compile({ mark: 'bar', encoding: enc({ color: { value: 'teal' } }) })).options.colors,
    ).toEqual(['teal']);
    expect(native(compile({ mark: 'bar', encoding: enc() })).options.colors).toEqual(['#4c78a8']);
  });

  it.each([
    ['bottom', 'bottom'],
    ['top', 'top'],
    ['left', 'left'],
    ['none', 'none'],
  ])('places the legend for orient %s', (orient, position) => {
    const plan = native(
      compile({ mark: 'line', encoding: enc({ color: x('plan', 'nominal', { legend: { orient } }) }) }),
    );
    expect(plan.options['legend.position']).toBe(position);
  });

  it('hides the legend when legend is null', () => {
    const plan = native(
      compile({ mark: 'line', encoding: enc({ color: x('plan', 'nominal', { legend: null }) }) }),
    );
    expect(plan.options['legend.position']).toBe('none');
  });

  it('moves a corner legend to its side, with a note', () => {
    const plan = native(
      compile({
        mark: 'line',
        encoding: enc({ color: x('plan', 'nominal', { legend: { orient: 'top-left' } }) }),
      }),
    );
    expect(plan.options['legend.position']).toBe('top');
    expect(plan.notes).toContain('encoding.color.legend.orient "top-left": Sheets centres it on the top');
  });

  it('maps log scales, explicit domains and reversed scales onto the axis', () => {
    const plan = native(
      compile({
        mark: 'point',
        encoding: {
          x: x('customers', 'quantitative', { scale: { type: 'log' } }),
          y: x('mrr', 'quantitative', { scale: { domain: [10, 500], reverse: true } }),
        },
      }),
    );
    expect(plan.options).toMatchObject({
      'hAxis.scaleType': 'log',
      'vAxis.viewWindow.min': 10,
      'vAxis.viewWindow.max': 500,
      'vAxis.direction': -1,
    });
    expect(plan.options['hAxis.minValue']).toBeUndefined();
  });

  it('refuses scale types Sheets axes lack', () => {
    const reasons = reasonsOf(
      compile({
        mark: 'point',
        encoding: {
          x: x('customers', 'quantitative', { scale: { type: 'sqrt' } }),
          y: x('mrr', 'quantitative'),
        },
      }),
    );
    expect(reasons).toEqual(['encoding.x.scale.type "sqrt": Sheets axes are linear or logarithmic only']);
  });
});

describe('data preparation', () => {
  it('binds folded measures straight to their model columns, one series each', () => {
    const plan = native(
      compile({
        transform: [{ fold: ['new_mrr', 'churned_mrr'], as: ['kind', 'amount'] }],
        mark: 'line',
        encoding: { x: x('month', 'temporal'), y: x('amount', 'quantitative'), color: x('kind', 'nominal') },
      }),
    );
    expect(plan.source).toEqual({ kind: 'model', columns: ['month', 'churned_mrr', 'new_mrr'] });
  });

  it('filters rows with a field predicate before charting', () => {
    const plan = native(
      compile({
        transform: [{ filter: { field: 'plan', equal: 'pro' } }],
        mark: 'line',
        encoding: { x: x('month', 'temporal'), y: x('mrr', 'quantitative') },
      }),
    );
    expect(helperOf(plan).rows).toEqual([
      [d('2024-01-01'), 100],
      [d('2024-02-01'), 130],
    ]);
  });
});

describe('specs Sheets cannot draw are refused with the exact part, never approximated', () => {
  const base = { mark: 'bar', encoding: { x: x('plan', 'nominal'), y: x('mrr', 'quantitative') } };

  it.each([
    [
      'layer',
      { layer: [base, { ...base, mark: 'rule' }] },
      'layer: Sheets charts cannot overlay two marks; shown in the sidebar only',
    ],
    [
      'facet',
      { facet: { field: 'plan' }, spec: base },
      'facet: Sheets charts cannot split into small multiples (facet); shown in the sidebar only',
    ],
    [
      'concat',
      { concat: [base, base] },
      'concat: Sheets charts cannot place several views side by side (concat); shown in the sidebar only',
    ],
    [
      'hconcat',
      { hconcat: [base, base] },
      'hconcat: Sheets charts cannot place several views side by side (hconcat); shown in the sidebar only',
    ],
    [
      'vconcat',
      { vconcat: [base, base] },
      'vconcat: Sheets charts cannot stack several views (vconcat); shown in the sidebar only',
    ],
    [
      'repeat',
      { repeat: ['mrr', 'customers'], spec: base },
      'repeat: Sheets charts cannot repeat a view over fields (repeat); shown in the sidebar only',
    ],
  ])('refuses %s', (_name, spec, reason) => {
    expect(reasonsOf(compile(spec))).toContain(reason);
  });

  it.each([
    ['rect', 'mark "rect": rect marks (heatmaps, 2D histograms) have no Sheets chart type'],
    ['rule', 'mark "rule": Sheets charts cannot draw rule marks (reference lines)'],
    ['text', 'mark "text": Sheets charts cannot place text marks'],
    ['tick', 'mark "tick": Sheets has no tick (strip) plot'],
    ['boxplot', 'mark "boxplot": Sheets has no box plot chart'],
    ['errorbar', 'mark "errorbar": Sheets charts cannot draw error bars from a spec'],
    ['trail', 'mark "trail": Sheets has no trail mark'],
    ['geoshape', 'mark "geoshape": maps (geoshape) are not Sheets charts'],
  ])('refuses the %s mark', (mark, reason) => {
    expect(reasonsOf(compile({ ...base, mark }))).toEqual([reason]);
  });

  it.each([
    ['shape', x('plan', 'nominal'), 'Sheets charts cannot vary point shape by a field'],
    ['size', x('customers', 'quantitative'), 'Sheets charts cannot size marks by a field'],
    ['opacity', x('customers', 'quantitative'), 'Sheets charts cannot vary opacity by a field'],
    [
      'detail',
      x('plan', 'nominal'),
      'Sheets charts cannot group marks by a field without coloring them (detail)',
    ],
    ['strokeDash', x('plan', 'nominal'), 'Sheets charts cannot vary the dash pattern by a field'],
    ['row', x('plan', 'nominal'), 'Sheets charts cannot split into small multiples (row)'],
    ['x2', { field: 'customers' }, 'ranged marks (x2) have no Sheets equivalent'],
    ['text', x('customers', 'quantitative'), 'Sheets charts cannot label marks with a field (text)'],
  ])('refuses a field on the %s channel', (channel, def, why) => {
    const spec = { ...base, encoding: { ...base.encoding, [channel]: def } };
    expect(reasonsOf(compile(spec))).toEqual([`encoding.${channel}: ${why}`]);
  });

  it('accepts a constant on those channels as a cosmetic setting, with a note', () => {
    const plan = native(compile({ ...base, encoding: { ...base.encoding, opacity: { value: 0.5 } } }));
    expect(plan.notes).toContain("encoding.opacity: a constant opacity is left to Sheets' defaults");
  });

  it('refuses selections and parameters', () => {
    const reasons = reasonsOf(compile({ ...base, params: [{ name: 'pick', select: 'point' }] }));
    expect(reasons).toEqual(['params: Sheets charts have no interactive selections or parameters']);
  });

  it.each([
    [
      { calculate: 'datum.mrr * 12', as: 'arr' },
      "transform[0] (calculate): Sheets charts cannot run this transform; compute it in the model's SQL",
    ],
    [
      { window: [{ op: 'rank', as: 'r' }] },
      "transform[0] (window): Sheets charts cannot run this transform; compute it in the model's SQL",
    ],
    [
      { aggregate: [{ op: 'sum', field: 'mrr', as: 's' }], groupby: ['plan'] },
      "transform[0] (aggregate): Sheets charts cannot run this transform; compute it in the model's SQL",
    ],
    [
      { filter: 'datum.mrr > 10' },
      `transform[0].filter "datum.mrr > 10": Sheets charts cannot evaluate Vega expressions; filter in the model's SQL`,
    ],
    [{ filter: { param: 'pick' } }, 'transform[0].filter: Sheets charts have no interactive selections'],
  ])('refuses the transform %j', (transform, reason) => {
    expect(reasonsOf(compile({ ...base, transform: [transform] }))).toEqual([reason]);
  });

  it.each([
    [
      'bin',
      { bin: true },
      'encoding.x.bin: binning has no Sheets equivalent (Sheets histograms choose their own buckets)',
    ],
    [
      'impute',
      { impute: { value: 0 } },
      'encoding.x.impute: imputing missing values has no Sheets equivalent; fill them in the model',
    ],
  ])('refuses %s in a field definition', (_key, extra, reason) => {
    const spec = { ...base, encoding: { ...base.encoding, x: { ...base.encoding.x, ...extra } } };
    expect(reasonsOf(compile(spec))).toContain(reason);
  });

  it('refuses a conditional color', () => {
    const color = { condition: { param: 'pick', field: 'plan', type: 'nominal' }, value: 'grey' };
    expect(reasonsOf(compile({ ...base, encoding: { ...base.encoding, color } }))).toEqual([
      'encoding.color.condition: conditional encodings need selections, which Sheets charts do not have',
    ]);
  });

  it('refuses a color gradient (quantitative color)', () => {
    const spec = {
      mark: 'line',
      encoding: {
        x: x('month', 'temporal'),
        y: x('mrr', 'quantitative'),
        color: x('customers', 'quantitative'),
      },
    };
    expect(reasonsOf(compile(spec))).toEqual([
      'encoding.color: coloring by a quantitative field (a gradient) has no Sheets equivalent',
    ]);
  });

  it('lists every unsupported part at once', () => {
    const reasons = reasonsOf(
      compile({
        ...base,
        mark: 'rect',
        encoding: { ...base.encoding, size: x('mrr', 'quantitative'), shape: x('plan', 'nominal') },
      }),
    );
    expect(reasons).toHaveLength(3);
  });
});

describe('invalid specs are errors that name the chart and the fix', () => {
  const thrown = (spec: unknown, s: DataShape = shape()): TapdashError => {
    try {
      compileChart(spec, s, { chart: 'Revenue' });
    } catch (e) {
      if (e instanceof TapdashError) return e;
      throw e;
    }
    throw new Error('expected a TapdashError');
  };

  it('rejects a spec that is not an object', () => {
    expect(thrown('bar').toInfo()).toMatchObject({ code: 'chart_spec_invalid', where: 'Revenue' });
  });

  it('rejects data read from a URL, pointing at models', () => {
    const e = thrown({ data: { url: 'data/cars.json' }, mark: 'bar' });
    expect(e.message).toBe(
      "The chart “Revenue” reads its data from a URL; Tapdash charts read a model's output by name.",
    );
    expect(e.fix).toMatch(/"data": \{"name": "<model>"\}/);
  });

  it('rejects a model other than the one given', () => {
    expect(thrown({ data: { name: 'stripe_mrr' }, mark: 'bar' }).code).toBe('chart_model_missing');
  });

  it('rejects a field the model does not have, listing the columns', () => {
    const e = thrown({
      data: { name: 'mrr' },
      mark: 'bar',
      encoding: { x: x('plann', 'nominal'), y: x('mrr', 'quantitative') },
    });
    expect(e.code).toBe('chart_field_missing');
    expect(e.message).toBe(
      'The chart “Revenue” uses the field “plann” (encoding.x), which the model “mrr” does not have.',
    );
    expect(e.fix).toMatch(/month, plan, mrr/);
  });

  it('checks fields inside layers too', () => {
    const layered = {
      data: { name: 'mrr' },
      layer: [{ mark: 'line', encoding: { x: x('nope', 'temporal') } }],
    };
    expect(thrown(layered).code).toBe('chart_field_missing');
  });

  it('rejects an unknown encoding type', () => {
    expect(
      thrown({ data: { name: 'mrr' }, mark: 'bar', encoding: { x: x('plan', 'categorical') } }).code,
    ).toBe('chart_spec_invalid');
  });

  it('rejects a text column on the value axis', () => {
    const e = thrown({
      data: { name: 'mrr' },
      mark: 'bar',
      encoding: { x: x('month', 'temporal'), y: x('plan', 'quantitative') },
    });
    expect(e.code).toBe('chart_field_type');
    expect(e.message).toMatch(
      /plots “plan” \(encoding\.y\) as numbers, but the model “mrr” holds text there/,
    );
  });

  it('rejects a spec with no mark', () => {
    expect(thrown({ data: { name: 'mrr' }, encoding: {} }).message).toMatch(/has no "mark"/);
  });
});

/**
 * The demo charts a QA walkthrough saw drawn wrong on the Dashboard tab (colors, legend order,
 * sawtooth lines): the plans Sheets receives are right; the playground's drawing was not.
 */
describe('the demo specs compile to plans Sheets draws like Vega-Lite', () => {
  const demoSpec = (file: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(__dirname, '../../connectors/demo/charts', file), 'utf8'));

  it('gives Deals closed one column per outcome in the color domain order, each with its color', () => {
    const rows: Row[] = [
      { month: d('2025-02-01'), outcome: 'Lost', deals: 4 },
      { month: d('2025-01-01'), outcome: 'Lost', deals: 1 },
      { month: d('2025-02-01'), outcome: 'Won', deals: 2 },
    ];
    const columns: DataShape['columns'] = [
      { name: 'month', type: 'date' },
      { name: 'outcome', type: 'text' },
      { name: 'deals', type: 'number' },
    ];
    const plan = native(
      compileChart(demoSpec('deal-outcomes.vl.json'), { model: 'demo_deal_outcomes', columns, rows }),
    );
    const table = helperOf(plan, rows);
    expect(table.header).toEqual(['Month', 'Won', 'Lost']);
    expect(plan.options.colors).toEqual(['#16a34a', '#9ca3af']);
    expect(table.rows).toEqual([
      [d('2025-01-01'), null, 1],
      [d('2025-02-01'), 2, 4],
    ]);
  });

  it('gives Open tickets by priority one slice per priority in domain order, urgent red', () => {
    const rows: Row[] = [
      { priority: 'low', open_tickets: 30 },
      { priority: 'normal', open_tickets: 40 },
      { priority: 'urgent', open_tickets: 4 },
      { priority: 'high', open_tickets: 12 },
    ];
    const columns: DataShape['columns'] = [
      { name: 'priority', type: 'text' },
      { name: 'open_tickets', type: 'number' },
    ];
    const plan = native(
      compileChart(demoSpec('open-tickets-by-priority.vl.json'), {
        model: 'demo_open_tickets_by_priority',
        columns,
        rows,
      }),
    );
    expect(helperOf(plan, rows).rows.map((r) => r[0])).toEqual(['urgent', 'high', 'normal', 'low']);
    expect((plan.options.colors as string[])[0]).toBe('#dc2626');
  });

  it('sorts an out-of-order weekly line by week before Sheets draws it', () => {
    const rows: Row[] = [
      { week: d('2025-01-13'), median_first_reply_hours: 4 },
      { week: d('2025-01-06'), median_first_reply_hours: 3 },
      { week: d('2025-01-20'), median_first_reply_hours: 8 },
    ];
    const columns: DataShape['columns'] = [
      { name: 'week', type: 'date' },
      { name: 'median_first_reply_hours', type: 'number' },
    ];
    const plan = native(
      compileChart(demoSpec('first-reply.vl.json'), { model: 'demo_first_reply_by_week', columns, rows }),
    );
    expect(helperOf(plan, rows).rows.map((r) => r[0])).toEqual([
      d('2025-01-06'),
      d('2025-01-13'),
      d('2025-01-20'),
    ]);
  });
});
