/**
 * URL helpers. Apps Script has no `URL` or `URLSearchParams`, so these stay small and explicit.
 */

export type QueryParams = Readonly<Record<string, string | number | boolean>>;

export function encodeQuery(params: QueryParams): string {
  return Object.keys(params)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(params[k]))}`)
    .join('&');
}

/** Adds parameters to a URL that may already carry a query string. */
export function withQuery(url: string, params: QueryParams): string {
  const query = encodeQuery(params);
  if (query === '') return url;
  const hash = url.indexOf('#');
  const base = hash >= 0 ? url.slice(0, hash) : url;
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return base + sep + query;
}

/** The query parameters of a URL, decoded (later duplicates win). */
export function queryOf(url: string): Record<string, string> {
  const q = url.indexOf('?');
  if (q < 0) return {};
  const out: Record<string, string> = {};
  for (const pair of url
    .slice(q + 1)
    .split('#')[0]
    .split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    out[decode(key)] = decode(value);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `https://api.x.com:8443` for `https://api.x.com:8443/v1/a?b`; undefined when not absolute. */
export function originOf(url: string): string | undefined {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** Resolves a next-page link against the URL it came from (absolute, or root-relative). */
export function resolveUrl(link: string, from: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  const origin = originOf(from) ?? '';
  if (link.startsWith('/')) return origin + link;
  const path = from.split(/[?#]/)[0];
  return path.slice(0, path.lastIndexOf('/') + 1) + link;
}

/** Joins a base URL and a path without doubling or dropping the slash between them. */
export function joinUrl(base: string, path: string): string {
  if (path === '') return base;
  const q = base.indexOf('?');
  const [head, query] = q >= 0 ? [base.slice(0, q), base.slice(q)] : [base, ''];
  return `${head.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${query}`;
}

/** The `rel="next"` target of an RFC 8288 Link header (GitHub, Shopify). */
export function nextLink(linkHeader: string | undefined): string | undefined {
  if (!linkHeader) return undefined;
  const re = /<([^>]*)>((?:\s*;\s*[^;,]+(?:=(?:"[^"]*"|[^;,]*))?)*)/g;
  for (let m = re.exec(linkHeader); m; m = re.exec(linkHeader)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2]);
    const values = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (values.includes('next')) return m[1];
  }
  return undefined;
}
