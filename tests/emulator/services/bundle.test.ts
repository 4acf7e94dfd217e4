import { loadBundle } from '../../../playground/emulator/bundle';
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
