import { execFileSync } from 'node:child_process';
import { CATEGORICAL_SCHEMES, DEFAULT_MARK_COLOR } from '../../src/dashboard/color-schemes';

/** vega-scale pulls in .mjs-only d3 modules that jest's transform skips, so ask Node directly. */
function vegaSchemes(names: string[]): Record<string, unknown> {
  const script = `import { scheme } from 'vega-scale';
    const names = ${JSON.stringify(names)};
    console.log(JSON.stringify(Object.fromEntries(names.map((n) => [n, scheme(n)]))));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: __dirname,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('inlined color schemes', () => {
  const names = Object.keys(CATEGORICAL_SCHEMES);
  const expected = vegaSchemes(names);

  it.each(names)('%s matches vega-scale', (name) => {
    expect(CATEGORICAL_SCHEMES[name]).toEqual(expected[name]);
  });

  it("uses Vega-Lite's default mark color", () => {
    expect(DEFAULT_MARK_COLOR).toBe('#4c78a8');
  });
});
