/**
 * Secrets never reach logs or snapshots: the request log masks credentials in headers and in
 * query strings before it stores anything.
 */
const SECRET_NAME = /(authorization|cookie|api[-_]?key|token|secret|password|signature|session|auth)/i;

function maskValue(name: string, value: string): string {
  if (/^(proxy-)?authorization$/i.test(name)) {
    const space = value.indexOf(' ');
    return space > 0 ? `${value.slice(0, space)} ***` : '***';
  }
  return '***';
}

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_NAME.test(k) ? maskValue(k, v) : v;
  return out;
}

export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const secretKeys = [...u.searchParams.keys()].filter((k) => SECRET_NAME.test(k));
    if (!secretKeys.length && !u.username && !u.password) return url;
    if (u.username || u.password) {
      u.username = u.username ? '***' : '';
      u.password = u.password ? '***' : '';
    }
    for (const key of secretKeys) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    return url;
  }
}
