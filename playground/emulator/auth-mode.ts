import type { AuthMode } from './execution';

/**
 * What an execution may touch in each AuthMode (platform notes §3, from
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
export type Capability =
  | 'local' // Logger, Utilities, builders: always allowed
  | 'menu' // Ui.createAddonMenu and friends
  | 'document' // read the spreadsheet
  | 'document-write'
  | 'properties'
  | 'cache'
  | 'lock'
  | 'ui' // sidebars, dialogs, alerts
  | 'network' // UrlFetchApp
  | 'triggers' // ScriptApp trigger management, getOAuthToken
  | 'mail'
  | 'user-data'; // Session.getActiveUser().getEmail()

const ALLOWED: Record<AuthMode, ReadonlySet<Capability>> = {
  NONE: new Set(['local', 'menu']),
  LIMITED: new Set(['local', 'menu', 'document', 'document-write', 'properties', 'cache', 'lock']),
  CUSTOM_FUNCTION: new Set(['local', 'document', 'properties', 'cache', 'lock', 'network']),
  FULL: new Set([
    'local',
    'menu',
    'document',
    'document-write',
    'properties',
    'cache',
    'lock',
    'ui',
    'network',
    'triggers',
    'mail',
    'user-data',
  ]),
};

/** The OAuth scope the platform names when a call is refused. */
const SCOPE: Record<Capability, string> = {
  local: '',
  menu: 'https://www.googleapis.com/auth/script.container.ui',
  document: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'document-write': 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  properties: 'https://www.googleapis.com/auth/script.storage',
  cache: 'https://www.googleapis.com/auth/script.storage',
  lock: 'https://www.googleapis.com/auth/script.storage',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  network: 'https://www.googleapis.com/auth/script.external_request',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  'user-data': 'https://www.googleapis.com/auth/userinfo.email',
};

export function isAllowed(mode: AuthMode, capability: Capability): boolean {
  return ALLOWED[mode].has(capability);
}

export function permissionError(call: string, capability: Capability): Error {
  const err = new Error(
    `You do not have permission to call ${call}. Required permissions: ${SCOPE[capability]}`,
  );
  err.name = 'Exception';
  return err;
}
