import type { ConfigField, ConnectorSpec, FieldNormalizer } from './connector-spec';

export interface FieldProblem {
  key: string;
  message: string;
}

/** Every connection may point its connector at another API root (self-hosted GitLab, tests). */
export const BASE_URL_KEY = 'baseUrl';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_URL = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i;

/** A loopback address: only the emulator (tests, playground, CLI) can reach one. */
export function isLocalUrl(url: string): boolean {
  return LOCAL_URL.test(url.trim());
}

/**
 * What a field's value means once the way people type it is set aside: surrounding spaces
 * always, and for a `domain` field the https:// and anything after the host that a copy from
 * the address bar brings along. Saving, testing and the sidebar's form all check this value,
 * so the CLI's tapdash.json is forgiven the same way.
 */
export function normalizeValue(field: Pick<ConfigField, 'normalize'>, value: string): string {
  const text = value.trim();
  return field.normalize ? NORMALIZERS[field.normalize](text) : text;
}

const NORMALIZERS: Record<FieldNormalizer, (text: string) => string> = {
  domain: (text) =>
    text
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/[/?#].*$/s, '')
      .toLowerCase(),
};

/**
 * Checks a connection's settings against the connector's declared fields, in plain words
 * a founder understands. `secretsOptional`: when editing, an empty secret keeps the saved one.
 */
export function validateConfig(
  // Only the fields: the sidebar runs this same check as the user types.
  connector: Pick<ConnectorSpec, 'fields'>,
  config: Readonly<Record<string, string>>,
  options: { secretsOptional?: boolean } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of connector.fields) {
    const value = normalizeValue(field, config[field.key] ?? '');
    if (value === '') {
      const optional = !field.required || (field.kind === 'secret' && options.secretsOptional);
      if (!optional) problems.push({ key: field.key, message: `"${field.label}" is required.` });
      continue;
    }
    const problem = fieldProblem(field, value);
    if (problem) problems.push({ key: field.key, message: problem });
  }
  const base = config[BASE_URL_KEY]?.trim();
  if (base && !connector.fields.some((f) => f.key === BASE_URL_KEY)) {
    const problem = urlProblem('Base URL', base);
    if (problem) problems.push({ key: BASE_URL_KEY, message: problem });
  }
  return problems;
}

function fieldProblem(field: ConfigField, value: string): string | undefined {
  if (field.pattern && !new RegExp(field.pattern).test(value))
    return field.patternMessage ?? `"${field.label}" does not look right.`;
  switch (field.kind) {
    case 'url':
      return urlProblem(field.label, value);
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : `"${field.label}" must be a number.`;
    case 'date':
      return DATE.test(value) ? undefined : `"${field.label}" must be a date like 2024-01-31.`;
    case 'select':
      return field.options && !field.options.some((o) => o.value === value)
        ? `"${field.label}" must be one of: ${field.options.map((o) => o.label).join(', ')}.`
        : undefined;
    default:
      return undefined;
  }
}

function urlProblem(label: string, value: string): string | undefined {
  if (isLocalUrl(value)) return undefined;
  if (!/^https:\/\/[^/\s]+/i.test(value)) return `"${label}" must be a web address starting with https://.`;
  return undefined;
}

/** Keeps only the keys the connector declares (plus baseUrl), normalized: nothing else is stored. */
export function cleanConfig(
  connector: ConnectorSpec,
  config: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const fields = new Map<string, Pick<ConfigField, 'normalize'>>(connector.fields.map((f) => [f.key, f]));
  if (!fields.has(BASE_URL_KEY)) fields.set(BASE_URL_KEY, {});
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    const field = fields.get(k);
    if (!field || v === undefined || v === null) continue;
    const text = normalizeValue(field, String(v));
    if (text !== '') out[k] = text;
  }
  return out;
}

/** Fills settings the user left empty with the connector's declared defaults (never secrets). */
export function withDefaults(
  connector: ConnectorSpec,
  config: Readonly<Record<string, string>>,
): Record<string, string> {
  const out = { ...config };
  for (const f of connector.fields) {
    if (f.default !== undefined && f.kind !== 'secret' && (out[f.key] === undefined || out[f.key] === ''))
      out[f.key] = f.default;
  }
  return out;
}

export function secretKeys(connector: ConnectorSpec): string[] {
  return connector.fields.filter((f) => f.kind === 'secret').map((f) => f.key);
}
