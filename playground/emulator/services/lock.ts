/**
 * LockService (https://developers.google.com/apps-script/reference/lock/lock). A lock belongs to
 * the execution that took it and is released when that execution ends. Concurrency is modelled
 * by nesting `emu.run` calls: the inner run is a second execution while the outer one is still
 * running, so a lock the outer holds makes the inner wait its whole timeout and fail.
 */
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';

/** Execution id 0 stands for code running outside any execution (a test poking at state). */
const OUTSIDE = 0;

export class LockTable {
  private readonly holders = new Map<string, number>();

  holder(scope: string): number | undefined {
    return this.holders.get(scope);
  }

  acquire(scope: string, executionId: number): boolean {
    const h = this.holders.get(scope);
    if (h !== undefined && h !== executionId) return false;
    this.holders.set(scope, executionId);
    return true;
  }

  release(scope: string, executionId: number): void {
    if (this.holders.get(scope) === executionId) this.holders.delete(scope);
  }

  releaseAll(executionId: number): void {
    for (const [scope, h] of this.holders) if (h === executionId) this.holders.delete(scope);
  }

  /** Scopes held right now, for tests and the playground. */
  held(): Record<string, number> {
    return Object.fromEntries(this.holders);
  }
}

function createLock(emu: Emulator, scope: string) {
  const id = () => emu.current()?.id ?? OUTSIDE;
  /** Waiting for a lock another execution holds takes the whole timeout of simulated time. */
  const attempt = (method: string, timeoutMs: number): boolean => {
    emu.call('Lock', method, 'lock', emu.costs.lockMs);
    if (emu.services.locks.acquire(scope, id())) return true;
    const wait = Math.max(0, Number(timeoutMs) || 0);
    const exec = emu.current();
    if (exec) exec.spend(wait);
    else emu.clock.advance(wait);
    return emu.services.locks.acquire(scope, id());
  };
  const lock = {
    tryLock(timeoutInMillis: number): boolean {
      return attempt('tryLock', timeoutInMillis);
    },
    waitLock(timeoutInMillis: number): void {
      if (!attempt('waitLock', timeoutInMillis))
        // https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer)
        throw platformError('Lock timeout: another process was holding the lock for too long.');
    },
    hasLock(): boolean {
      emu.call('Lock', 'hasLock', 'lock', 0);
      return emu.services.locks.holder(scope) === id();
    },
    releaseLock(): void {
      emu.call('Lock', 'releaseLock', 'lock', emu.costs.lockMs);
      emu.services.locks.release(scope, id());
    },
  };
  return lock;
}

export function createLockService(emu: Emulator): GoogleAppsScript.Lock.LockService {
  const get = (method: string) => emu.call('LockService', method, 'lock', 0);
  return {
    getScriptLock() {
      get('getScriptLock');
      return createLock(emu, 'script');
    },
    getUserLock() {
      get('getUserLock');
      return createLock(emu, `user:${emu.activeUser()}`);
    },
    getDocumentLock() {
      get('getDocumentLock');
      return createLock(emu, 'document');
    },
  } as unknown as GoogleAppsScript.Lock.LockService;
}
