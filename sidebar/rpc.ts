import type { SidebarApi } from '../src/entry/api';
import type { ErrorInfo } from '../src/shared/errors';
import type { Result } from '../src/shared/result';

/** A server failure as the sidebar shows it: what happened and what to do, never a stack trace. */
export class ServerError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.info = info;
  }
}

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun } };
  }
}

type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
export type Client = { [K in keyof SidebarApi]: Promised<SidebarApi[K]> };

/** Values google.script.run refuses (platform notes §7.8): fail here, with a clear message. */
function assertSerializable(value: unknown, path: string, seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'function') throw new TypeError(`${path} is a function, which Apps Script cannot receive`);
  if (value instanceof Date) throw new TypeError(`${path} is a Date; send an ISO string instead`);
  if (t !== 'object') throw new TypeError(`${path} (${t}) cannot be sent to Apps Script`);
  if (seen.has(value)) throw new TypeError(`${path} refers to itself; Apps Script cannot receive cycles`);
  seen.add(value);
  for (const [k, v] of Object.entries(value as object)) assertSerializable(v, `${path}.${k}`, seen);
  seen.delete(value);
}

/** Calls one server function; resolves with its value or rejects with a ServerError. */
export function call<K extends keyof SidebarApi>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(
        new ServerError({
          code: 'no-server',
          message: 'Tapdash is not connected to its spreadsheet.',
          fix: 'Close the sidebar and open it again from Extensions → Tapdash.',
        }),
      );
      return;
    }
    try {
      args.forEach((a, i) => {
        assertSerializable(a, `argument ${i + 1} of ${String(name)}`);
      });
    } catch (e) {
      reject(
        new ServerError({
          code: 'bad-argument',
          message: (e as Error).message,
          fix: 'This is a bug in Tapdash; please report it.',
        }),
      );
      return;
    }
    const runner = run
      .withSuccessHandler((result) => {
        const r = result as Result<ReturnType<SidebarApi[K]>>;
        if (r && typeof r === 'object' && 'ok' in r) {
          if (r.ok) resolve(r.value);
          else reject(new ServerError(r.error));
        } else {
          resolve(result as ReturnType<SidebarApi[K]>);
        }
      })
      .withFailureHandler((error) =>
        reject(
          new ServerError({
            code: 'server-failure',
            message: firstLine(error?.message ?? String(error)),
            fix: 'Try again in a minute. If it keeps failing, reload the spreadsheet.',
          }),
        ),
      );
    (runner[name as string] as (...a: unknown[]) => void)(...args);
  });
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/^(Exception|Error|ScriptError):\s*/, '');
}
