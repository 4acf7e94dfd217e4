/**
 * The manifest's urlFetchWhitelist rules (https://developers.google.com/apps-script/manifest/allowlist-url):
 * every entry is https, names a full domain (one leading `*.` wildcard allowed) and has a
 * non-empty path; a URL is allowed when it starts with an entry (case-sensitive path match).
 */
const ENTRY = /^https:\/\/(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?\/.*$/i;

export function allowlistEntryProblem(entry: string): string | undefined {
  if (!entry.startsWith('https://')) return `"${entry}" must start with https://`;
  if (!ENTRY.test(entry))
    return `"${entry}" must name a full domain and end with a path, such as https://api.example.com/`;
  return undefined;
}

export function isUrlAllowed(url: string, allowlist: readonly string[]): boolean {
  return allowlist.some((entry) => matchesEntry(url, entry));
}

function matchesEntry(url: string, entry: string): boolean {
  if (!entry.startsWith('https://*.')) return url.startsWith(entry);
  const rest = entry.slice('https://*.'.length);
  const m = /^https:\/\/([^/]+)(\/.*)?$/.exec(url);
  if (!m) return false;
  const host = m[1].toLowerCase();
  const slash = rest.indexOf('/');
  const suffixHost = rest.slice(0, slash).toLowerCase();
  const path = rest.slice(slash);
  return host.endsWith(`.${suffixHost}`) && (m[2] ?? '/').startsWith(path);
}

/** Turns a base URL into the allowlist entry that covers it: `https://gitlab.acme.io/api/v4` → `https://gitlab.acme.io/`. */
export function entryForBaseUrl(baseUrl: string): string | undefined {
  const m = /^https:\/\/([^/?#]+)/i.exec(baseUrl.trim());
  return m ? `https://${m[1].toLowerCase()}/` : undefined;
}
