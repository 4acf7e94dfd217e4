import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartCommand } from '../../playground/cli/chart';

const dir = mkdtempSync(join(tmpdir(), 'tapdash-chart-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const MRR_SPEC = {
  data: { name: 'stripe_mrr' },
  title: 'MRR by plan',
  mark: 'bar',
  encoding: {
    x: { field: 'month', timeUnit: 'yearmonth', type: 'temporal', axis: { title: 'Month' } },
    y: { field: 'mrr', aggregate: 'sum', type: 'quantitative' },
    color: { field: 'plan', type: 'nominal' },
  },
};

const CSV = 'month,plan,mrr\n2024-01-03,pro,100\n2024-01-09,basic,50\n2024-02-01,pro,130\n';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the command to fail');
}

describe('tapdash chart', () => {
  it('prints the native plan and, with CSV data, the helper table it would write', () => {
    const out = chartCommand(file('mrr.vl.json', MRR_SPEC), file('mrr.csv', CSV));
    expect(out).toContain('mrr.vl.json: native Sheets chart');
    expect(out).toContain('Chart type  COLUMN, stacked');
    expect(out).toContain('one column per plan, each the sum of mrr');
    expect(out).toMatch(/title\s+"MRR by plan"/);
    expect(out).toContain(
      ['Month       basic  pro', '    2024-01-01  50     100', '    2024-02-01         130'].join('\n'),
    );
  });

  it('reads a JSON array of rows as data', () => {
    const rows = [
      { month: '2024-01-01', plan: 'pro', mrr: 10 },
      { month: '2024-01-20', plan: 'pro', mrr: 5 },
    ];
    const out = chartCommand(file('mrr2.vl.json', MRR_SPEC), file('rows.json', rows));
    expect(out).toContain('2024-01-01  15');
  });

  it('shows the plan without data, binding live model columns when it can', () => {
    const spec = {
      data: { name: 'stripe_mrr' },
      mark: 'line',
      encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'mrr', type: 'quantitative' } },
    };
    const out = chartCommand(file('line.vl.json', spec));
    expect(out).toContain(`Data        the model tab's columns "month", "mrr" (live cells)`);
  });

  it('lists the reasons a spec is not native', () => {
    const spec = {
      data: { name: 'stripe_mrr' },
      mark: 'rect',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'nominal' } },
    };
    expect(chartCommand(file('heat.vl.json', spec))).toBe(
      [
        'heat.vl.json: not a native Sheets chart; the sidebar shows it with vega-embed instead.',
        '  Reasons',
        '    - mark "rect": rect marks (heatmaps, 2D histograms) have no Sheets chart type',
      ].join('\n'),
    );
  });

  it('reports invalid JSON with its line and column', () => {
    const message = errorOf(() =>
      chartCommand(file('broken.vl.json', '{\n  "mark": "bar"\n  "data": {}\n}')),
    );
    expect(message).toMatch(/^broken\.vl\.json is not valid JSON: .* at line 3, column 3\.\nFix: /);
  });

  it('reports a spec the Vega-Lite schema rejects, naming the property', () => {
    const spec = { data: { name: 'm' }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominl' } } };
    expect(errorOf(() => chartCommand(file('typo.vl.json', spec)))).toMatch(
      /^typo\.vl\.json is not a valid Vega-Lite spec:\n {2}\/encoding\/x\/type: must be equal to one of the allowed values/,
    );
  });

  it('reports a field the data does not have, listing its columns', () => {
    const spec = {
      ...MRR_SPEC,
      encoding: { ...MRR_SPEC.encoding, color: { field: 'tier', type: 'nominal' } },
    };
    const message = errorOf(() => chartCommand(file('tier.vl.json', spec), file('mrr3.csv', CSV)));
    expect(message).toBe(
      'The chart “tier.vl.json” uses the field “tier” (encoding.color), which the model “stripe_mrr” does not have.\n' +
        "Fix: Use one of the model's columns (month, plan, mrr), or add “tier” to the model's SQL.",
    );
  });

  it('asks for a model name when the spec reads a URL', () => {
    const spec = { data: { url: 'data/cars.json' }, mark: 'point' };
    expect(errorOf(() => chartCommand(file('url.vl.json', spec)))).toMatch(
      /reads its data from a URL.*\nFix: Set "data": \{"name"/,
    );
  });

  it('reports a missing spec file', () => {
    expect(errorOf(() => chartCommand(join(dir, 'nope.vl.json')))).toMatch(/^Cannot find the chart spec/);
  });
});

describe('tapdash chart on gallery specs', () => {
  const gallery = join(__dirname, 'fixtures/gallery');

  it('uses inline values as the model rows', () => {
    const out = chartCommand(join(gallery, 'bar.vl.json'));
    expect(out).toContain('bar.vl.json: native Sheets chart');
    expect(out).toContain(`Data: the spec's inline "values" stood in for the model's rows.`);
  });

  it('lets --data stand in for a spec that reads a URL', () => {
    const csv = file('weather.csv', 'date,weather\n2012-01-01,sun\n2012-01-02,rain\n2012-02-01,sun\n');
    const out = chartCommand(join(gallery, 'stacked_bar_weather.vl.json'), csv);
    expect(out).toContain(
      [
        'Month of the year  sun  fog  drizzle  rain  snow',
        '    Jan                1                  1',
        '    Feb                1',
      ].join('\n'),
    );
  });
});
