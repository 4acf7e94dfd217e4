import fc from 'fast-check';
import { flatten } from '../../src/sync/flatten';

describe('flatten', () => {
  it('turns nested objects into parent.child columns', () => {
    expect(flatten({ id: 'ch_1', billing: { address: { city: 'Paris' }, name: 'Ada' } })).toEqual({
      id: 'ch_1',
      'billing.address.city': 'Paris',
      'billing.name': 'Ada',
    });
  });

  it('writes arrays as JSON text', () => {
    expect(flatten({ tags: ['a', 'b'], lines: [{ amount: 5 }] })).toEqual({
      tags: '["a","b"]',
      lines: '[{"amount":5}]',
    });
  });

  it('keeps declared json paths whole as JSON text', () => {
    expect(flatten({ metadata: { plan: 'pro', seats: 3 } }, { keepWhole: new Set(['metadata']) })).toEqual({
      metadata: '{"plan":"pro","seats":3}',
    });
  });

  it('keeps nulls as empty values and drops undefined fields', () => {
    expect(flatten({ customer: null, note: undefined })).toEqual({ customer: null });
  });

  it('adds no column for an empty object', () => {
    expect(flatten({ id: 1, metadata: {} })).toEqual({ id: 1 });
  });

  it('stores objects nested deeper than the limit as JSON text', () => {
    expect(flatten({ a: { b: { c: { d: 1 } } } }, { maxDepth: 2 })).toEqual({ 'a.b': '{"c":{"d":1}}' });
  });

  it('puts a record that is not an object in a single value column', () => {
    expect(flatten('hello')).toEqual({ value: 'hello' });
  });

  const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.includes('.') && k !== '__proto__');
  const leaf = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue(), { maxLength: 3 }),
  );
  const record = fc.letrec((tie) => ({
    node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('node')), { maxKeys: 5 }),
  })).node as fc.Arbitrary<Record<string, unknown>>;

  it('produces only scalar values (property)', () => {
    fc.assert(
      fc.property(record, (r) => {
        for (const v of Object.values(flatten(r))) {
          expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
        }
      }),
    );
  });

  it('loses nothing: unflattening gives back the record, arrays as JSON and empty objects dropped (property)', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(unflatten(flatten(r, { maxDepth: 100 }))).toEqual(normalise(r));
      }),
    );
  });
});

function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

function normalise(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) out[k] = JSON.stringify(v);
    else if (v !== null && typeof v === 'object') {
      const inner = normalise(v as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}
