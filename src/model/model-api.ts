/**
 * What the sidebar's report builder and SQL editor call (through src/entry/api.ts). Arguments
 * and results are plain data: google.script.run cannot carry Dates, so dates go out as text.
 *
 * Tables are read as the founder sees them: a source stream from its hidden tab, a model from
 * its summary tab (as of its last refresh).
 */
import { CONNECTORS } from '../../connectors/index';
import { PACKAGES } from '../../connectors/packages';
import { listConnections } from '../connect/connection-store';
import type { ConnectorSpec } from '../connect/connector-spec';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import { inferColumns } from './column-types';
import type { ColumnFormat, MetricPackage, ModelSpec } from './model-spec';
import {
  LAST_RUN_PREFIX,
  type LastRun,
  type RefreshResult,
  refreshModels,
  spreadsheetClock,
} from './refresh';
import { compileReport, type ReportDefinition, type ReportProblem } from './report-builder';
import { type ReportColumn, sourceLabel, sourceStream, withMoney } from './report-money';
import { type Grid, runModels } from './run-models';
import { readSourceTable, type SourceTabs, spreadsheetSourceTabs, unionGrids } from './source-tables';
import { guardSql } from './sql-guard';
import type { WallClock } from './time-zone';
import {
  deleteUserModel,
  listUserModels,
  listUserModelsFrom,
  saveUserModel,
  type UserModel,
} from './user-models';
import { type Cell, gridToTable } from './values';

export type PreviewCell = string | number | boolean | null;

export interface ReportTable {
  name: string;
  /** As the picker shows it: "Stripe · Charges" for a source, the tab's title for a model. */
  label: string;
  kind: 'source' | 'model';
  /** The tab it is read from. */
  tab: string;
  columns: ReportColumn[];
}

export interface ModelListing {
  name: string;
  label: string;
  sql: string;
  /** Built in (from a metric package) or made by the founder. */
  origin: 'package' | 'user';
  /** The report-builder definition, for models made with it. */
  report?: ReportDefinition;
  lastRun?: LastRun;
}

export interface PreviewResult {
  sql: string;
  columns: string[];
  /** The first rows, dates as "2026-01-31" (or "2026-01-31 14:05" when they have a time). */
  rows: PreviewCell[][];
  totalRows: number;
  problems: ReportProblem[];
  /** Outputs the saved tab formats specially: money as currency. */
  formats?: Record<string, ColumnFormat>;
}

const PREVIEW_ROWS = 50;
/** Rows read to tell a column's kind when listing tables. */
const SAMPLE_ROWS = 200;

/**
 * Source tables (hidden stream tabs) and models with a tab, with their columns, for the table
 * picker, each once. A package table fed by several connections is listed once, under the name
 * SQL uses, with the columns of all its tabs; `tab` is the first of them. Hidden tabs that are
 * not data are left out: models' tabs (listed as models), Tapdash's own (`_chart_data`) and a
 * full refresh's half-filled `(loading)` copies.
 */
export function listReportTables(
  gas: Gas,
  packages: readonly MetricPackage[] = [],
  connectors: readonly ConnectorSpec[] = CONNECTORS,
  /** Every shipped package: a removed source's hidden model tabs are still model tabs, not data. */
  catalog: readonly MetricPackage[] = PACKAGES,
): ReportTable[] {
  const ss = gas.SpreadsheetApp.getActive();
  const clock = spreadsheetClock(gas, ss.getSpreadsheetTimeZone());
  const connections = listConnections(gas);
  const sourceTabs = spreadsheetSourceTabs(ss, connections);
  const tableOfTab = new Map<string, string>();
  for (const [table, tabs] of sourceTabs) for (const tab of tabs) tableOfTab.set(tab, table);
  const models = allModels(gas, packages);
  const modelTabs = new Set([...models, ...catalog.flatMap((p) => p.models)].map((m) => m.label ?? m.name));
  const tables: ReportTable[] = [];
  const listed = new Set<string>();
  for (const sheet of ss.getSheets()) {
    const tab = sheet.getName();
    if (!sheet.isSheetHidden() || modelTabs.has(tab) || isInternalTab(tab)) continue;
    const name = tableOfTab.get(tab) ?? tab;
    if (listed.has(name)) continue;
    listed.add(name);
    const tabs = sourceTabs.get(name);
    const sheets = tabs ? tabs.flatMap((t) => ss.getSheetByName(t) ?? []) : [sheet];
    const source = sourceStream(name, connections, connectors);
    tables.push({
      name,
      label: sourceLabel(source, name),
      kind: 'source',
      tab: tabs?.[0] ?? name,
      columns: withMoney(sampleColumns(sheets, clock), source?.stream),
    });
  }
  for (const model of models) {
    const tab = model.label ?? model.name;
    const sheet = ss.getSheetByName(tab);
    if (sheet && !listed.has(model.name)) {
      listed.add(model.name);
      tables.push({
        name: model.name,
        label: tab,
        kind: 'model',
        tab,
        columns: sampleColumns([sheet], clock),
      });
    }
  }
  return tables;
}

