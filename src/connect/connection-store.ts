import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import { cleanConfig, secretKeys, validateConfig, withDefaults } from './config-validation';
import type { ConnectorSpec } from './connector-spec';
import { assertBaseUrlAllowed } from './url-allowlist-check';

/**
 * A configured source. Stored in document properties so every editor of the spreadsheet sees
 * it; its secrets are not in here.
 */
export interface Connection {
  /** lower_snake_case; prefixes the connection's tabs and SQL tables (`stripe` → `stripe_charges`). */
  id: string;
  /** The connector id (`stripe`). */
  connector: string;
  /** Settings without secrets. */
  config: Record<string, string>;
  paused?: boolean;
  /** Email of the user who entered the secrets; only their executions can read them. */
  createdBy: string;
}

export interface ConnectionInput {
  /** Omit to create a new connection (its id is derived from the connector's). */
  id?: string;
  connector: string;
  /** Settings as the form sends them; secret fields included, or empty to keep the saved ones. */
  config: Record<string, unknown>;
  paused?: boolean;
}

const CONNECTION_PREFIX = 'tapdash.connection.';
const SECRETS_PREFIX = 'tapdash.secrets.';
const ID = /^[a-z][a-z0-9_]{0,29}$/;

export function listConnections(gas: Gas): Connection[] {
  return connectionsIn(gas.PropertiesService.getDocumentProperties().getProperties());
}

/** The connections among document properties already read (saves a second read). */
export function connectionsIn(all: Readonly<Record<string, string>>): Connection[] {
  return Object.keys(all)
    .filter((k) => k.startsWith(CONNECTION_PREFIX))
    .sort()
    .map((k) => JSON.parse(all[k]) as Connection);
}

export function getConnection(gas: Gas, id: string): Connection | undefined {
  const raw = gas.PropertiesService.getDocumentProperties().getProperty(CONNECTION_PREFIX + id);
  return raw ? (JSON.parse(raw) as Connection) : undefined;
}

export function requireConnection(gas: Gas, id: string): Connection {
  const conn = getConnection(gas, id);
  if (!conn) {
    throw new TapdashError({
      code: 'connection-not-found',
      message: `There is no connection called "${id}" in this spreadsheet.`,
      fix: 'Open Sources in the Tapdash sidebar to see the connections that exist; someone may have removed it.',
    });
  }
  return conn;
}

/**
 * Validates and saves a connection: settings (no secrets) in document properties, secrets in
 * the current user's properties only. An empty secret on an existing connection keeps the
 * saved one. Returns the stored connection, which never contains a secret.
 */
export function saveConnection(gas: Gas, input: ConnectionInput, connector: ConnectorSpec): Connection {
  const existing = input.id ? getConnection(gas, input.id) : undefined;
  if (existing && existing.connector !== input.connector) {
    throw invalid(`"${input.id}" is already used by a ${existing.connector} connection.`, 'id');
  }
  const typed = cleanConfig(connector, input.config);
  const kept = keptSettings(existing?.config, input.config, connector);
  // Defaults fill only what neither the form nor the saved connection has.
  const config = { ...withDefaults(connector, { ...kept, ...typed }), ...typed };
  const secrets = secretKeys(connector);
  const problems = validateConfig(connector, { ...kept, ...config }, { secretsOptional: !!existing });
  if (problems.length) throw invalid(problems.map((p) => p.message).join(' '), problems[0].key);
  assertBaseUrlAllowed(connector, { ...kept, ...config });
  const id = existing?.id ?? newId(gas, input.id, connector.id);
  const user = currentUser(gas);
  const given = Object.fromEntries(secrets.filter((k) => config[k]).map((k) => [k, config[k]]));
  const settings = Object.fromEntries(Object.entries(config).filter(([k]) => !secrets.includes(k)));
  const enteredSecrets = Object.keys(given).length > 0;
  if (enteredSecrets) {
    const userProps = gas.PropertiesService.getUserProperties();
    const kept = existing && existing.createdBy === user ? readSecretsRaw(gas, id) : {};
    userProps.setProperty(SECRETS_PREFIX + id, JSON.stringify({ ...kept, ...given }));
  }
  const conn: Connection = {
    id,
    connector: connector.id,
    config: { ...kept, ...settings },
    createdBy: enteredSecrets || !existing ? user : existing.createdBy,
  };
  const paused = input.paused ?? existing?.paused;
  if (paused) conn.paused = true;
  gas.PropertiesService.getDocumentProperties().setProperty(CONNECTION_PREFIX + id, JSON.stringify(conn));
  return conn;
}

/**
 * The saved settings an edit keeps: those the form left out stay, but one it sends empty was
 * cleared by the user (an Advanced API address removed to go back to the vendor's) and goes.
 * Secrets are never in here: an empty secret means "keep the saved one".
 */
