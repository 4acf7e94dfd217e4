/**
 * google.script.run for jsdom panel tests, answered by the built add-on (dist/Code.js: the real
 * sidebarApi, errors turned into values as main.ts does) on an emulated spreadsheet — the same
 * path the playground takes, without the HTTP hop. Calls cross with Apps Script's rules
 * (playground/emulator/script-run.ts): an illegal argument (a Date, a function…) fails the call,
 * a result holding one reaches the sidebar as null, private names are not callable.
 */
import { type LoadedBundle, loadBundle } from '../../../playground/emulator/bundle';
import { Emulator } from '../../../playground/emulator/emulator';
import { callFromSidebar, transferValue } from '../../../playground/emulator/script-run';

export interface ScriptServerOptions {
  /** The spreadsheet owner, who installed the add-on. */
  owner?: string;
  /** The user whose sidebar is open; defaults to the owner. */
  user?: string;
  /** The spreadsheet's time zone. */
  timeZone?: string;
  /** The emulator's simulated start instant. */
  now?: number;
}

export interface ScriptServer {
  emu: Emulator;
  bundle: LoadedBundle;
  /** The user whose sidebar is open (each call runs as them). */
  user: string;
  /** Every call the sidebar made, by function name, with its arguments as the server received them. */
  calls: Array<{ name: string; args: unknown[] }>;
  /** Calls a server function directly, as `user` (test set-up); throws the error it returns. */
  call<T = unknown>(name: string, args?: unknown[], user?: string): T;
}

type Handler<T> = (value: T) => void;

/** The script runs in its own realm, so its errors are not this realm's `Error`s. */
function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  const err = new Error(typeof e === 'object' && e && 'message' in e ? String(e.message) : String(e));
  if (typeof e === 'object' && e && 'name' in e) err.name = String(e.name);
  return err;
}

/** Starts the server and answers the page's google.script.run with it. */
export function startScriptServer(options: ScriptServerOptions = {}): ScriptServer {
  const owner = options.owner ?? 'ada@example.com';
  const emu = new Emulator({
    realCpu: false,
    now: options.now,
    timeZone: options.timeZone,
    user: owner,
    owner,
  });
  const bundle = loadBundle(emu);
  const server: ScriptServer = {
    emu,
    bundle,
    user: options.user ?? owner,
    calls: [],
    call<T>(name: string, args: unknown[] = [], as = server.user): T {
      const result = callFromSidebar(emu, bundle, name, args, { user: as }) as {
        ok: boolean;
        value: T;
        error?: { message: string };
      };
      if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
      return result.value;
    },
  };
  const runner = (success?: Handler<unknown>, failure?: Handler<Error>): unknown =>
    new Proxy(
      {},
      {
        get(_t, name: string) {
          if (name === 'withSuccessHandler') return (fn: Handler<unknown>) => runner(fn, failure);
          if (name === 'withFailureHandler') return (fn: Handler<Error>) => runner(success, fn);
          return (...args: unknown[]) => {
            const sent = transferValue(args);
            server.calls.push({ name, args: sent.ok ? (sent.value as unknown[]) : args });
            // Asynchronous, like the real transport.
            setTimeout(() => {
              let result: unknown;
              try {
                result = callFromSidebar(emu, bundle, name, args, { user: server.user });
              } catch (e) {
                return failure?.(asError(e));
              }
              success?.(result);
            }, 0);
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = { script: { run: runner() } };
  return server;
}
