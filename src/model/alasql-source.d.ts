/**
 * The browser build of AlaSQL imported as text (esbuild's `with { type: 'text' }`), so Code.js
 * carries it as one string and evaluates it only when a model runs: see alasql-runtime.ts.
 */
declare module '*/alasql.min.js' {
  const source: string;
  export default source;
}