/** Tabs Tapdash keeps for itself (`_chart_data`) and a full refresh's half-filled copies. */
function isInternalTab(tab: string): boolean {
  return tab.startsWith('_') || tab.endsWith(' (loading)');
}

/** Every model with its last refresh, for the sidebar's model list (one properties read). */
export function listModels(gas: Gas, packages: readonly MetricPackage[] = []): ModelListing[] {
  const stored = gas.PropertiesService.getDocumentProperties().getProperties();
  const lastRun = (name: string): LastRun | undefined => {
    try {
      return stored[LAST_RUN_PREFIX + name]
        ? (JSON.parse(stored[LAST_RUN_PREFIX + name]) as LastRun)
        : undefined;
    } catch {
      return undefined;
    }
  };
  const listing = (
    spec: ModelSpec,
    origin: ModelListing['origin'],
    report?: ReportDefinition,
  ): ModelListing => {
    const item: ModelListing = { name: spec.name, label: spec.label ?? spec.name, sql: spec.sql, origin };
    if (report) item.report = report;
    const run = lastRun(spec.name);
    if (run) item.lastRun = run;
    return item;
  };
  return [
    ...packages.flatMap((p) => p.models.map((m) => listing(m, 'package'))),
    ...listUserModelsFrom(stored).map((m) => listing(m.spec, 'user', m.report)),
  ];
}

/**
 * Compiles a report and runs it for the live preview. Problems come back as a list, not an
 * error. Relative dates count from `now`: the real time in Apps Script; tests pass the
 * emulator's simulated time.
 */
export function previewReport(
  gas: Gas,
  definition: ReportDefinition,
  packages: readonly MetricPackage[] = [],
  now: Date = new Date(),
): PreviewResult {
  const ss = gas.SpreadsheetApp.getActive();
  const clock = spreadsheetClock(gas, ss.getSpreadsheetTimeZone());
  const grid = readTable(gas, definition.table, packages);
  const columns = grid ? reportColumns(gas, definition.table, grid, clock) : undefined;
  const compiled = compileReport(definition, columns, clock.toWall(now));
  if (!compiled.ok) return { sql: '', columns: [], rows: [], totalRows: 0, problems: compiled.problems };
  const preview = runPreview(compiled.report.sql, new Map([[definition.table, grid!]]), clock);
  if (compiled.report.formats) preview.formats = compiled.report.formats;
  return preview;
}

/** Runs hand-written SQL for the editor's preview, over the tables it reads. */
export function previewSql(gas: Gas, sql: string, packages: readonly MetricPackage[] = []): PreviewResult {
  const ss = gas.SpreadsheetApp.getActive();
  const clock = spreadsheetClock(gas, ss.getSpreadsheetTimeZone());
  const guarded = guardSql(sql, { label: 'this query' });
  const sources = new Map<string, Grid>();
  const sourceTabs = spreadsheetSourceTabs(ss, listConnections(gas));
  for (const table of guarded.reads) {
    const grid = readTable(gas, table, packages, sourceTabs);
    if (grid) sources.set(table, grid);
  }
  return runPreview(sql, sources, clock);
}

export interface SaveReportInput {
  name: string;
  label?: string;
  /** Either a report-builder definition or hand-written SQL. */
  definition?: ReportDefinition;
  sql?: string;
}

