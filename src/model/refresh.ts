/**
 * One model refresh: read each source tab the models need once (one getValues per tab, shared
 * by every model), run all models in memory in dependency order, write each summary tab with
 * one setValues, snapshot headline metrics, and log a row per model.
 *
 * A model that fails leaves its tab as it was; the others still run unless they read it.
 */
import { connectionsIn } from '../connect/connection-store';
import type { Gas } from '../platform/gas';
import { type ErrorInfo, TapdashError, toErrorInfo } from '../shared/errors';
import { DEFAULT_CURRENCY } from './formats';
import { HISTORY_TAB, headlineValues, type ModelOutput, recordHistory } from './history';
import type { MetricPackage, ModelSpec } from './model-spec';
import type { TestFailure } from './model-tests';
import { type Grid, type ModelResult, runModels } from './run-models';
import { readSourceTable, spreadsheetSourceTabs } from './source-tables';
import type { Budget } from './sql-budget';
import { guardSql } from './sql-guard';
import { type TabShape, writeSummaryTab } from './summary-tab';
import { appendModelLog, SYNC_LOG_TAB } from './sync-log';
import { intlZoneOffset, type WallClock, wallClock, type ZoneOffset } from './time-zone';
import { listUserModelsFrom } from './user-models';

/** Document property holding the account's currency (ISO code such as EUR); USD when unset. */
export const CURRENCY_PROPERTY = 'tapdash.settings.currency';
const SHAPE_PREFIX = 'tapdash.tab.';
/** Document property prefix of each model's last run, for the sidebar's model list. */
export const LAST_RUN_PREFIX = 'tapdash.modelrun.';
/**
 * How long a refresh may run when the caller does not say: Apps Script stops an execution at
 * six minutes, and the tab writes after the models need some of it.
 */
export const DEFAULT_REFRESH_MS = 270_000;
/** Tabs a model may never write to, whatever its label says. */
const RESERVED_TABS = new Set([SYNC_LOG_TAB, HISTORY_TAB, 'Dashboard']);

export interface RefreshInput {
  /** Installed metric packages: their models run and their headline metrics are snapshotted. */
  packages?: readonly MetricPackage[];
  /** Run exactly these models instead of the packages' and the saved ones. */
  models?: readonly ModelSpec[];
  now?: Date;
  budget?: Budget;
  /** Milliseconds this execution has left; a model that cannot finish waits for the next refresh. */
  remainingMs?: () => number;
}

/** What the sidebar and the Sync log show for one model (plain data, no Dates). */
export interface ModelOutcome {
  name: string;
  label: string;
  status: 'ok' | 'failed' | 'skipped';
  rows: number;
  columns: string[];
  error?: ErrorInfo;
  testFailures: Array<Pick<TestFailure, 'name' | 'failingRows' | 'example' | 'message'>>;
}

/** A model's last refresh as the sidebar lists it (small: it lives in a document property). */
export interface LastRun {
  at: string;
  status: ModelOutcome['status'];
  rows: number;
  error?: ErrorInfo;
  failedTests: string[];
}

export interface RefreshResult {
  startedAt: string;
  endedAt: string;
  models: ModelOutcome[];
}

export function refreshModels(gas: Gas, input: RefreshInput = {}): RefreshResult {
  const started = input.now ?? new Date();
  const clockStart = Date.now();
  const ss = gas.SpreadsheetApp.getActive();
  const props = gas.PropertiesService.getDocumentProperties();
  const stored = props.getProperties();
  const models = input.models ?? [
    ...(input.packages ?? []).flatMap((p) => p.models),
    ...listUserModelsFrom(stored).map((m) => m.spec),
  ];
  const clock = spreadsheetClock(gas, ss.getSpreadsheetTimeZone());
  const sources = readSourceTabs(ss, models, stored);
  const waiting = waitingForFirstSync(input.packages ?? [], models, sources);
  const runnable = models.filter((m) => !waiting.has(m.name));

  const remainingMs = input.remainingMs ?? (() => DEFAULT_REFRESH_MS - (Date.now() - clockStart));
  const results = runModels({ models: runnable, sources, clock, budget: input.budget, remainingMs });

  const currency = stored[CURRENCY_PROPERTY] || DEFAULT_CURRENCY;
  const shapes: Record<string, string> = {};
  const outputs = new Map<string, ModelOutput>();
  for (const result of results) {
    if (result.status !== 'ok') continue;
    const spec = models.find((m) => m.name === result.name)!;
    try {
      const sheet = summarySheet(ss, result, sources, spec.hidden === true);
      const previous = parseShape(stored[SHAPE_PREFIX + result.name]);
      const shape = writeSummaryTab(
        sheet,
        { columns: result.columns, rows: result.rows, formats: spec.formats, currency },
        previous,
      );
      shapes[SHAPE_PREFIX + result.name] = JSON.stringify(shape);
      outputs.set(result.name, result);
    } catch (error) {
      result.status = 'failed';
      result.error = {
        ...toErrorInfo(error, 'Refresh again; if it keeps failing, check that the tab is not protected.'),
        where: result.name,
      };
    }
  }
  const ranAt = started.toISOString();
  for (const r of results) {
    // Capped so the property stays far below the 9 KB a value may hold.
    const failedTests = r.testFailures.slice(0, 5).map((f) => f.message.slice(0, 400));
    const run: LastRun = { at: ranAt, status: r.status, rows: r.rows.length, failedTests };
    if (r.error)
      run.error = { ...r.error, message: r.error.message.slice(0, 2000), fix: r.error.fix.slice(0, 1000) };
    shapes[LAST_RUN_PREFIX + r.name] = JSON.stringify(run);
  }
  props.setProperties(shapes);

  const metrics = (input.packages ?? []).flatMap((p) => p.metrics);
  recordHistory(gas, headlineValues(metrics, outputs), started, clock);

  const ended = new Date(started.getTime() + Math.max(0, Date.now() - clockStart));
  appendModelLog(
    gas,
    results.map((r) => ({
      model: r.name,
      started,
      ended,
      status: r.status,
      rows: r.status === 'ok' ? r.rows.length : undefined,
      message:
        r.error?.message ??
        (r.testFailures.length ? r.testFailures.map((f) => f.message).join(' ') : undefined),
      fix: r.error?.fix,
    })),
    { onlyIfExists: true },
  );
  const outcomes = results.map(outcome);
  for (const [name, table] of waiting) {
    const spec = models.find((m) => m.name === name)!;
    outcomes.push({
      name,
      label: spec.label ?? name,
      status: 'skipped',
      rows: 0,
      columns: [],
      testFailures: [],
      error: {
        code: 'model_waiting_for_sync',
        message: `Model \`${name}\` waits for \`${table}\` to be synced for the first time.`,
        fix: 'Connect the source (or sync it now); the model refreshes after its first sync.',
        where: name,
      },
    });
  }
  return { startedAt: started.toISOString(), endedAt: ended.toISOString(), models: outcomes };
}

