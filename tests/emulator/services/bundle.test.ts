import { loadBundle } from '../../../playground/emulator/bundle';
import { fireOnOpen } from '../../../playground/emulator/scheduler';
import { callFromSidebar } from '../../../playground/emulator/script-run';
import { emulator, thrown } from './helpers';

describe('the services inside the built bundle’s vm context (dist/Code.js)', () => {
  const emu = emulator();
  const bundle = loadBundle(emu);

  it('gives the script the emulated services as its globals', () => {
    for (const name of [
      'UrlFetchApp',
      'PropertiesService',
      'CacheService',
      'LockService',
      'ScriptApp',
      'Utilities',
      'MailApp',
      'Session',
      'HtmlService',
      'Logger',
      'console',
    ])
      expect(bundle[name]).toBe((emu.globals as unknown as Record<string, unknown>)[name]);
  });

  it('lets google.script.run reach only the top-level entry points, not the bundle’s namespace', () => {
    expect(typeof bundle.getContext).toBe('function');
    expect(thrown(() => callFromSidebar(emu, bundle, 'TAPDASH_'))).toBe(
      'google.script.run.TAPDASH_ is not a function',
    );
    expect(thrown(() => callFromSidebar(emu, bundle, 'Utilities'))).toBe(
      'google.script.run.Utilities is not a function',
    );
  });
});

describe('the built add-on end to end on the emulated services', () => {
  it('builds the add-on menu from onOpen in AuthMode.NONE, then opens the sidebar from the menu item', () => {
    const emu = emulator();
    const bundle = loadBundle(emu);
    fireOnOpen(emu, bundle, { authMode: 'NONE' });
    const [menu] = emu.services.ui.menus;
    expect(menu.addOn).toBe(true);
    const open = menu.items.find((i) => i.kind === 'item' && i.caption === 'Open Tapdash');
    expect(open).toEqual({ kind: 'item', caption: 'Open Tapdash', functionName: 'openSidebar' });
    callFromSidebar(emu, bundle, 'openSidebar');
    expect(emu.services.ui.sidebar?.title).toBe('Tapdash');
    expect(emu.services.ui.sidebar?.html).toMatch(/<html/i);
  });

  it('answers the sidebar’s first call with the active user', () => {
    const emu = emulator({ user: 'founder@example.com' });
    const bundle = loadBundle(emu);
    expect(callFromSidebar(emu, bundle, 'getContext')).toMatchObject({
      ok: true,
      value: { user: 'founder@example.com' },
    });
  });
});
