/**
 * How much simulated time each Apps Script service call costs.
 *
 * Google publishes no latency figures ("processing time is not stable", platform notes §5), so
 * these defaults come from community measurements and are deliberately round:
 * - SpreadsheetApp round trips cost tens of milliseconds plus a per-cell share for bulk reads
 *   and writes (tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps Script",
 *   https://gist.github.com/tanaikech/d102c9600ba12a162c667287d2f20fe4: about 1 s to write and
 *   0.3 s to read 100,000 cells with setValues/getValues).
 * - UrlFetchApp adds ~100-300 ms of Google-side overhead to the remote server's own time
 *   (Poehnelt, https://justin.poehnelt.com/posts/definitive-guide-to-urlfetchapp/); fetchAll
 *   costs about the slowest request, not the sum (tanaike c0f383034045ab63c19604139ecb0728).
 * - Properties, Cache and Lock calls are small RPCs of a few to tens of milliseconds.
 * Benchmarks compare ratios within one run, so only the relative sizes matter much.
 */
export interface CostModel {
  /** Fixed cost of any SpreadsheetApp call that reaches the document. */
  sheetCallMs: number;
  /** Extra cost per cell read by getValues/getDisplayValues/getFormulas. */
  sheetReadPerCellMs: number;
  /** Extra cost per cell written by setValues and friends. */
  sheetWritePerCellMs: number;
  /** Google-side overhead of one UrlFetch, on top of the real HTTP time. */
  urlFetchMs: number;
  propertiesMs: number;
  cacheMs: number;
  lockMs: number;
  scriptAppMs: number;
  mailMs: number;
  /** Calls with no remote round trip (Utilities, Logger, builders). */
  localMs: number;
  /** Multiplier on real Node CPU time between service calls (Apps Script V8 is slower than a dev laptop). */
  cpuScale: number;
}

export const DEFAULT_COST_MODEL: CostModel = {
  sheetCallMs: 30,
  sheetReadPerCellMs: 0.003,
  sheetWritePerCellMs: 0.01,
  urlFetchMs: 150,
  propertiesMs: 15,
  cacheMs: 8,
  lockMs: 20,
  scriptAppMs: 50,
  mailMs: 300,
  localMs: 0,
  cpuScale: 2,
};
