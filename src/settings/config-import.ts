/**
 * Imports a configuration exported by config-export.ts. Everything is checked first and every
 * problem is listed with the field it is about; nothing changes unless the whole file is valid.
 *
 * Importing adds or replaces what the file holds and never removes what it does not mention.
 * Secrets are never imported (a file is not a safe place for them): each imported connection
 * needs its keys entered again in Sources, and the result says which ones.
 */

import { validateConfig } from '../connect/config-validation';
import {
  getConnection,
  listConnections,
  savedSecretFields,
  writeImportedConnection,
} from '../connect/connection-store';
import type { ConnectorSpec } from '../connect/connector-spec';
import {
  DASHBOARD_CONFIG_KEY,
  parseDashboardConfig,
  saveDashboardConfig,
} from '../dashboard/dashboard-config';
import { guardSql } from '../model/sql-guard';
import { modelNameProblem, saveUserModel, type UserModel, utf8Bytes } from '../model/user-models';
import type { Gas } from '../platform/gas';
import type { Catalog } from '../schedule/catalog';
import { saveScheduleSettings } from '../schedule/schedule-api';
import { settingsProblems } from '../schedule/settings';
import { TapdashError } from '../shared/errors';
import { CONFIG_FORMAT, type ExportedConnection, type ExportedReport } from './config-file';
import { currencyProblem, saveCurrency } from './currency';

export interface ImportProblem {
  /** Where in the file: `connections[1].config.accountId`. */
  field: string;
  message: string;
}

export interface ImportSummary {
  connections: number;
  reports: number;
  dashboard: boolean;
  schedule: boolean;
  currency?: string;
}

export interface ImportResult {
  ok: boolean;
  problems: ImportProblem[];
  imported?: ImportSummary;
  /** Imported connections whose keys this user must enter in Sources before they can sync. */
  needSecrets: Array<{ id: string; label: string; fields: string[] }>;
  /** Things worth knowing that did not stop the import (a secret in the file was ignored). */
  notes: string[];
}

const CONNECTION_ID = /^[a-z][a-z0-9_]{0,29}$/;
const MODEL_VALUE_BYTES = 9 * 1024;

interface Checked {
  connections: Array<{ conn: ExportedConnection; connector: ConnectorSpec }>;
  reports: UserModel[];
  dashboard?: unknown;
  hasDashboard: boolean;
  schedule?: unknown;
  currency?: string;
}

export function importConfig(gas: Gas, text: string, catalog: Catalog, now = new Date()): ImportResult {
  const problems = new Problems();
  const notes: string[] = [];
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (e) {
    problems.add(
      'file',
      `The file is not valid JSON (${(e as Error).message}). Export the configuration again.`,
    );
    return { ok: false, problems: problems.list, needSecrets: [], notes };
  }
  const checked = check(gas, file, catalog, problems, notes, now);
  if (problems.size || !checked) return { ok: false, problems: problems.list, needSecrets: [], notes };
  return { ok: true, problems: [], ...apply(gas, checked, catalog), notes };
}

/** Collects every problem in the file, so the founder sees them all at once. */
class Problems {
  readonly list: ImportProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  get size(): number {
    return this.list.length;
  }
}

