import type { ConfigField } from '../../src/connect/connector-spec';
import type { ScheduleBrief } from '../../src/connect/sources-view';
import { leadingFirst } from '../../src/model/source-tables';
import type { ConnectionSummary } from '../../src/sync/status';

/** When the schedule next syncs a connection, in words (Apps Script picks the minute itself). */
export function nextRunText(
  connection: Pick<ConnectionSummary, 'paused'>,
  schedule: ScheduleBrief | null,
): string | undefined {
  if (connection.paused) return 'Paused: the schedule skips it until you resume it.';
  // No schedule is the same news for every card: scheduleNote says it once above the list.
  if (!schedule || scheduleNote(schedule)) return undefined;
  const when = schedule.description.charAt(0).toLowerCase() + schedule.description.slice(1);
  return `Next scheduled run: ${when}.`;
}

/** What the Sources list says once, above the cards, when no schedule syncs them; else undefined. */
export function scheduleNote(schedule: ScheduleBrief | null): string | undefined {
  if (!schedule) return 'Next scheduled run: unknown.';
  if (!schedule.owner)
    return 'No schedule yet: sources sync only when you press Sync now. Set one up in Schedule.';
  if (schedule.kind === 'off') return 'Schedule is off: sources sync only when you press Sync now.';
  return undefined;
}

/**
 * Whose key a connection uses, said truthfully (connection-store.ts): secrets live in the user
 * properties of whoever saved them, so only that person's executions — their Sync now, or the
 * schedule when it runs as them — can use it. Undefined when there is nothing to say: no
 * secret, or the key and the schedule both belong to the current user.
 */
export function ownershipNote(
  connection: Pick<ConnectionSummary, 'createdBy' | 'label'>,
  fields: readonly ConfigField[],
  schedule: Pick<ScheduleBrief, 'owner'> | null,
  me: string,
): string | undefined {
  if (!fields.some((f) => f.kind === 'secret' && f.required)) return undefined;
  const owner = connection.createdBy;
  const scheduleOwner = schedule?.owner ?? null;
  const parts: string[] = [];
  if (owner !== me) {
    parts.push(
      `${owner} set up ${connection.label}. Its key is saved in their Google account: you cannot see it, and Sync now from your account cannot use it.`,
    );
  }
  if (scheduleOwner && scheduleOwner !== owner) {
    parts.push(
      `The schedule runs as ${scheduleOwner === me ? 'you' : scheduleOwner}, who has no key for it, so scheduled syncs skip it until ${scheduleOwner === me ? 'you paste' : 'they paste'} a key (Edit) or ${owner === me ? 'you take' : `${owner} takes`} over the schedule.`,
    );
  } else if (owner !== me && scheduleOwner === owner) {
    parts.push('Scheduled syncs run as them, so they keep it up to date.');
  }
  if (owner !== me) parts.push('To sync it with a key of your own, choose Edit and paste it.');
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * On the card of a second account of a source (a second Stripe, say): its rows join the first
 * account's in the same tables, so the same metrics count both (src/model/source-tables.ts).
 * Undefined for the first account and for a source connected once.
 */
export function sharedMetricsNote(
  connection: Pick<ConnectionSummary, 'id' | 'connector' | 'label'>,
  all: ReadonlyArray<Pick<ConnectionSummary, 'id' | 'connector'>>,
): string | undefined {
  const accounts = leadingFirst(all.filter((c) => c.connector === connection.connector));
  if (accounts.length < 2 || accounts[0].id === connection.id) return undefined;
  const counted = accounts.length === 2 ? 'both accounts' : `all ${accounts.length} accounts`;
  return `Adds to the same ${connection.label} metrics as ${accounts[0].id}: the Dashboard counts ${counted}.`;
}
