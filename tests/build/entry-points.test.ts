import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR } from '../../playground/emulator/bundle';
import { sidebarApi } from '../../src/entry/api';

describe('the entry points Apps Script can call', () => {
  const code = readFileSync(join(DIST_DIR, 'Code.js'), 'utf8');
  const declared = new Set([...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]));

  it('include every function the sidebar calls', () => {
    const missing = Object.keys(sidebarApi).filter((name) => !declared.has(name));
    expect(missing).toEqual([]);
  });

  it('include the menu handlers and the schedule trigger handler', () => {
    for (const name of [
      'onOpen',
      'onInstall',
      'openSidebar',
      'menuSyncNow',
      'menuRefreshDashboard',
      'runScheduledRefresh',
    ]) {
      expect(declared.has(name)).toBe(true);
    }
  });

  it('never expose a private name (one ending in _), which google.script.run would refuse', () => {
    expect([...declared].filter((n) => n.endsWith('_'))).toEqual([]);
  });
});
