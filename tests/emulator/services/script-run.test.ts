import vm from 'node:vm';
import {
  callFromSidebar,
  InFlightLimiter,
  SCRIPT_RUN_CONCURRENCY,
  serializeArguments,
  serializeResult,
} from '../../../playground/emulator/script-run';
import { emulator, thrown } from './helpers';

describe('callFromSidebar: google.script.run (HTML service communication guide)', () => {
  it('runs a top-level function as a script-run execution in AuthMode.FULL and returns a copy of its result', () => {
    const emu = emulator();
    const state = { rows: [1, 2] };
    const result = callFromSidebar(emu, { getState: () => state }, 'getState', [], {
      user: 'alice@example.com',
    });
    expect(result).toEqual({ rows: [1, 2] });
    expect(result).not.toBe(state);
    const exec = emu.executions[0];
    expect([exec.kind, exec.authMode, exec.user, exec.name]).toEqual([
      'script-run',
      'FULL',
      'alice@example.com',
      'getState',
    ]);
  });

  it('does not expose functions whose names end in an underscore', () => {
    const emu = emulator();
    expect(thrown(() => callFromSidebar(emu, { secret_: () => 1 }, 'secret_'))).toBe(
      'google.script.run.secret_ is not a function',
    );
    expect(emu.executions).toEqual([]);
  });

  it('fails for a name the script does not define, or that is an Apps Script service', () => {
    const emu = emulator();
    expect(thrown(() => callFromSidebar(emu, {}, 'nothing'))).toBe(
      'google.script.run.nothing is not a function',
    );
    expect(thrown(() => callFromSidebar(emu, { ...emu.globals }, 'Logger'))).toBe(
      'google.script.run.Logger is not a function',
    );
  });

  it('refuses a Date argument before anything runs', () => {
    const emu = emulator();
    let ran = false;
    const fn = () => {
      ran = true;
    };
    expect(thrown(() => callFromSidebar(emu, { fn }, 'fn', [new Date()]))).toBe(
      'Failed due to illegal value in property: 0',
    );
    expect(thrown(() => callFromSidebar(emu, { fn }, 'fn', [{ when: { at: new Date() } }]))).toBe(
      'Failed due to illegal value in property: at',
    );
    expect([ran, emu.executions.length]).toEqual([false, 0]);
  });

  it('refuses functions and circular objects as arguments', () => {
    const emu = emulator();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(thrown(() => callFromSidebar(emu, { f: () => 0 }, 'f', [{ cb: () => 1 }]))).toMatch(
      /illegal value/,
    );
    expect(thrown(() => callFromSidebar(emu, { f: () => 0 }, 'f', [cyclic]))).toMatch(/illegal value/);
  });

  it('turns undefined inside arrays into null and drops undefined object fields', () => {
    const emu = emulator();
    const got = callFromSidebar(emu, { echo: (x: unknown) => x }, 'echo', [
      { list: [1, undefined, 3], gone: undefined, kept: null },
    ]);
    expect(got).toEqual({ list: [1, null, 3], kept: null });
    expect(Object.keys(got as object)).toEqual(['list', 'kept']);
  });

  it('sends null to the sidebar when the result holds a Date, and logs why', () => {
    const emu = emulator();
    expect(callFromSidebar(emu, { f: () => ({ at: new Date() }) }, 'f')).toBeNull();
    expect(emu.services.logs.at(-1)?.message).toBe(
      'google.script.run: f returned a Date at at, so the sidebar receives null',
    );
  });

  it('accepts plain objects and arrays made in the script’s own realm (the bundle’s vm context)', () => {
    const emu = emulator();
    const scriptFn = vm.runInNewContext('(function () { return { a: [1, { b: "x" }], n: null }; })');
    expect(callFromSidebar(emu, { scriptFn }, 'scriptFn')).toEqual({ a: [1, { b: 'x' }], n: null });
  });

  it('lets errors thrown by the function reach the caller (the failure handler)', () => {
    const emu = emulator();
    expect(
      thrown(() =>
        callFromSidebar(
          emu,
          {
            f: () => {
              throw new Error('Stripe key rejected');
            },
          },
          'f',
        ),
      ),
    ).toBe('Stripe key rejected');
    expect(emu.executions[0].status).toBe('failed');
  });

  it('exports the serializers for the playground server', () => {
    expect(serializeArguments([undefined, 'a'])).toEqual([null, 'a']);
    expect(serializeResult(undefined)).toEqual({ value: null });
    expect(serializeResult(Number.NaN)).toEqual({ value: null });
  });
});

describe('InFlightLimiter: "10 concurrent calls; an 11th waits"', () => {
  it('runs at most 10 tasks at once and starts the 11th when one finishes', async () => {
    const limiter = new InFlightLimiter();
    expect(SCRIPT_RUN_CONCURRENCY).toBe(10);
    const releases: Array<() => void> = [];
    const started: number[] = [];
    const tasks = Array.from({ length: 11 }, (_, i) =>
      limiter.run(
        () =>
          new Promise<number>((resolve) => {
            started.push(i);
            releases[i] = () => resolve(i);
          }),
      ),
    );
    await Promise.resolve();
    expect([limiter.inFlight, limiter.waiting, started.length]).toEqual([10, 1, 10]);
    releases[3]();
    await tasks[3];
    await new Promise((r) => setImmediate(r));
    expect(started).toContain(10);
    expect([limiter.inFlight, limiter.waiting]).toEqual([10, 0]);
    for (const i of [0, 1, 2, 4, 5, 6, 7, 8, 9, 10]) releases[i]();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(limiter.inFlight).toBe(0);
  });
});
