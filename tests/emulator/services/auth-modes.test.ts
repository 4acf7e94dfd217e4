import vm from 'node:vm';
import type { GasGlobals } from '../../../playground/emulator/emulator';
import type { AuthMode } from '../../../playground/emulator/execution';
import { createUi } from '../../../playground/emulator/services/ui';
import { emulator } from './helpers';

/**
 * The editor add-on AuthMode table
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): what each
 * service allows in NONE, LIMITED, CUSTOM_FUNCTION and FULL.
 */
const CALLS: Record<string, (gas: GasGlobals, emu: ReturnType<typeof emulator>) => unknown> = {
  'Ui.createAddonMenu': (_gas, emu) => createUi(emu).createAddonMenu(),
  'Utilities.base64Encode': (gas) => gas.Utilities.base64Encode('x'),
  'Logger.log': (gas) => gas.Logger.log('x'),
  'Session.getActiveUserLocale': (gas) => gas.Session.getActiveUserLocale(),
  'PropertiesService.getDocumentProperties': (gas) => gas.PropertiesService.getDocumentProperties(),
  'CacheService.getUserCache': (gas) => gas.CacheService.getUserCache(),
  'LockService.getDocumentLock': (gas) => gas.LockService.getDocumentLock(),
  'UrlFetchApp.getRequest': (gas) => gas.UrlFetchApp.getRequest('https://api.example.com/'),
  'ScriptApp.getProjectTriggers': (gas) => gas.ScriptApp.getProjectTriggers(),
  'ScriptApp.getOAuthToken': (gas) => gas.ScriptApp.getOAuthToken(),
  'MailApp.getRemainingDailyQuota': (gas) => gas.MailApp.getRemainingDailyQuota(),
  'Ui.alert': (_gas, emu) => createUi(emu).alert('x'),
};

const ALLOWED: Record<AuthMode, string[]> = {
  NONE: ['Ui.createAddonMenu', 'Utilities.base64Encode', 'Logger.log', 'Session.getActiveUserLocale'],
  LIMITED: [
    'Ui.createAddonMenu',
    'Utilities.base64Encode',
    'Logger.log',
    'Session.getActiveUserLocale',
    'PropertiesService.getDocumentProperties',
    'CacheService.getUserCache',
    'LockService.getDocumentLock',
  ],
  CUSTOM_FUNCTION: [
    'Utilities.base64Encode',
    'Logger.log',
    'Session.getActiveUserLocale',
    'PropertiesService.getDocumentProperties',
    'CacheService.getUserCache',
    'LockService.getDocumentLock',
    'UrlFetchApp.getRequest',
  ],
  FULL: Object.keys(CALLS),
};

describe('AuthMode table across the services', () => {
  it.each(Object.keys(ALLOWED) as AuthMode[])('allows exactly the expected calls in %s', (mode) => {
    const emu = emulator();
    const allowed = Object.entries(CALLS)
      .filter(([, call]) => {
        try {
          emu.run((gas) => call(gas, emu), { authMode: mode });
          return true;
        } catch (e) {
          expect((e as Error).message).toMatch(/^You do not have permission to call /);
          return false;
        }
      })
      .map(([name]) => name);
    expect(allowed).toEqual(ALLOWED[mode]);
  });
});

describe('services called from the script’s own vm realm (as the bundle calls them)', () => {
  it('accept the script realm’s Dates, arrays and objects', () => {
    const emu = emulator();
    const context = vm.createContext({ ...emu.globals });
    const got = emu.run(() =>
      vm.runInContext(
        `[
          Utilities.formatDate(new Date(Date.UTC(2024, 0, 2, 3, 4)), 'Etc/UTC', 'yyyy-MM-dd HH:mm'),
          Utilities.base64Encode([1, 2, 3]),
          UrlFetchApp.getRequest('https://api.example.com/', { method: 'post', payload: { a: 1 } }).payload,
          ScriptApp.newTrigger('f').timeBased().at(new Date(Date.UTC(2030, 0, 1))).create().getHandlerFunction(),
        ]`,
        context,
      ),
    );
    expect([...got]).toEqual(['2024-01-02 03:04', 'AQID', 'a=1', 'f']);
  });
});
