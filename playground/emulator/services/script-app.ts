/**
 * ScriptApp (https://developers.google.com/apps-script/reference/script/script-app): trigger
 * builders and management, OAuth token, authorization info and state tokens.
 */
import { createHash } from 'node:crypto';
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { intIn } from './arguments';
import {
  AuthModeEnum,
  AuthorizationStatusEnum,
  EventTypeEnum,
  enumName,
  InstallationSourceEnum,
  TriggerSourceEnum,
  WeekdayEnum,
} from './enums';
import { newTriggerBuilder, triggerObject } from './trigger-builders';

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A deterministic per-user token with the shape of a Google access token. */
export function fakeOAuthToken(user: string): string {
  return `ya29.emulated.${sha(`oauth:${user}`).slice(0, 40)}`;
}

export const SCRIPT_ID = `1emulated${sha('tapdash-script').slice(0, 48)}`;

export function createScriptApp(emu: Emulator): GoogleAppsScript.Script.ScriptApp {
  const use = (method: string, cost = emu.costs.scriptAppMs) =>
    emu.call('ScriptApp', method, 'triggers', cost);

  const app = {
    AuthMode: AuthModeEnum,
    AuthorizationStatus: AuthorizationStatusEnum,
    EventType: EventTypeEnum,
    InstallationSource: InstallationSourceEnum,
    TriggerSource: TriggerSourceEnum,
    WeekDay: WeekdayEnum,

    newTrigger(functionName: string) {
      use('newTrigger', 0);
      return newTriggerBuilder(emu, String(functionName));
    },
    getProjectTriggers() {
      use('getProjectTriggers');
      return emu.services.triggers.ownedBy(emu.activeUser()).map(triggerObject);
    },
    /** The emulator holds one spreadsheet, so every trigger of this user belongs to it. */
    getUserTriggers(_spreadsheet: unknown) {
      use('getUserTriggers');
      return emu.services.triggers.ownedBy(emu.activeUser()).map(triggerObject);
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      use('deleteTrigger');
      const record = emu.services.triggers.find(String(trigger?.getUniqueId?.()));
      // Other users' triggers are invisible to this user; deleting an unknown one does nothing.
      if (record && record.owner === emu.activeUser()) emu.services.triggers.remove(record.uid);
    },

    /**
     * Needs the user's full authorization: "user data" is FULL-only in the AuthMode table
     * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
     */
    getOAuthToken() {
      emu.call('ScriptApp', 'getOAuthToken', 'user-data', emu.costs.localMs);
      return fakeOAuthToken(emu.activeUser());
    },
    getIdentityToken() {
      emu.call('ScriptApp', 'getIdentityToken', 'user-data', emu.costs.localMs);
      return '';
    },
    getAuthorizationInfo(authMode: unknown) {
      emu.call('ScriptApp', 'getAuthorizationInfo', 'local', emu.costs.localMs);
      const required =
        enumName(authMode) === 'FULL' && emu.services.authorizationRequired.has(emu.activeUser());
      return {
        getAuthorizationStatus: () =>
          required ? AuthorizationStatusEnum.REQUIRED : AuthorizationStatusEnum.NOT_REQUIRED,
        // "returns null if no authorization is required" (AuthorizationInfo reference).
        getAuthorizationUrl: () =>
          required ? `https://script.google.com/macros/d/${SCRIPT_ID}/authorize?authuser=0` : null,
        getAuthorizedScopes: () => null,
      };
    },
    requireAllScopes(authMode: unknown) {
      app.requireScopes(authMode, []);
    },
    requireScopes(authMode: unknown, _scopes: string[]) {
      emu.call('ScriptApp', 'requireScopes', 'local', emu.costs.localMs);
      if (enumName(authMode) === 'FULL' && emu.services.authorizationRequired.has(emu.activeUser()))
        throw platformError('Authorization is required to perform that action.');
    },
    invalidateAuth() {
      emu.call('ScriptApp', 'invalidateAuth', 'local', emu.costs.localMs);
      emu.services.authorizationRequired.add(emu.activeUser());
    },
    getScriptId() {
      emu.call('ScriptApp', 'getScriptId', 'local', emu.costs.localMs);
      return SCRIPT_ID;
    },
    getInstallationSource() {
      emu.call('ScriptApp', 'getInstallationSource', 'local', emu.costs.localMs);
      return emu.options.addOn ? InstallationSourceEnum.WEB_STORE_ADD_ON : InstallationSourceEnum.NONE;
    },
    /** State tokens carry a callback name and arguments through an OAuth redirect. */
    newStateToken() {
      const token: { method?: string; args: Record<string, string>; timeout: number } = {
        args: {},
        timeout: 60,
      };
      const b = {
        withMethod(method: string) {
          token.method = String(method);
          return b;
        },
        withArgument(name: string, value: string) {
          token.args[String(name)] = String(value);
          return b;
        },
        withTimeout(seconds: number) {
          token.timeout = intIn(seconds, 1, 3600, 'seconds');
          return b;
        },
        createToken: () => {
          emu.call('ScriptApp', 'newStateToken', 'local', emu.costs.localMs);
          const body = {
            ...token,
            user: emu.activeUser(),
            expiresAt: emu.clock.now() + token.timeout * 1000,
          };
          return `ADD.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
        },
      };
      return b;
    },
  };
  return app as unknown as GoogleAppsScript.Script.ScriptApp;
}

/** Reads a state token created by newStateToken (the playground's OAuth callback uses it). */
export function readStateToken(
  token: string,
): { method?: string; args: Record<string, string>; user: string; expiresAt: number } | undefined {
  if (!token.startsWith('ADD.')) return undefined;
  try {
    return JSON.parse(Buffer.from(token.slice(4), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
