import { type Connection, listConnections, savedSecretFields } from '../connect/connection-store';
import type { ConnectorSpec } from '../connect/connector-spec';
import type { Gas } from '../platform/gas';
import { expectedFreshnessHours, isStale } from '../schedule/freshness';
import type { ErrorInfo } from '../shared/errors';
import { activeLease } from './connection-lease';
import { streamsOf } from './engine';
import { SyncStateStore } from './state';
import { tabName } from './stream-loader';

/**
 * - `syncing`: a run is in progress (or waiting for its next chunk);
 * - `failing`: a stream failed in the last run;
 * - `stale`: not synced successfully within the connector's freshness;
 * - `new`: never synced; `paused`: the user paused it; `healthy` otherwise.
 */
export type ConnectionHealth = 'syncing' | 'healthy' | 'stale' | 'failing' | 'paused' | 'new';

export interface StreamSummary {
  stream: string;
  label: string;
  table: string;
  rows: number;
  status: 'ok' | 'failed' | 'never';
  /** ISO instant (google.script.run cannot carry Dates). */
  lastSuccessAt?: string;
  error?: ErrorInfo;
}

/** A connection as the sidebar lists it. Plain data; never a secret value. */
export interface ConnectionSummary {
  id: string;
  connector: string;
  label: string;
  createdBy: string;
  paused: boolean;
  status: ConnectionHealth;
  /** When every stream had last loaded successfully (the stalest stream's time). */
  lastSuccessAt?: string;
  rows: number;
  streams: StreamSummary[];
  lastError?: ErrorInfo;
  /** Settings without secrets, for the edit form. */
  config: Record<string, string>;
  /** Secret fields the current user has saved (names only). */
  secretsSaved: string[];
}

export function summarizeConnections(
  gas: Gas,
  connectors: readonly ConnectorSpec[],
  now: number,
  /** The schedule's interval: a source is not stale before the schedule could have refreshed it. */
  scheduleIntervalHours?: number,
): ConnectionSummary[] {
  const store = new SyncStateStore(gas);
  const secrets = savedSecretFields(gas);
  return listConnections(gas).map((conn) =>
    summarize(gas, conn, connectors, store, secrets[conn.id] ?? [], now, scheduleIntervalHours),
  );
}

function summarize(
  gas: Gas,
  conn: Connection,
  connectors: readonly ConnectorSpec[],
  store: SyncStateStore,
  secretsSaved: string[],
  now: number,
  scheduleIntervalHours: number | undefined,
): ConnectionSummary {
  const connector = connectors.find((c) => c.id === conn.connector);
  const streams = connector ? streamsOf(connector, conn.config) : [];
  const summaries = streams.map((s): StreamSummary => {
    const state = store.readStream(conn.id, s.name);
    const out: StreamSummary = {
      stream: s.name,
      label: s.label,
      table: tabName(conn.id, s.name),
      rows: state.rows ?? 0,
      status: state.last?.status ?? 'never',
    };
    if (state.lastSuccessAt !== undefined) out.lastSuccessAt = new Date(state.lastSuccessAt).toISOString();
    if (state.last?.status === 'failed' && state.last.error) out.error = state.last.error;
    return out;
  });
  const successes = streams.map((s) => store.readStream(conn.id, s.name).lastSuccessAt);
  const lastSuccess =
    successes.length && successes.every((t) => t !== undefined)
      ? Math.min(...(successes as number[]))
      : undefined;
  const run = store.readRun(conn.id);
  const lastError = run?.notice ?? summaries.find((s) => s.error)?.error;
  const syncing = run !== undefined || activeLease(gas, conn.id, now) !== undefined;
  const freshness = expectedFreshnessHours(connector?.freshnessHours, scheduleIntervalHours);
  let status: ConnectionHealth;
  if (conn.paused) status = 'paused';
  else if (syncing) status = 'syncing';
  else if (lastError) status = 'failing';
  else if (summaries.every((s) => s.status === 'never')) status = 'new';
  else if (isStale(lastSuccess, freshness, now)) status = 'stale';
  else status = 'healthy';
  const summary: ConnectionSummary = {
    id: conn.id,
    connector: conn.connector,
    label: connector?.label ?? conn.connector,
    createdBy: conn.createdBy,
    paused: !!conn.paused,
    status,
    rows: summaries.reduce((n, s) => n + s.rows, 0),
    streams: summaries,
    config: { ...conn.config },
    secretsSaved,
  };
  if (lastSuccess !== undefined) summary.lastSuccessAt = new Date(lastSuccess).toISOString();
  if (lastError) summary.lastError = lastError;
  return summary;
}