function check(
  gas: Gas,
  file: unknown,
  catalog: Catalog,
  problems: Problems,
  notes: string[],
  now: Date,
): Checked | undefined {
  if (!isObject(file) || file.tapdash !== CONFIG_FORMAT) {
    problems.add('tapdash', 'This is not a Tapdash configuration file: it should start with "tapdash": 1.');
    return undefined;
  }
  const out: Checked = { connections: [], reports: [], hasDashboard: 'dashboard' in file };
  const connectorIds = new Set(listConnections(gas).map((c) => c.connector));
  if (file.connections !== undefined) {
    if (!Array.isArray(file.connections)) problems.add('connections', 'Connections must be a list.');
    else
      file.connections.forEach((raw, i) => {
        const c = checkConnection(gas, raw, `connections[${i}]`, catalog, problems, notes);
        if (!c) return;
        if (out.connections.some((o) => o.conn.id === c.conn.id))
          problems.add(
            `connections[${i}].id`,
            `"${c.conn.id}" appears twice; each connection needs its own id.`,
          );
        out.connections.push(c);
        connectorIds.add(c.connector.id);
      });
  }
  if (file.reports !== undefined) {
    if (!Array.isArray(file.reports)) problems.add('reports', 'Reports must be a list.');
    else
      file.reports.forEach((raw, i) => {
        const r = checkReport(raw, `reports[${i}]`, catalog, problems, now);
        if (!r) return;
        if (out.reports.some((o) => o.spec.name === r.spec.name))
          problems.add(
            `reports[${i}].name`,
            `"${r.spec.name}" appears twice; each report needs its own name.`,
          );
        out.reports.push(r);
      });
  }
  if (out.hasDashboard && file.dashboard !== null) {
    try {
      out.dashboard = parseDashboardConfig(file.dashboard);
    } catch {
      problems.add(
        'dashboard',
        'The dashboard layout must list "tiles", "charts" and "hidden" as lists of ids.',
      );
    }
  }
  if (file.schedule !== undefined) {
    const metricIds = catalog.packages
      .filter((p) => connectorIds.has(p.connector))
      .flatMap((p) => p.metrics.map((m) => m.id));
    for (const p of settingsProblems(file.schedule, metricIds)) problems.add('schedule', p);
    out.schedule = file.schedule;
  }
  if (file.currency !== undefined) {
    const p = currencyProblem(file.currency);
    if (p) problems.add('currency', `"${String(file.currency)}" is not a currency code. ${p}`);
    else out.currency = file.currency as string;
  }
  return out;
}

function checkConnection(
  gas: Gas,
  raw: unknown,
  at: string,
  catalog: Catalog,
  problems: Problems,
  notes: string[],
): { conn: ExportedConnection; connector: ConnectorSpec } | undefined {
  if (!isObject(raw)) {
    problems.add(at, 'Each connection must be an object with an id, a connector and its settings.');
    return undefined;
  }
  const before = problems.size;
  const id = raw.id;
  if (typeof id !== 'string' || !CONNECTION_ID.test(id))
    problems.add(
      `${at}.id`,
      'A connection id must start with a letter and use only a-z, 0-9 and _ (at most 30).',
    );
  const connector = catalog.connectors.find((c) => c.id === raw.connector);
  if (!connector)
    problems.add(
      `${at}.connector`,
      `"${String(raw.connector)}" is not a source Tapdash knows (one of: ${catalog.connectors.map((c) => c.id).join(', ')}).`,
    );
  const config: Record<string, string> = {};
  if (raw.config !== undefined && !isObject(raw.config))
    problems.add(`${at}.config`, 'The settings must be an object.');
  else
    for (const [k, v] of Object.entries((raw.config as Record<string, unknown>) ?? {})) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') config[k] = String(v);
      else problems.add(`${at}.config.${k}`, 'A setting must be text or a number.');
    }
  if (raw.paused !== undefined && typeof raw.paused !== 'boolean')
    problems.add(`${at}.paused`, 'Paused must be true or false.');
  if (!connector || typeof id !== 'string' || before !== problems.size) return undefined;
  for (const f of connector.fields.filter((x) => x.kind === 'secret' && config[x.key] !== undefined)) {
    // Never stored from a file: a shared file is no place for a key.
    delete config[f.key];
    notes.push(`The ${f.label} for "${id}" in the file was ignored: enter it in Sources.`);
  }
  for (const p of validateConfig(connector, config, { secretsOptional: true }))
    problems.add(`${at}.config.${p.key}`, p.message);
  const existing = getConnection(gas, id);
  if (existing && existing.connector !== connector.id)
    problems.add(`${at}.id`, `"${id}" is already a ${existing.connector} connection in this spreadsheet.`);
  const conn: ExportedConnection = { id, connector: connector.id, config };
  if (raw.paused) conn.paused = true;
  return { conn, connector };
}