/**
 * Built-in models of sources that were never synced have nothing to read yet: they wait
 * quietly (no failure, no Sync log row), with the models that read them. Founders' own
 * models still report a missing table.
 */
function waitingForFirstSync(
  packages: readonly MetricPackage[],
  models: readonly ModelSpec[],
  sources: ReadonlyMap<string, Grid>,
): Map<string, string> {
  const builtIn = new Set(packages.flatMap((p) => p.models.map((m) => m.name)));
  const modelNames = new Set(models.map((m) => m.name));
  const reads = new Map<string, string[]>();
  for (const m of models) {
    try {
      reads.set(m.name, guardSql(m.sql, { label: m.name }).reads);
    } catch {
      reads.set(m.name, []);
    }
  }
  const waiting = new Map<string, string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of models) {
      if (!builtIn.has(m.name) || waiting.has(m.name)) continue;
      const missing = (reads.get(m.name) ?? []).find((t) =>
        modelNames.has(t) ? waiting.has(t) : !sources.has(t),
      );
      if (missing === undefined) continue;
      waiting.set(m.name, waiting.get(missing) ?? missing);
      changed = true;
    }
  }
  return waiting;
}

/**
 * Reads every source table any model reads, once: one getValues per tab. A package table of a
 * connector with several connections is the union of their tabs (source-tables.ts).
 */
function readSourceTabs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  models: readonly ModelSpec[],
  stored: Readonly<Record<string, string>>,
): Map<string, Grid> {
  const modelNames = new Set(models.map((m) => m.name));
  const wanted = new Set<string>();
  for (const m of models) {
    try {
      for (const t of guardSql(m.sql, { label: m.name }).reads) if (!modelNames.has(t)) wanted.add(t);
    } catch {
      // The model's own run reports the problem.
    }
  }
  const sources = new Map<string, Grid>();
  if (wanted.size === 0) return sources;
  const tabs = spreadsheetSourceTabs(ss, connectionsIn(stored));
  for (const name of wanted) {
    const grid = readSourceTable(ss, name, tabs);
    if (grid) sources.set(name, grid);
  }
  return sources;
}

function summarySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  result: ModelResult,
  sources: ReadonlyMap<string, Grid>,
  hidden: boolean,
): GoogleAppsScript.Spreadsheet.Sheet {
  const clash = RESERVED_TABS.has(result.label) || sources.has(result.label);
  const sheet = clash ? null : ss.getSheetByName(result.label);
  // A hidden tab of that name is Tapdash data, unless this model's own tab is meant to be hidden.
  if (clash || (sheet?.isSheetHidden() && !hidden))
    throw new TapdashError({
      code: 'model_tab_clash',
      message: `Model \`${result.name}\` would write to the tab "${result.label}", which holds Tapdash data of its own. Nothing was overwritten.`,
      fix: 'Give the model another label (its tab title).',
      where: result.name,
    });
  const tab = sheet ?? ss.insertSheet(result.label, ss.getNumSheets());
  if (hidden && !tab.isSheetHidden()) tab.hideSheet();
  return tab;
}

function parseShape(text: string | undefined): TabShape | undefined {
  if (!text) return undefined;
  try {
    const shape = JSON.parse(text) as TabShape;
    return Number.isInteger(shape.columns) && Number.isInteger(shape.rows) ? shape : undefined;
  } catch {
    return undefined;
  }
}

/** Wall-clock conversion for the spreadsheet's zone: Intl when the runtime has it, else Utilities. */
export function spreadsheetClock(gas: Gas, timeZone: string): WallClock {
  const viaUtilities: ZoneOffset = (ms) => {
    const z = gas.Utilities.formatDate(new Date(ms), timeZone, 'Z');
    const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  return wallClock(intlZoneOffset(timeZone) ?? viaUtilities);
}

function outcome(r: ModelResult): ModelOutcome {
  const o: ModelOutcome = {
    name: r.name,
    label: r.label,
    status: r.status,
    rows: r.rows.length,
    columns: r.columns,
    testFailures: r.testFailures.map((f) => ({
      name: f.name,
      failingRows: f.failingRows,
      example: f.example,
      message: f.message,
    })),
  };
  if (r.error) o.error = r.error;
  return o;
}
