/**
 * Exports the configuration as plain data (the sidebar turns it into a JSON download). Secrets
 * never leave the user's properties: connections carry their settings only, and a secret that a
 * connector declares is dropped even if it ever ended up among the settings.
 */
import { listConnections } from '../connect/connection-store';
import type { ConnectorSpec } from '../connect/connector-spec';
import { loadDashboardConfig } from '../dashboard/dashboard-config';
import { listUserModels } from '../model/user-models';
import type { Gas } from '../platform/gas';
import { loadSettings } from '../schedule/settings';
import {
  CONFIG_FORMAT,
  type ExportedConnection,
  type ExportedReport,
  type TapdashConfigFile,
} from './config-file';
import { loadCurrency } from './currency';

export function exportConfig(
  gas: Gas,
  connectors: readonly ConnectorSpec[],
  now = new Date(),
): TapdashConfigFile {
  const connections = listConnections(gas).map((conn): ExportedConnection => {
    const secret = new Set(
      connectors
        .find((c) => c.id === conn.connector)
        ?.fields.filter((f) => f.kind === 'secret')
        .map((f) => f.key),
    );
    const out: ExportedConnection = {
      id: conn.id,
      connector: conn.connector,
      config: Object.fromEntries(Object.entries(conn.config).filter(([k]) => !secret.has(k))),
    };
    if (conn.paused) out.paused = true;
    return out;
  });
  const reports = listUserModels(gas).map((m): ExportedReport => {
    const out: ExportedReport = { name: m.spec.name, sql: m.spec.sql };
    if (m.spec.label) out.label = m.spec.label;
    if (m.report) out.report = m.report;
    return out;
  });
  const { owner: _owner, ...schedule } = loadSettings(gas);
  return {
    tapdash: CONFIG_FORMAT,
    exportedAt: now.toISOString(),
    connections,
    reports,
    dashboard: loadDashboardConfig(gas),
    schedule,
    currency: loadCurrency(gas),
  };
}
