import type { MetricPackage } from '../../../src/model/model-spec';
import { type ModelResult, runModels } from '../../../src/model/run-models';
import { intlZoneOffset, wallClock } from '../../../src/model/time-zone';

export type Row = Record<string, unknown>;

/**
 * Runs a package's models with the add-on's own model runner (its SQL guard, functions such as
 * WEEK_START, budget and dbt-style tests), over source tabs given as rows keyed by header, the
 * way the sync engine writes them. `timeZone` is the spreadsheet's. Throws when a model fails
 * or one of its tests does, so a test never reads the output of a broken model.
 */
export function runPackage(
  pkg: MetricPackage,
  tables: Record<string, Row[]>,
  timeZone = 'Etc/UTC',
): Record<string, Row[]> {
  const offset = intlZoneOffset(timeZone);
  if (!offset) throw new Error(`Unknown time zone ${timeZone}`);
  const sources = new Map(Object.entries(tables).map(([name, rows]) => [name, toGrid(rows)]));
  const results = runModels({ models: pkg.models, sources, clock: wallClock(offset) });
  const broken = results.filter((r) => r.status !== 'ok' || r.testFailures.length > 0);
  if (broken.length) throw new Error(`Models failed: ${JSON.stringify(broken.map(describe), null, 2)}`);
  return Object.fromEntries(results.map((r) => [r.name, toObjects(r)]));
}

/** A tab's values as getValues returns them: the header row, then rows; blank cells are ''. */
function toGrid(rows: readonly Row[]): unknown[][] {
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
}

function toObjects(result: ModelResult): Row[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
}

function describe(r: ModelResult) {
  return { model: r.name, status: r.status, error: r.error, testFailures: r.testFailures };
}
