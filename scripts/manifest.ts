import { allowlistEntryProblem } from '../src/connect/allowlist';
import type { ConnectorSpec } from '../src/connect/connector-spec';

export interface Manifest {
  timeZone: string;
  runtimeVersion: string;
  exceptionLogging: string;
  oauthScopes: string[];
  urlFetchWhitelist: string[];
  [key: string]: unknown;
}

/** Self-hosters' build-time setting: extra API prefixes (self-managed GitLab, their own JSON APIs). */
export interface BuildSettings {
  extraAllowedUrls?: string[];
}

/**
 * The manifest clasp pushes: the base manifest plus each connector's OAuth scopes and API
 * prefixes. A published add-on can reach only listed prefixes, so the list is derived from the
 * connectors' declarations rather than kept by hand.
 */
export function buildManifest(
  base: Manifest,
  connectors: readonly ConnectorSpec[],
  settings: BuildSettings = {},
): Manifest {
  const scopes = new Set(base.oauthScopes);
  const urls = new Set(base.urlFetchWhitelist);
  for (const c of connectors) {
    for (const s of c.oauthScopes ?? []) scopes.add(s);
    for (const u of c.allowedUrls) urls.add(u);
  }
  for (const u of settings.extraAllowedUrls ?? []) urls.add(u);
  const problems = [...urls].map(allowlistEntryProblem).filter((p): p is string => p !== undefined);
  if (problems.length) throw new Error(`urlFetchWhitelist is invalid:\n  ${problems.join('\n  ')}`);
  for (const s of scopes) {
    if (/\/auth\/(spreadsheets|drive)$/.test(s))
      throw new Error(`The broad scope ${s} is not allowed; use a narrower one.`);
  }
  return { ...base, oauthScopes: [...scopes].sort(), urlFetchWhitelist: [...urls].sort() };
}
