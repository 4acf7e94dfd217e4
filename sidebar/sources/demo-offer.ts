import type { ConnectionSummary } from '../../src/sync/status';

/** Where the sidebar remembers that this user said "keep the demo" (per browser, like a closed tip). */
export const DEMO_OFFER_DISMISSED_KEY = 'tapdash.demoOfferDismissed';

/**
 * The Demo connection to offer removing once the founder's own data is in: a Demo source beside
 * at least one real one. Undefined when there is nothing to offer.
 */
export function demoToOfferRemoving(
  connections: readonly ConnectionSummary[],
): ConnectionSummary | undefined {
  const demo = connections.find((c) => c.connector === 'demo');
  return demo && connections.some((c) => c.connector !== 'demo') ? demo : undefined;
}

/** Storage may be off in the add-on's iframe (third-party cookies blocked): then the offer lasts the visit. */
export function readDismissed(storage: () => Storage | undefined): boolean {
  try {
    return storage()?.getItem(DEMO_OFFER_DISMISSED_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function writeDismissed(storage: () => Storage | undefined): void {
  try {
    storage()?.setItem(DEMO_OFFER_DISMISSED_KEY, 'yes');
  } catch {
    // Not remembered beyond this visit; the offer is dismissed for now all the same.
  }
}
