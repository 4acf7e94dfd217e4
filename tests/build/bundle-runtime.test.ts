import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST_DIR, loadBundle } from '../../playground/emulator/bundle';
import { Emulator } from '../../playground/emulator/emulator';

describe('dist/Code.js in a bare Apps Script-like vm context', () => {
  const emu = new Emulator({ realCpu: false });
  const bundle = loadBundle(emu);

  it('has none of the Node or browser globals Apps Script lacks', () => {
    const probe = [
      'require',
      'process',
      'setTimeout',
      'setInterval',
      'fetch',
      'structuredClone',
      'TextEncoder',
      'TextDecoder',
      'module',
      'Buffer',
    ];
    const seen = probe.map(
      (name) => `${name}: ${vm.runInContext(`typeof ${name}`, bundle as unknown as vm.Context)}`,
    );
    expect(seen).toEqual(probe.map((name) => `${name}: undefined`));
  });

  it('exposes exactly the entry points of src/main.ts as top-level functions, and nothing else', () => {
    const code = readFileSync(join(DIST_DIR, 'Code.js'), 'utf8');
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    const globalsAdded = Object.keys(bundle)
      .filter((k) => !(k in emu.globals))
      .sort();
    expect(globalsAdded).toEqual(declared);
    expect(declared).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'openSidebar', 'menuSyncNow', 'menuRefreshDashboard']),
    );
    expect(code).not.toMatch(/^var /m);
  });
});

describe('time inside the bundle', () => {
  it('follows the simulated clock, so schedules can run across simulated days', () => {
    const start = Date.UTC(2026, 0, 5, 9, 0, 0);
    const emu = new Emulator({ realCpu: false, now: start });
    const bundle = loadBundle(emu);
    const read = () =>
      vm.runInContext(
        '[Date.now(), new Date().getTime(), new Date(0).getTime(), new Date() instanceof Date]',
        bundle as unknown as vm.Context,
      );
    expect(read()).toEqual([start, start, 0, true]);
    emu.clock.advance(3 * 86_400_000);
    expect(read()[0]).toBe(start + 3 * 86_400_000);
  });
});
