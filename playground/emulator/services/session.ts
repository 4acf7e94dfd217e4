/**
 * Session (https://developers.google.com/apps-script/reference/base/session). Who the user is
 * counts as user data, which only AuthMode.FULL may read; in other modes the email is blank and
 * only the locale is available (editor add-on authorization lifecycle table,
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
import { createHash } from 'node:crypto';
import type { Emulator } from '../emulator';

function user(email: () => string) {
  return {
    getEmail: () => email(),
    getUserLoginId: () => email(),
    toString: () => 'User',
  };
}

export function createSession(emu: Emulator): GoogleAppsScript.Base.Session {
  const use = (method: string) => emu.call('Session', method, 'local', emu.costs.localMs);
  const visibleEmail = () => {
    const exec = emu.current();
    if (!exec) return emu.options.user;
    return exec.authMode === 'FULL' ? exec.user : '';
  };
  return {
    getActiveUser() {
      use('getActiveUser');
      return user(visibleEmail);
    },
    /** The script runs as the execution's user (a trigger's owner, the person clicking). */
    getEffectiveUser() {
      use('getEffectiveUser');
      return user(visibleEmail);
    },
    getActiveUserLocale() {
      use('getActiveUserLocale');
      return emu.options.locale;
    },
    getScriptTimeZone() {
      use('getScriptTimeZone');
      return emu.options.scriptTimeZone;
    },
    getTimeZone() {
      use('getTimeZone');
      return emu.options.scriptTimeZone;
    },
    /** "a key unique to the active user … that can be used to identify the user" for this script. */
    getTemporaryActiveUserKey() {
      use('getTemporaryActiveUserKey');
      return createHash('sha256').update(`user-key:${emu.activeUser()}`).digest('base64url').slice(0, 43);
    },
  } as unknown as GoogleAppsScript.Base.Session;
}
