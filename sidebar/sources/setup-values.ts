import { BASE_URL_KEY, normalizeValue, validateConfig } from '../../src/connect/config-validation';
import type { ConnectionInput } from '../../src/connect/connection-store';
import type { ConfigField } from '../../src/connect/connector-spec';

/** The setup form's values as typed, one string per field key (plus `baseUrl` from Advanced). */
export type FormValues = Record<string, string>;

/** Whether the connector asks for its API address itself (then there is no Advanced section). */
export function declaresBaseUrl(fields: readonly ConfigField[]): boolean {
  return fields.some((f) => f.key === BASE_URL_KEY);
}

/**
 * Where the form starts: the saved settings when editing, else each field's default. Secrets
 * always start empty — the browser never receives a saved one.
 */
export function initialValues(
  fields: readonly ConfigField[],
  saved?: Readonly<Record<string, string>>,
): FormValues {
  const values: FormValues = {};
  for (const f of fields) values[f.key] = f.kind === 'secret' ? '' : (saved?.[f.key] ?? f.default ?? '');
  if (!declaresBaseUrl(fields)) values[BASE_URL_KEY] = saved?.[BASE_URL_KEY] ?? '';
  return values;
}

/**
 * Each field's problem, with the server's own rules (config-validation.ts), so what the form
 * accepts is what saveConnection accepts. When editing, an empty secret keeps the saved one.
 */
export function fieldProblems(
  fields: readonly ConfigField[],
  values: FormValues,
  editing: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of validateConfig({ fields: [...fields] }, values, { secretsOptional: editing }))
    out[p.key] ??= p.message;
  return out;
}

/**
 * The values once the user leaves a field that the server cleans (a pasted
 * https://mystore.myshopify.com/ becomes mystore.myshopify.com): the form shows what will be saved.
 */
export function normalizedOnLeave(
  fields: readonly ConfigField[],
  values: FormValues,
  key: string,
): FormValues {
  const field = fields.find((f) => f.key === key);
  if (!field?.normalize) return values;
  const clean = normalizeValue(field, values[key] ?? '');
  return clean === values[key] ? values : { ...values, [key]: clean };
}

/**
 * Which problems to show now: a wrong value as soon as it is typed, but "required" only once
 * the user has left the field or tried to save, so an empty form does not start out red.
 */
export function shownProblems(
  problems: Readonly<Record<string, string>>,
  values: FormValues,
  touched: ReadonlySet<string>,
  submitted: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(problems)) {
    if (submitted || touched.has(key) || (values[key] ?? '').trim() !== '') out[key] = message;
  }
  return out;
}

/** What testConnection and saveConnection receive. Empty secrets are sent empty: the server keeps the saved ones. */
export function connectionInput(connector: string, values: FormValues, id?: string): ConnectionInput {
  const input: ConnectionInput = { connector, config: { ...values } };
  if (id) input.id = id;
  return input;
}
