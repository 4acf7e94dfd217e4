/**
 * Runs a set of models in memory, in dependency order, over source tabs already read. Pure:
 * no Apps Script service is touched (refresh.ts does the reading and writing).
 *
 * A model that fails (bad SQL, missing table or column, over budget, error while running)
 * does not stop the others; models that read it are skipped with a message naming it.
 */
import { type ErrorInfo, TapdashError, toErrorInfo } from '../shared/errors';
import { orderModels } from './model-graph';
import type { ModelSpec } from './model-spec';
import { runModelTests, type TestFailure } from './model-tests';
import { executeQuery } from './query-runner';
import { analyzeQuery } from './sql-analysis';
import {
  type Budget,
  checkBudget,
  DEFAULT_BUDGET,
  estimateWork,
  formatCount,
  tableStats,
} from './sql-budget';
import { type GuardedQuery, guardSql, type SqlOwner } from './sql-guard';
import { SCRIPT_WALL_CLOCK, type WallClock } from './time-zone';
import { type Cell, gridToTable, headerNames, rowsToGrid, type SqlRow, type TableData } from './values';

/** A tab's values as getValues returns them: the header row, then the data rows. */
export type Grid = readonly (readonly unknown[])[];

export interface RunModelsInput {
  models: readonly ModelSpec[];
  /** Source tabs by name (`stripe_charges`). */
  sources: ReadonlyMap<string, Grid>;
  /** How cell dates map to wall-clock dates; defaults to the script's own zone. */
  clock?: WallClock;
  budget?: Budget;
  /** Milliseconds this execution has left: a model that cannot finish in time is not started. */
  remainingMs?: () => number;
  /** How messages name a model; "model `name`" by default (the report preview says "this report"). */
  describe?: (spec: ModelSpec) => SqlOwner;
}

export type ModelStatus = 'ok' | 'failed' | 'skipped';

export interface ModelResult {
  name: string;
  /** The tab title. */
  label: string;
  status: ModelStatus;
  /** Output header. Empty when the model failed before its columns were known. */
  columns: string[];
  /** Output rows as cells (dates back as instants), ready for setValues. */
  rows: Cell[][];
  error?: ErrorInfo;
  testFailures: TestFailure[];
  /** Tables the model reads (from its SQL). */
  reads: string[];
  /** Upper bound of rows examined, from the budget check. */
  estimatedWork?: number;
}

/** Rough Apps Script cost of one examined row, to decide whether a model can finish in time. */
export const MS_PER_ROW_EXAMINED = 0.005;

export function runModels(input: RunModelsInput): ModelResult[] {
  const clock = input.clock ?? SCRIPT_WALL_CLOCK;
  const budget = input.budget ?? DEFAULT_BUDGET;
  const specs = new Map(input.models.map((m) => [m.name, m]));
  const results = new Map<string, ModelResult>();
  const guarded = new Map<string, GuardedQuery>();

  for (const spec of input.models) {
    const result = emptyResult(spec);
    results.set(spec.name, result);
    try {
      const g = guardSql(spec.sql, (input.describe ?? ownerOf)(spec));
      guarded.set(spec.name, g);
      result.reads = g.reads;
    } catch (error) {
      fail(result, error);
    }
  }

  const { order, cycles } = orderModels(
    input.models.map((m) => ({ name: m.name, sql: m.sql, reads: guarded.get(m.name)?.reads ?? [] })),
  );
  for (const [name, error] of cycles) {
    const result = results.get(name)!;
    result.status = 'failed';
    result.error = error;
  }

  const sourceColumns = new Map<string, string[]>();
  for (const [name, grid] of input.sources) sourceColumns.set(name, grid.length ? headerNames(grid[0]) : []);
  const outputs = new Map<string, TableData>();

  for (const name of order) {
    const spec = specs.get(name)!;
    const result = results.get(name)!;
    const g = guarded.get(name);
    if (!g || result.status !== 'ok') continue;
    const blocked = g.reads.find((t) => specs.has(t) && results.get(t)!.status !== 'ok');
    if (blocked !== undefined) {
      result.status = 'skipped';
      result.error = new TapdashError({
        code: 'model_depends_failed',
        message: `Model \`${name}\` was not refreshed because it reads model \`${blocked}\`, which failed. Its tab keeps the previous results.`,
        fix: `Fix model \`${blocked}\` first (see its message); \`${name}\` refreshes with it.`,
        where: name,
      }).toInfo();
      continue;
    }
    try {
      runOne(spec, g, result, { input, clock, budget, sourceColumns, outputs });
    } catch (error) {
      fail(result, error);
    }
  }
  return input.models.map((m) => results.get(m.name)!);
}

