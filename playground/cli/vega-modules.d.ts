// vega-loader ships no types, and vega-scale's are unreachable through its package "exports";
// these are the few functions the CLI and tests use (signatures from vega-typings).
declare module 'vega-loader' {
  export type TypeInference = 'boolean' | 'integer' | 'number' | 'date' | 'string';
  export function read(data: string, schema: { type: 'csv' | 'tsv' | 'json'; parse?: 'auto' }): object[];
  export function inferTypes(
    values: readonly object[],
    fields: readonly string[],
  ): Record<string, TypeInference>;
}

declare module 'vega-scale' {
  export function scheme(name: string): string[] | undefined;
}
