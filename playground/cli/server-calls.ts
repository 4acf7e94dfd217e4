import type { ErrorInfo } from '../../src/shared/errors';
import { callFromSidebar } from '../emulator/script-run';
import type { Workspace } from '../workspace';

/** A server function failed: carries the same message and fix a sidebar user would see. */
export class ServerCallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.message}\n  → ${info.fix}`);
  }
}

/** Calls a function of the built Code.js exactly as the sidebar does (google.script.run rules). */
export function serverCall<T>(ws: Workspace, name: string, ...args: unknown[]): T {
  const result = callFromSidebar(ws.emu, ws.bundle, name, args) as {
    ok: boolean;
    value?: T;
    error?: ErrorInfo;
  } | null;
  if (!result || typeof result !== 'object' || !('ok' in result)) return result as T;
  if (!result.ok) throw new ServerCallError(result.error as ErrorInfo);
  return result.value as T;
}
