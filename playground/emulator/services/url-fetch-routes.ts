/**
 * Host rewriting for UrlFetchApp, for offline demos (`npm start -- --mock-apis`): requests for a
 * vendor's real host (https://api.stripe.com/…) are sent to a local mock server instead, with
 * the same path and query. Off unless a caller turns it on for one emulator; never saved with
 * the workbook, so a later plain `npm start` talks to the real hosts again.
 *
 * Everything else about the request stays as on the platform: the allowlist is checked against
 * the real URL, errors and the request log name the real URL, and each log entry says where the
 * request actually went (`routedTo`), so a demo never hides that it is talking to a mock.
 */
import type { Emulator } from '../emulator';

/** Host name (lower case, no port) → origin to send it to, e.g. `http://127.0.0.1:4123`. */
export type HostRoutes = Record<string, string>;

const routesByEmulator = new WeakMap<Emulator, HostRoutes>();

/** Sends requests for these hosts to the given origins from now on (replacing earlier routes). */
export function routeHosts(emu: Emulator, routes: HostRoutes): void {
  const clean: HostRoutes = {};
  for (const [host, origin] of Object.entries(routes)) {
    const target = new URL(origin);
    if (target.pathname !== '/' || target.search)
      throw new Error(`A host route goes to an origin only (scheme, host, port), not ${origin}`);
    clean[host.toLowerCase()] = target.origin;
  }
  routesByEmulator.set(emu, clean);
}

/** Stops rewriting: requests go to the hosts they name. */
export function clearHostRoutes(emu: Emulator): void {
  routesByEmulator.delete(emu);
}

export function hostRoutes(emu: Emulator): HostRoutes {
  return { ...routesByEmulator.get(emu) };
}

/** The URL the request really goes to, or undefined when its host is not rewritten. */
export function routedUrl(emu: Emulator, url: URL): string | undefined {
  const origin = routesByEmulator.get(emu)?.[url.hostname.toLowerCase()];
  if (!origin) return undefined;
  return `${origin}${url.pathname}${url.search}`;
}