/** Saves a report (or SQL) as a user model; it refreshes with the others from then on. */
export function saveReport(
  gas: Gas,
  input: SaveReportInput,
  packages: readonly MetricPackage[] = [],
): UserModel {
  let sql = input.sql;
  let formats: ModelSpec['formats'];
  if (input.definition) {
    const ss = gas.SpreadsheetApp.getActive();
    const clock = spreadsheetClock(gas, ss.getSpreadsheetTimeZone());
    const grid = readTable(gas, input.definition.table, packages);
    const columns = grid ? reportColumns(gas, input.definition.table, grid, clock) : undefined;
    const compiled = compileReport(input.definition, columns, clock.toWall(new Date()));
    if (!compiled.ok)
      throw new TapdashError({
        code: 'report_invalid',
        message: `The report cannot be saved yet: ${compiled.problems.map((p) => p.message).join(' ')}`,
        fix: 'Fix the fields marked in the report builder, then save again.',
        where: input.name,
      });
    sql = compiled.report.sql;
    formats = compiled.report.formats;
  }
  if (!sql)
    throw new TapdashError({
      code: 'report_empty',
      message: 'There is nothing to save yet.',
      fix: 'Build a report or write a SELECT first.',
    });
  if (packages.some((p) => p.models.some((m) => m.name === input.name)))
    throw new TapdashError({
      code: 'model_name_taken',
      message: `\`${input.name}\` is already the name of a built-in model.`,
      fix: 'Pick another name.',
      where: input.name,
    });
  guardSql(sql, { label: `model \`${input.name}\``, where: input.name });
  const spec: ModelSpec = { name: input.name, sql };
  if (input.label) spec.label = input.label;
  if (formats) spec.formats = formats;
  const model: UserModel = { spec, updatedAt: new Date().toISOString() };
  if (input.definition) model.report = input.definition;
  saveUserModel(gas, model);
  return model;
}

export function deleteReport(gas: Gas, name: string): void {
  deleteUserModel(gas, name);
}

/** Refreshes every model (the packages' and the saved ones) now. */
export function refreshAllModels(gas: Gas, packages: readonly MetricPackage[] = []): RefreshResult {
  return refreshModels(gas, { packages });
}

function allModels(gas: Gas, packages: readonly MetricPackage[]): ModelSpec[] {
  return [...packages.flatMap((p) => p.models), ...listUserModels(gas).map((m) => m.spec)];
}

/**
 * A table's values: a model's summary tab, or a source table read as refreshes read it (the
 * union of its connections' tabs, or the tab of that name).
 */
function readTable(
  gas: Gas,
  name: string,
  packages: readonly MetricPackage[],
  sourceTabs?: SourceTabs,
): Grid | undefined {
  const ss = gas.SpreadsheetApp.getActive();
  const model = allModels(gas, packages).find((m) => m.name === name);
  if (model) {
    const sheet = ss.getSheetByName(model.label ?? model.name);
    return sheet ? sheet.getDataRange().getValues() : undefined;
  }
  return readSourceTable(ss, name, sourceTabs ?? spreadsheetSourceTabs(ss, listConnections(gas)));
}

/** A table's columns, with the money its connector declares in minor units marked. */
function reportColumns(gas: Gas, table: string, grid: Grid, clock: WallClock): ReportColumn[] {
  const columns = inferColumns(gridToTable(grid, clock));
  return withMoney(columns, sourceStream(table, listConnections(gas), CONNECTORS)?.stream);
}

/** The columns of a table's tabs, from their first rows (one getValues per tab). */
function sampleColumns(
  sheets: readonly GoogleAppsScript.Spreadsheet.Sheet[],
  clock: WallClock,
): ReportColumn[] {
  const grids: Grid[] = [];
  for (const sheet of sheets) {
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow === 0 || lastColumn === 0) continue;
    grids.push(sheet.getRange(1, 1, Math.min(lastRow, SAMPLE_ROWS + 1), lastColumn).getValues());
  }
  const grid = unionGrids(grids);
  return grid ? inferColumns(gridToTable(grid, clock)) : [];
}

function runPreview(sql: string, sources: ReadonlyMap<string, Grid>, clock: WallClock): PreviewResult {
  const [result] = runModels({
    models: [{ name: 'preview', sql }],
    sources,
    clock,
    describe: () => ({ label: 'this report' }),
  });
  if (result.status !== 'ok') throw new TapdashError({ ...result.error!, where: undefined });
  return {
    sql,
    columns: result.columns,
    rows: result.rows.slice(0, PREVIEW_ROWS).map((r) => r.map((c) => previewCell(c, clock))),
    totalRows: result.rows.length,
    problems: [],
  };
}

function previewCell(cell: Cell, clock: WallClock): PreviewCell {
  if (cell === '') return null;
  if (!(cell instanceof Date)) return cell;
  const d = clock.toWall(cell);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return d.getHours() || d.getMinutes() ? `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}` : day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