function checkReport(
  raw: unknown,
  at: string,
  catalog: Catalog,
  problems: Problems,
  now: Date,
): UserModel | undefined {
  if (!isObject(raw)) {
    problems.add(at, 'Each report must be an object with a name and its SQL.');
    return undefined;
  }
  const r = raw as Partial<ExportedReport>;
  const before = problems.size;
  const nameProblem = typeof r.name === 'string' ? modelNameProblem(r.name) : 'A report needs a name.';
  if (nameProblem) problems.add(`${at}.name`, nameProblem);
  else if (catalog.packages.some((p) => p.models.some((m) => m.name === r.name)))
    problems.add(`${at}.name`, `"${r.name}" is already the name of a built-in model; pick another name.`);
  if (r.label !== undefined && typeof r.label !== 'string')
    problems.add(`${at}.label`, 'The label must be text.');
  if (typeof r.sql !== 'string' || !r.sql.trim()) problems.add(`${at}.sql`, 'The report has no SQL.');
  else {
    try {
      guardSql(r.sql, { label: `report \`${String(r.name)}\`` });
    } catch (e) {
      problems.add(`${at}.sql`, e instanceof TapdashError ? `${e.message} ${e.fix}` : String(e));
    }
  }
  if (r.report !== undefined && !isReportDefinition(r.report))
    problems.add(
      `${at}.report`,
      'The report-builder settings must name a table and list dimensions and measures.',
    );
  if (before !== problems.size) return undefined;
  const model: UserModel = { spec: { name: r.name!, sql: r.sql! }, updatedAt: now.toISOString() };
  if (r.label) model.spec.label = r.label;
  if (r.report) model.report = r.report;
  if (utf8Bytes(`tapdash.model.${r.name}`) + utf8Bytes(JSON.stringify(model)) > MODEL_VALUE_BYTES)
    problems.add(`${at}.sql`, 'The report is too long to save (at most 9 KB including its SQL).');
  return model;
}

function apply(gas: Gas, c: Checked, catalog: Catalog): Pick<ImportResult, 'imported' | 'needSecrets'> {
  const user = gas.Session.getActiveUser().getEmail() || gas.Session.getEffectiveUser().getEmail();
  const saved = savedSecretFields(gas);
  const needSecrets: ImportResult['needSecrets'] = [];
  for (const { conn, connector } of c.connections) {
    const existing = getConnection(gas, conn.id);
    writeImportedConnection(gas, { ...conn, createdBy: existing?.createdBy ?? user });
    const missing = connector.fields
      .filter((f) => f.kind === 'secret' && f.required && !(saved[conn.id] ?? []).includes(f.key))
      .map((f) => f.label);
    if (missing.length) needSecrets.push({ id: conn.id, label: connector.label, fields: missing });
  }
  for (const model of c.reports) saveUserModel(gas, model);
  if (c.hasDashboard) {
    if (c.dashboard) saveDashboardConfig(gas, c.dashboard);
    else gas.PropertiesService.getDocumentProperties().deleteProperty(DASHBOARD_CONFIG_KEY);
  }
  const imported: ImportSummary = {
    connections: c.connections.length,
    reports: c.reports.length,
    dashboard: c.hasDashboard,
    schedule: c.schedule !== undefined,
  };
  if (c.currency) imported.currency = saveCurrency(gas, c.currency);
  // Last: its alert rules may name metrics of the connections imported above.
  if (c.schedule !== undefined) saveScheduleSettings(gas, c.schedule, catalog);
  return { imported, needSecrets };
}

function isReportDefinition(v: unknown): boolean {
  return (
    isObject(v) && typeof v.table === 'string' && Array.isArray(v.dimensions) && Array.isArray(v.measures)
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
