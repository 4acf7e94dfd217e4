/**
 * Apps Script enums are objects, not strings: `ScriptApp.AuthMode.FULL.toString()` is "FULL" and
 * `e.authMode === ScriptApp.AuthMode.FULL` compares identities. Modelling them as objects keeps
 * a script that compares against a bare string (`e.authMode === 'FULL'`, false on the platform)
 * failing here too.
 */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<const K extends string>(names: readonly K[]): EnumOf<K> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({
      name: () => n,
      ordinal: () => i,
      toString: () => n,
      toJSON: () => n,
    });
  });
  return Object.freeze(out);
}

/** The name of an enum value, accepting the enum object or (leniently) its name as a string. */
export function enumName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as EnumValue).name === 'function')
    return (value as EnumValue).name();
  return undefined;
}

// https://developers.google.com/apps-script/reference/script/auth-mode (and sibling pages)
export const AuthModeEnum = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatusEnum = makeEnum(['REQUIRED', 'NOT_REQUIRED']);
export const EventTypeEnum = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSourceEnum = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const InstallationSourceEnum = makeEnum([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);
export const WeekdayEnum = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
export const CharsetEnum = makeEnum(['US_ASCII', 'UTF_8']);
export const DigestAlgorithmEnum = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithmEnum = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const ButtonEnum = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSetEnum = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const SandboxModeEnum = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsModeEnum = makeEnum(['ALLOWALL', 'DEFAULT']);
