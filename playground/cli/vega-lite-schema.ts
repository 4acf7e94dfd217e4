/**
 * Full Vega-Lite JSON-schema validation, for the CLI, the playground and tests. It stays out of
 * the Apps Script bundle (the schema alone is 1.9 MB); the server relies on checkChartSpec.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from 'vega-lite/vega-lite-schema.json';

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    // Vega-Lite's schema uses union types and loose tuples; formats are descriptive only.
    const ajv = new Ajv({
      allErrors: false,
      strict: false,
      allowUnionTypes: true,
      formats: { 'color-hex': true, uri: true, 'uri-reference': true },
    });
    validator = ajv.compile(schema);
  }
  return validator;
}

export type SchemaCheck = { valid: true } | { valid: false; errors: string[] };

/** Checks a spec against the Vega-Lite schema; errors read `/encoding/x/type: must be equal to one of …`. */
export function validateVegaLite(spec: unknown): SchemaCheck {
  const validate = compiled();
  if (validate(spec)) return { valid: true };
  return { valid: false, errors: summarize(validate.errors ?? []) };
}

/**
 * Ajv reports every branch of every anyOf; the deepest paths point at the real mistake, so keep
 * those, drop the anyOf/oneOf noise, and prefer the most telling kind of error.
 */
function summarize(errors: ErrorObject[]): string[] {
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...specific.map(depth), 0);
  const atDepth = specific.filter((e) => depth(e) === deepest);
  // Of the branches Ajv tried, an unknown key or an unknown value says the most.
  const rank = (e: ErrorObject) =>
    ['additionalProperties', 'enum', 'type', 'required'].indexOf(e.keyword) >>> 0;
  const best = Math.min(...atDepth.map(rank));
  const chosen = atDepth.filter((e) => rank(e) === best);
  const lines = (chosen.length ? chosen : errors).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`
        : e.keyword === 'enum'
          ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
          : '';
    return `${e.instancePath || '/'}: ${e.message}${extra}`;
  });
  return [...new Set(lines)].slice(0, 5);
}
