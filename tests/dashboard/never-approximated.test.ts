import fc from 'fast-check';
import { validateVegaLite } from '../../playground/cli/vega-lite-schema';
import { compileChart } from '../../src/dashboard/compile-chart';

/**
 * The compiler's promise: a spec with any construct Sheets cannot draw is refused, and the
 * refusal names each such construct; a spec without them compiles natively.
 */
const BASES = [
  {
    mark: 'bar',
    encoding: { x: { field: 'plan', type: 'nominal' }, y: { field: 'mrr', type: 'quantitative' } },
  },
  {
    mark: 'line',
    encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'mrr', type: 'quantitative' } },
  },
  {
    mark: 'point',
    encoding: { x: { field: 'customers', type: 'quantitative' }, y: { field: 'mrr', type: 'quantitative' } },
  },
];

type Spec = { mark: unknown; encoding: Record<string, Record<string, unknown>>; [key: string]: unknown };

/** One construct Sheets cannot draw: where it goes in the spec, and the reason path it must produce. */
interface Unsupported {
  path: string;
  at: 'top' | 'encoding' | 'x' | 'y';
  key: string;
  value: unknown;
}

const UNSUPPORTED: Unsupported[] = [
  { path: 'encoding.size', at: 'encoding', key: 'size', value: { field: 'customers', type: 'quantitative' } },
  { path: 'encoding.shape', at: 'encoding', key: 'shape', value: { field: 'plan', type: 'nominal' } },
  { path: 'encoding.opacity', at: 'encoding', key: 'opacity', value: { field: 'mrr', type: 'quantitative' } },
  { path: 'encoding.detail', at: 'encoding', key: 'detail', value: { field: 'plan', type: 'nominal' } },
  {
    path: 'encoding.strokeDash',
    at: 'encoding',
    key: 'strokeDash',
    value: { field: 'plan', type: 'nominal' },
  },
  { path: 'encoding.column', at: 'encoding', key: 'column', value: { field: 'plan', type: 'nominal' } },
  { path: 'encoding.text', at: 'encoding', key: 'text', value: { field: 'mrr', type: 'quantitative' } },
  {
    path: 'encoding.color',
    at: 'encoding',
    key: 'color',
    value: { field: 'customers', type: 'quantitative' },
  },
  { path: 'params', at: 'top', key: 'params', value: [{ name: 'p', select: 'interval' }] },
  { path: 'transform[', at: 'top', key: 'transform', value: [{ calculate: 'datum.mrr * 12', as: 'arr' }] },
  { path: 'encoding.x.bin', at: 'x', key: 'bin', value: true },
  { path: 'encoding.y.aggregate', at: 'y', key: 'aggregate', value: 'stdev' },
];

function add(spec: Spec, extra: Unsupported): void {
  if (extra.at === 'top') spec[extra.key] = extra.value;
  else if (extra.at === 'encoding') spec.encoding[extra.key] = extra.value as Record<string, unknown>;
  else spec.encoding[extra.at][extra.key] = extra.value;
}

const COLUMNS = [
  { name: 'month', type: 'date' as const },
  { name: 'plan', type: 'text' as const },
  { name: 'mrr', type: 'number' as const },
  { name: 'customers', type: 'number' as const },
];

describe('the compiler never approximates', () => {
  it('refuses a spec with any unsupported construct, naming every one of them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.subarray(UNSUPPORTED, { minLength: 1 }),
        fc.boolean(),
        (base, extras, titled) => {
          const spec: Spec = { data: { name: 'mrr' }, ...structuredClone(base) };
          if (titled) spec.title = 'MRR';
          for (const extra of extras) add(spec, extra);
          if (!validateVegaLite(spec).valid)
            throw new Error(`not a valid Vega-Lite spec: ${JSON.stringify(spec)}`);
          const plan = compileChart(spec, { model: 'mrr', columns: COLUMNS });
          if (plan.native) return false;
          return extras.every((extra) => plan.reasons.some((r) => r.startsWith(extra.path)));
        },
      ),
    );
  });

  it('compiles the same specs natively when nothing unsupported is added', () => {
    for (const base of BASES) {
      const plan = compileChart({ data: { name: 'mrr' }, ...base }, { model: 'mrr', columns: COLUMNS });
      expect(plan.native).toBe(true);
    }
  });
});