interface RunContext {
  input: RunModelsInput;
  clock: WallClock;
  budget: Budget;
  sourceColumns: ReadonlyMap<string, string[]>;
  outputs: Map<string, TableData>;
}

function runOne(spec: ModelSpec, guarded: GuardedQuery, result: ModelResult, ctx: RunContext): void {
  const owner = (ctx.input.describe ?? ownerOf)(spec);
  const catalog = new Map<string, readonly string[]>(ctx.sourceColumns);
  for (const [name, table] of ctx.outputs) catalog.set(name, table.columns);
  const shape = analyzeQuery(guarded, catalog, spec.sql, owner);
  result.columns = shape.columns;

  const tables = new Map<string, TableData>();
  for (const [name, used] of shape.uses) {
    const output = ctx.outputs.get(name);
    if (output) {
      // Each query gets its own row objects: AlaSQL marks rows during some joins.
      tables.set(name, { columns: output.columns, rows: output.rows.map((r) => ({ ...r })) });
      continue;
    }
    const grid = ctx.input.sources.get(name);
    if (grid) tables.set(name, gridToTable(grid, ctx.clock, used === 'all' ? undefined : used));
  }

  const estimate = estimateWork(guarded.statement, (name) => {
    const t = tables.get(name);
    return t ? tableStats(t.rows) : undefined;
  });
  result.estimatedWork = estimate.work;
  checkBudget(estimate, ctx.budget, owner);
  const remaining = ctx.input.remainingMs?.();
  if (remaining !== undefined && estimate.work * MS_PER_ROW_EXAMINED > remaining)
    throw new TapdashError({
      code: 'model_out_of_time',
      message: `Model \`${spec.name}\` was not refreshed: this run has about ${Math.max(0, Math.round(remaining / 1000))} s left and the model may need longer. Its tab keeps the previous results.`,
      fix: 'It runs again at the next refresh. If it keeps happening, make the model read fewer rows.',
      where: spec.name,
    });

  const raw = executeQuery(guarded, tables, owner);
  if (raw.length > ctx.budget.maxResultRows)
    throw new TapdashError({
      code: 'model_budget',
      message: `Model \`${spec.name}\` returned ${formatCount(raw.length)} rows, more than the ${formatCount(ctx.budget.maxResultRows)} a summary tab may hold. Its tab keeps the previous results.`,
      fix: 'Summarise more (GROUP BY a month or a category) or add a LIMIT.',
      where: spec.name,
    });
  const rows: SqlRow[] = raw.map((r) => {
    const row: SqlRow = {};
    for (const c of shape.columns) row[c] = (r[c] ?? null) as SqlRow[string];
    return row;
  });
  const table: TableData = { columns: shape.columns, rows };
  ctx.outputs.set(spec.name, table);
  result.rows = rowsToGrid(shape.columns, rows, ctx.clock);
  result.testFailures = runModelTests(spec.tests ?? [], table, (name) => {
    const output = ctx.outputs.get(name);
    if (output) return output;
    const grid = ctx.input.sources.get(name);
    return grid ? gridToTable(grid, ctx.clock) : undefined;
  });
}

function ownerOf(spec: ModelSpec): SqlOwner {
  return { label: `model \`${spec.name}\``, where: spec.name };
}

function emptyResult(spec: ModelSpec): ModelResult {
  return {
    name: spec.name,
    label: spec.label ?? spec.name,
    status: 'ok',
    columns: [],
    rows: [],
    testFailures: [],
    reads: [],
  };
}

function fail(result: ModelResult, error: unknown): void {
  result.status = 'failed';
  result.error = toErrorInfo(error);
  if (!result.error.where) result.error.where = result.name;
}
