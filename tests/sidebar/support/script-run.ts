/**
 * google.script.run for jsdom panel tests, answered by the built add-on (dist/Code.js) on an
 * emulated spreadsheet — the same path the playground takes, without the HTTP hop. Arguments
 * and results cross as JSON, as the real transport carries plain data only.
 */
import { invoke, type LoadedBundle, loadBundle } from '../../../playground/emulator/bundle';
import { Emulator } from '../../../playground/emulator/emulator';

export interface ScriptServer {
  emu: Emulator;
  bundle: LoadedBundle;
  /** The user whose sidebar is open (each call runs as them). */
  user: string;
  /** Every call the sidebar made, by function name. */
  calls: Array<{ name: string; args: unknown[] }>;
  /** Calls a server function directly, as `user` (test set-up). */
  call<T = unknown>(name: string, args?: unknown[], user?: string): T;
}

export function startScriptServer(options: { now?: number; user?: string } = {}): ScriptServer {
  const user = options.user ?? 'ada@example.com';
  const emu = new Emulator({
    realCpu: false,
    now: options.now,
    user: 'ada@example.com',
    owner: 'ada@example.com',
  });
  const bundle = loadBundle(emu);
  const server: ScriptServer = {
    emu,
    bundle,
    user,
    calls: [],
    call<T>(name: string, args: unknown[] = [], as = server.user): T {
      const result = JSON.parse(
        JSON.stringify(invoke(emu, bundle, name, args, { kind: 'script-run', user: as })),
      ) as { ok: boolean; value: T; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
  };
  const runner = (success?: (v: unknown) => void, failure?: (e: Error) => void): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (fn: (v: unknown) => void) => runner(fn, failure);
          if (prop === 'withFailureHandler') return (fn: (e: Error) => void) => runner(success, fn);
          return (...args: unknown[]) => {
            server.calls.push({ name: prop, args: JSON.parse(JSON.stringify(args)) });
            // Asynchronous, like the real transport.
            setTimeout(() => {
              try {
                const out = invoke(emu, bundle, prop, JSON.parse(JSON.stringify(args)), {
                  kind: 'script-run',
                  user: server.user,
                });
                success?.(out === undefined ? undefined : JSON.parse(JSON.stringify(out)));
              } catch (e) {
                failure?.(e instanceof Error ? e : new Error(String(e)));
              }
            }, 0);
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = { script: { run: runner() } };
  return server;
}