export function keptSettings(
  saved: Readonly<Record<string, string>> | undefined,
  sent: Readonly<Record<string, unknown>>,
  connector: ConnectorSpec,
): Record<string, string> {
  const secrets = secretKeys(connector);
  const out: Record<string, string> = { ...(saved ?? {}) };
  for (const [key, value] of Object.entries(sent)) {
    const empty = value === undefined || value === null || String(value).trim() === '';
    if (empty && !secrets.includes(key)) delete out[key];
  }
  return out;
}

export function setPaused(gas: Gas, id: string, paused: boolean): Connection {
  const conn = requireConnection(gas, id);
  const next: Connection = { ...conn };
  if (paused) next.paused = true;
  else delete next.paused;
  gas.PropertiesService.getDocumentProperties().setProperty(CONNECTION_PREFIX + id, JSON.stringify(next));
  return next;
}

/** Removes a connection and the current user's secrets for it (other users' cannot be reached). */
export function deleteConnection(gas: Gas, id: string): void {
  gas.PropertiesService.getDocumentProperties().deleteProperty(CONNECTION_PREFIX + id);
  gas.PropertiesService.getUserProperties().deleteProperty(SECRETS_PREFIX + id);
}

/**
 * The settings with the current user's secrets filled in, for making requests. Refuses with a
 * clear message when the secrets live in another user's account.
 */
export function configWithSecrets(
  gas: Gas,
  conn: Connection,
  connector: ConnectorSpec,
): Record<string, string> {
  const keys = secretKeys(connector);
  const secrets = keys.length ? readSecretsRaw(gas, conn.id) : {};
  const missing = connector.fields.filter((f) => f.kind === 'secret' && f.required && !secrets[f.key]);
  if (missing.length) {
    const user = currentUser(gas);
    const elsewhere = conn.createdBy && conn.createdBy !== user;
    throw new TapdashError({
      code: 'secret-missing',
      message: elsewhere
        ? `The ${connector.label} key for "${conn.id}" is saved in ${conn.createdBy}'s Google account, so only their syncs can use it.`
        : `The ${connector.label} connection "${conn.id}" has no saved ${missing[0].label}.`,
      fix: elsewhere
        ? `Ask ${conn.createdBy} to sync, or open Sources in the Tapdash sidebar, edit ${connector.label} and paste a key of your own.`
        : `Open Sources in the Tapdash sidebar, edit ${connector.label} and paste the ${missing[0].label}.`,
      where: conn.id,
    });
  }
  const out: Record<string, string> = { ...conn.config };
  for (const k of keys) if (secrets[k]) out[k] = secrets[k];
  return out;
}

/** Which secret fields the current user has saved, per connection (names only, never values). */
export function savedSecretFields(gas: Gas): Record<string, string[]> {
  const all = gas.PropertiesService.getUserProperties().getProperties();
  const out: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(SECRETS_PREFIX)) continue;
    try {
      out[key.slice(SECRETS_PREFIX.length)] = Object.keys(JSON.parse(raw) as Record<string, string>);
    } catch {
      // An unreadable entry counts as nothing saved.
    }
  }
  return out;
}

/** The stored secrets of a connection for the current user, if they entered them. */
export function storedSecrets(gas: Gas, connId: string): Record<string, string> {
  return readSecretsRaw(gas, connId);
}

/** The secret values of a connection for the current user: only for redaction and requests. */
export function secretValues(gas: Gas, connId: string): string[] {
  return Object.values(readSecretsRaw(gas, connId));
}

function readSecretsRaw(gas: Gas, id: string): Record<string, string> {
  const raw = gas.PropertiesService.getUserProperties().getProperty(SECRETS_PREFIX + id);
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, string>;
  } catch {
    return {};
  }
}

function newId(gas: Gas, wanted: string | undefined, base: string): string {
  if (wanted !== undefined) {
    if (!ID.test(wanted))
      throw invalid(
        'A connection name must start with a letter and use only a-z, 0-9 and _ (at most 30).',
        'id',
      );
    return wanted;
  }
  const taken = new Set(listConnections(gas).map((c) => c.id));
  const root = base.replace(/[^a-z0-9_]/g, '_').slice(0, 27);
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}_${n}`)) return `${root}_${n}`;
}

function currentUser(gas: Gas): string {
  return (
    gas.Session.getActiveUser().getEmail() || gas.Session.getEffectiveUser().getEmail() || 'unknown user'
  );
}

function invalid(message: string, where: string): TapdashError {
  return new TapdashError({
    code: 'config-invalid',
    message,
    fix: 'Correct the highlighted setting and save again.',
    where,
  });
}

/**
 * Stores a connection's settings as given, without secrets: an imported configuration, whose
 * keys each user enters afterwards (src/settings/config-import.ts validates it first).
 */
export function writeImportedConnection(gas: Gas, conn: Connection): void {
  gas.PropertiesService.getDocumentProperties().setProperty(
    CONNECTION_PREFIX + conn.id,
    JSON.stringify(conn),
  );
}
