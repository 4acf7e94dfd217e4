import type { Gas } from '../platform/gas';

/**
 * One sync per connection at a time. LockService has no per-name locks, so the document lock
 * guards a short read-and-write of a lease in document properties, and the lease (not the
 * lock) is held for the chunk: other connections, and other Tapdash work needing the document
 * lock, are not blocked for minutes. A lease outlives a killed execution only until it
 * expires (just past Apps Script's 6-minute limit).
 */
export interface Lease {
  owner: string;
  by: string;
  since: number;
  until: number;
}

const PREFIX = 'tapdash.lease.';
/** The longest an execution can live, plus a margin. */
export const LEASE_MS = 6 * 60_000 + 30_000;
const LOCK_WAIT_MS = 10_000;

export type LeaseResult = { ok: true; lease: Lease } | { ok: false; holder?: Lease };

export function acquireLease(
  gas: Gas,
  connection: string,
  owner: string,
  by: string,
  now: number,
): LeaseResult {
  return withDocumentLock(gas, () => {
    const props = gas.PropertiesService.getDocumentProperties();
    const raw = props.getProperty(PREFIX + connection);
    const held = raw ? (JSON.parse(raw) as Lease) : undefined;
    if (held && held.until > now && held.owner !== owner) return { ok: false, holder: held };
    const lease: Lease = { owner, by, since: now, until: now + LEASE_MS };
    props.setProperty(PREFIX + connection, JSON.stringify(lease));
    return { ok: true, lease };
  });
}

export function releaseLease(gas: Gas, connection: string, owner: string): void {
  withDocumentLock(gas, () => {
    const props = gas.PropertiesService.getDocumentProperties();
    const raw = props.getProperty(PREFIX + connection);
    if (raw && (JSON.parse(raw) as Lease).owner === owner) props.deleteProperty(PREFIX + connection);
    return { ok: true } as const;
  });
}

/** The lease of a connection if one is live now (the connection is syncing). */
export function activeLease(gas: Gas, connection: string, now: number): Lease | undefined {
  const raw = gas.PropertiesService.getDocumentProperties().getProperty(PREFIX + connection);
  const lease = raw ? (JSON.parse(raw) as Lease) : undefined;
  return lease && lease.until > now ? lease : undefined;
}

function withDocumentLock<T extends { ok: boolean }>(gas: Gas, fn: () => T): T | { ok: false } {
  const result = underDocumentLock(gas, fn);
  return result === NOT_LOCKED ? { ok: false } : result;
}

const NOT_LOCKED = Symbol('not locked');

/**
 * Runs `fn` holding the document lock for a short critical section (a few service calls), or
 * returns NOT_LOCKED when another execution kept it for 10 seconds.
 */
export function underDocumentLock<T>(gas: Gas, fn: () => T): T | typeof NOT_LOCKED {
  // getDocumentLock is null outside a container-bound script; the script lock then serves.
  const lock = gas.LockService.getDocumentLock() ?? gas.LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return NOT_LOCKED;
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

export function isNotLocked(value: unknown): value is typeof NOT_LOCKED {
  return value === NOT_LOCKED;
}
