import type { Gas } from '../platform/gas';
import { describeSchedule, intervalHours, type Schedule } from '../schedule/schedule';
import { loadSettings } from '../schedule/settings';
import { type ConnectionSummary, summarizeConnections } from '../sync/status';
import type { ConnectorSpec } from './connector-spec';

/** The schedule as a connection card mentions it. */
export interface ScheduleBrief {
  kind: Schedule['kind'];
  /** "Every hour", "Every day around 6 AM"… */
  description: string;
  /** Whose trigger runs it (whose keys a scheduled sync can use); null until someone sets it up. */
  owner: string | null;
}

/** Everything the Sources view shows, in one server call. */
export interface SourcesView {
  /**
   * The server's clock (ISO), for "synced 5 minutes ago": the browser's clock may disagree with
   * it (a wrong PC clock; the playground's simulated time).
   */
  now: string;
  connections: ConnectionSummary[];
  schedule: ScheduleBrief;
}

/**
 * The connections with their health and the schedule that syncs them. Staleness counts from the
 * schedule's interval, as the Dashboard's warning line does, so the two never disagree.
 */
export function sourcesView(gas: Gas, connectors: readonly ConnectorSpec[], now: number): SourcesView {
  const settings = loadSettings(gas);
  return {
    now: new Date(now).toISOString(),
    connections: summarizeConnections(gas, connectors, now, intervalHours(settings.schedule)),
    schedule: {
      kind: settings.schedule.kind,
      description: describeSchedule(settings.schedule),
      owner: settings.owner ?? null,
    },
  };
}
