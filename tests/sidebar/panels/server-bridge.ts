/**
 * google.script.run for panel tests in jsdom, answered by the real server functions
 * (src/entry/api.ts) on an emulated spreadsheet, with Apps Script's rules for what may cross
 * (playground/emulator/script-run.ts) and errors turned into values as main.ts does.
 */
import { Emulator } from '../../../playground/emulator/emulator';
import { transferValue } from '../../../playground/emulator/script-run';
import { sidebarApi } from '../../../src/entry/api';
import type { Gas } from '../../../src/platform/gas';
import { runAsResult } from '../../../src/shared/result';

type Handler = (value: unknown) => void;

export function connectSidebarTo(emu: Emulator, user: string): void {
  const runner = (ok: Handler = () => undefined, fail: Handler = () => undefined): Record<string, unknown> =>
    new Proxy(
      {},
      {
        get(_t, name: string) {
          if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, fail);
          if (name === 'withFailureHandler') return (fn: Handler) => runner(ok, fn);
          const fn = (sidebarApi as Record<string, unknown>)[name] as
            | ((gas: Gas, ...args: unknown[]) => unknown)
            | undefined;
          return (...args: unknown[]) => {
            // Asynchronous, as google.script.run is.
            setTimeout(() => {
              if (!fn) return fail(new Error(`Script function not found: ${name}`));
              const sent = transferValue(args);
              if (!sent.ok) return fail(new Error(`Invalid argument: ${sent.path}`));
              const result = emu.run(
                (gas) => runAsResult(() => fn(gas as Gas, ...(sent.value as unknown[]))),
                {
                  user,
                  kind: 'script-run',
                },
              );
              const back = transferValue(result);
              ok(back.ok ? back.value : null);
            }, 0);
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = { script: { run: runner() } };
}

export function emptySpreadsheet(user = 'owner@example.com'): Emulator {
  return new Emulator({ realCpu: false, user, timeZone: 'Europe/Paris' });
}
