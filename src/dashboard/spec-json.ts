/** Small readers for untyped spec JSON, shared by the structural checks and the compiler. */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Vega-Lite field names use `\.` for a literal dot; model columns are flat, so unescape. */
export function unescapeField(field: string): string {
  return field.replace(/\\(.)/g, '$1');
}

export const COMPOSITION_KEYS = ['layer', 'facet', 'concat', 'hconcat', 'vconcat', 'repeat', 'spec'] as const;

/**
 * Every field an encoding reads, anywhere in the spec tree (layers and concatenations too),
 * minus those a transform creates (`as`), which the model does not need to have.
 */
export function referencedFields(spec: Json): { fields: Map<string, string>; created: Set<string> } {
  const fields = new Map<string, string>();
  const created = new Set<string>();
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, `${path}[${i}]`);
      });
      return;
    }
    if (!isObject(node)) return;
    if (isObject(node.encoding)) {
      for (const [channel, def] of Object.entries(node.encoding)) {
        const defs = Array.isArray(def) ? def : [def];
        defs.forEach((d, i) => {
          const at = `${path ? `${path}.` : ''}encoding.${channel}${Array.isArray(def) ? `[${i}]` : ''}`;
          if (isObject(d) && typeof d.field === 'string' && !fields.has(unescapeField(d.field)))
            fields.set(unescapeField(d.field), at);
        });
      }
    }
    if (Array.isArray(node.transform)) {
      for (const t of node.transform) if (isObject(t)) collectCreated(t, created);
    }
    for (const key of COMPOSITION_KEYS) if (key in node) visit(node[key], `${path ? `${path}.` : ''}${key}`);
  };
  visit(spec, '');
  return { fields, created };
}

function collectCreated(transform: Json, created: Set<string>): void {
  const add = (v: unknown) => {
    if (typeof v === 'string') created.add(unescapeField(v));
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (isObject(v) && 'as' in v) add(v.as);
  };
  add(transform.as);
  // Transforms that name outputs inside lists (aggregate, window, joinaggregate) or default them.
  for (const key of ['aggregate', 'window', 'joinaggregate'])
    if (Array.isArray(transform[key])) add(transform[key]);
  if ('fold' in transform && transform.as === undefined) {
    created.add('key');
    created.add('value');
  }
  if ('pivot' in transform) created.add('*');
  for (const key of ['density', 'regression', 'loess', 'quantile']) if (key in transform) created.add('*');
}
