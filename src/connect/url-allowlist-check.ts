import { TapdashError } from '../shared/errors';
import { baseUrlFor } from '../sync/request';
import { isUrlAllowed } from './allowlist';
import { isLocalUrl } from './config-validation';
import type { ConnectorSpec } from './connector-spec';

declare const TAPDASH_EXTRA_ALLOWED_URLS: readonly string[] | undefined;

/**
 * The build-time setting `extraAllowedUrls` of tapdash.build.json (self-hosted GitLab, private
 * JSON APIs): scripts/build.ts writes it into the manifest's urlFetchWhitelist and, through an
 * esbuild define, into the bundle, so the add-on can refuse other hosts up front with a clear
 * message instead of the platform's.
 */
export function extraAllowedUrls(): readonly string[] {
  return typeof TAPDASH_EXTRA_ALLOWED_URLS === 'undefined' ? [] : TAPDASH_EXTRA_ALLOWED_URLS;
}

export function allowedUrlsFor(connector: ConnectorSpec): string[] {
  return [...connector.allowedUrls, ...extraAllowedUrls()];
}

/**
 * Refuses an API address the published add-on could not call (the manifest's allowlist),
 * naming the allowed hosts. Loopback addresses pass: only the emulator (local mode) can reach
 * them, and the platform itself blocks them in production.
 */
export function assertBaseUrlAllowed(
  connector: ConnectorSpec,
  config: Readonly<Record<string, string>>,
): void {
  // Synthetic sources (the Demo) make no requests at all.
  if (connector.generate) return;
  const base = baseUrlFor(connector, config);
  if (isLocalUrl(base)) return;
  const allowed = allowedUrlsFor(connector);
  const probe = /^https:\/\/[^/]+$/i.test(base) ? `${base}/` : base;
  if (isUrlAllowed(probe, allowed)) return;
  const hosts = [...new Set(allowed.map((u) => u.replace(/^https:\/\//, '').replace(/\/.*$/, '')))];
  throw new TapdashError({
    code: 'url-not-allowed',
    message: hosts.length
      ? `Tapdash can only call the addresses its build allows, and ${base} is not one of them. Allowed for ${connector.label}: ${hosts.join(', ')}.`
      : `This build of Tapdash allows no address for ${connector.label}, so it cannot call ${base}.`,
    fix: 'Use an allowed address, or ask whoever runs your Tapdash to add this one to extraAllowedUrls in tapdash.build.json and deploy again.',
    where: 'baseUrl',
  });
}
