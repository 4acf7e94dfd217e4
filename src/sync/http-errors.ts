import type { ConnectorSpec } from '../connect/connector-spec';
import { TapdashError } from '../shared/errors';
import { getPath } from './dot-path';
import { redact } from './redact';

export interface ErrorContext {
  connector: Pick<ConnectorSpec, 'label' | 'errorHints' | 'auth'> & { fields?: ConnectorSpec['fields'] };
  /** The tab the data was going to (`stripe_charges`). */
  where: string;
  secrets: readonly string[];
}

const DETAIL_PATHS = [
  'error.message',
  'message',
  'error_description',
  'error',
  // Shopify: {"errors": "[API] Invalid API key or access token …"}
  'errors',
  'errors.0.message',
  'errors.0.detail',
  'detail',
  'title',
];

/** The vendor's own explanation in an error body, shortened and with secrets removed. */
export function vendorDetail(body: unknown, secrets: readonly string[]): string | undefined {
  for (const path of DETAIL_PATHS) {
    const v = getPath(body, path);
    if (typeof v === 'string' && v.trim() !== '') {
      const text = v.trim().replace(/\s+/g, ' ');
      return redact(text.length > 200 ? `${text.slice(0, 199)}…` : text, secrets);
    }
  }
  return undefined;
}

/**
 * The error for an HTTP status that will not get better by retrying (or that did not after
 * several tries), in the vendor's terms, with the connector's hint as the fix.
 */
/** The label of the config field that holds the credential, to name it as the form does. */
function authFieldLabel(connector: ErrorContext['connector']): string {
  const auth = connector.auth;
  const key =
    auth.type === 'bearer' || auth.type === 'header' || auth.type === 'query' ? auth.field : undefined;
  return connector.fields?.find((f) => f.key === key)?.label ?? '';
}

export function httpError(status: number, body: unknown, ctx: ErrorContext, attempts = 1): TapdashError {
  const { label, errorHints } = ctx.connector;
  const detail = vendorDetail(body, ctx.secrets);
  const said = detail ? ` It said: "${detail}"` : '';
  const credentials =
    ctx.connector.auth.type === 'basic'
      ? 'the username or password'
      : ctx.connector.auth.type === 'google'
        ? 'your Google sign-in'
        : /token/i.test(authFieldLabel(ctx.connector))
          ? 'the access token'
          : 'the API key';
  const [code, message, fix] = ((): [string, string, string] => {
    if (status === 401)
      return [
        'auth-rejected',
        `${label} rejected ${credentials} (401).${said}`,
        `Open Sources in the Tapdash sidebar, edit ${label} and paste a valid key.`,
      ];
    if (status === 403)
      return [
        'forbidden',
        `${label} refused access to ${ctx.where} (403).${said}`,
        `Give the key read access to this data in ${label}, or paste a key that has it.`,
      ];
    if (status === 404)
      return [
        'not-found',
        `${label} could not find what ${ctx.where} reads (404).${said}`,
        'Check the connection settings (account, project, base URL) under Sources in the Tapdash sidebar.',
      ];
    if (status === 400 || status === 422)
      return [
        'bad-request',
        `${label} rejected the request for ${ctx.where} (${status}).${said}`,
        'Check the connection settings under Sources in the Tapdash sidebar. If they look right, report this message.',
      ];
    if (status === 429)
      return [
        'rate-limited',
        `${label} kept asking Tapdash to slow down (429), even after ${attempts} tries.`,
        'Nothing is lost: the next sync continues where this one stopped.',
      ];
    if (status >= 500)
      return [
        'vendor-error',
        `${label} had a problem on its side (${status}) while sending ${ctx.where}, even after ${attempts} tries.${said}`,
        `Nothing is lost: the next sync tries again. If it keeps happening, check ${label}'s status page.`,
      ];
    return [
      'http-error',
      `${label} answered with status ${status} for ${ctx.where}.${said}`,
      'Check the connection settings under Sources in the Tapdash sidebar. If they look right, report this message.',
    ];
  })();
  const hint =
    errorHints?.[String(status) as keyof typeof errorHints] ??
    (status >= 400 ? errorHints?.default : undefined);
  return new TapdashError({
    code,
    message: redact(message, ctx.secrets),
    fix: redact(hint ? hint.replace(/\{status\}/g, String(status)) : fix, ctx.secrets),
    where: ctx.where,
  });
}

export function malformedBodyError(
  text: string,
  contentType: string | undefined,
  ctx: ErrorContext,
): TapdashError {
  const start = redact(text.slice(0, 80).replace(/\s+/g, ' ').trim(), ctx.secrets);
  const kind = contentType ? ` (${contentType.split(';')[0]})` : '';
  return new TapdashError({
    code: 'bad-response',
    message: `${ctx.connector.label} sent a reply Tapdash could not read for ${ctx.where}: it is not JSON${kind}. It starts with "${start}".`,
    fix: 'Check the base URL under Sources in the Tapdash sidebar: it must point at the API, not at a web page. If it does, try again later.',
    where: ctx.where,
  });
}

export function networkError(message: string, attempts: number, ctx: ErrorContext): TapdashError {
  return new TapdashError({
    code: 'network',
    message: `Tapdash could not reach ${ctx.connector.label} for ${ctx.where} after ${attempts} tries (${redact(message, ctx.secrets)}).`,
    fix: 'Nothing is lost: the next sync tries again. Check the base URL under Sources in the Tapdash sidebar if it keeps happening.',
    where: ctx.where,
  });
}

export function notCsvError(text: string, contentType: string | undefined, ctx: ErrorContext): TapdashError {
  const start = redact(text.slice(0, 80).replace(/\s+/g, ' ').trim(), ctx.secrets);
  const kind = contentType ? ` (${contentType.split(';')[0]})` : '';
  return new TapdashError({
    code: 'bad-response',
    message: `${ctx.connector.label} got something that is not a CSV file for ${ctx.where}${kind}. It starts with "${start}".`,
    fix: 'Check the address under Sources in the Tapdash sidebar: it must download the CSV file itself, not open a page that shows it.',
    where: ctx.where,
  });
}
