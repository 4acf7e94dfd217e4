import { emulator, thrown } from './helpers';

/** A nested emu.run is a second execution running while the outer one still runs. */
describe('LockService (reference: lock; concurrency through nested executions)', () => {
  it('tryLock succeeds when nobody holds the lock, and hasLock then reports it', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const lock = gas.LockService.getScriptLock();
      const before = lock.hasLock();
      return [before, lock.tryLock(1000), lock.hasLock()];
    });
    expect(got).toEqual([false, true, true]);
  });

  it('makes a concurrent execution’s tryLock return false after waiting its whole timeout', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      gas.LockService.getScriptLock().waitLock(1000);
      const before = emu.clock.now();
      const inner = emu.run((g) => g.LockService.getScriptLock().tryLock(5000));
      return { inner, waited: emu.clock.now() - before };
    });
    expect(got.inner).toBe(false);
    expect(got.waited).toBeGreaterThanOrEqual(5000);
  });

  it('makes a concurrent execution’s waitLock throw the platform’s lock-timeout error', () => {
    const emu = emulator();
    const message = emu.run((gas) => {
      gas.LockService.getScriptLock().waitLock(1000);
      return thrown(() => emu.run((g) => g.LockService.getScriptLock().waitLock(3000)));
    });
    expect(message).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  it('lets a concurrent execution in once the holder releases the lock', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const lock = gas.LockService.getScriptLock();
      lock.waitLock(1000);
      lock.releaseLock();
      return [lock.hasLock(), emu.run((g) => g.LockService.getScriptLock().tryLock(0))];
    });
    expect(got).toEqual([false, true]);
  });

  it('releases an execution’s locks when it ends, even if it did not call releaseLock', () => {
    const emu = emulator();
    emu.run((gas) => gas.LockService.getScriptLock().waitLock(1000));
    expect(emu.services.locks.held()).toEqual({});
    expect(emu.run((gas) => gas.LockService.getScriptLock().tryLock(0))).toBe(true);
  });

  it('releases the locks of an execution that failed', () => {
    const emu = emulator();
    expect(() =>
      emu.run((gas) => {
        gas.LockService.getScriptLock().waitLock(1000);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(emu.run((gas) => gas.LockService.getScriptLock().tryLock(0))).toBe(true);
  });

  it('scopes user locks to one user: another user is not blocked, the same user is', () => {
    const emu = emulator();
    const got = emu.run(
      (gas) => {
        gas.LockService.getUserLock().waitLock(1000);
        return [
          emu.run((g) => g.LockService.getUserLock().tryLock(0), { user: 'bob@example.com' }),
          emu.run((g) => g.LockService.getUserLock().tryLock(0), { user: 'alice@example.com' }),
        ];
      },
      { user: 'alice@example.com' },
    );
    expect(got).toEqual([true, false]);
  });

  it('keeps script, user and document locks independent', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      gas.LockService.getScriptLock().waitLock(1000);
      return emu.run((g) => [
        g.LockService.getDocumentLock().tryLock(0),
        g.LockService.getUserLock().tryLock(0),
      ]);
    });
    expect(got).toEqual([true, true]);
  });

  it('counts the time spent waiting toward the waiting execution’s deadline', () => {
    const emu = emulator();
    const message = emu.run((gas) => {
      gas.LockService.getScriptLock().waitLock(1000);
      return thrown(() =>
        emu.run((g) => g.LockService.getScriptLock().waitLock(10_000), { timeLimitMs: 5_000 }),
      );
    });
    expect(message).toBe('Exceeded maximum execution time');
  });

  it('is refused in AuthMode.NONE', () => {
    const emu = emulator();
    expect(thrown(() => emu.run((gas) => gas.LockService.getScriptLock(), { authMode: 'NONE' }))).toMatch(
      /^You do not have permission to call LockService.getScriptLock/,
    );
  });
});
