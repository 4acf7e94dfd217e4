import { emulator } from './helpers';

describe('Logger and console (reference: logger; logging guide)', () => {
  it('captures Logger.log and console lines with the execution that wrote them', () => {
    const emu = emulator();
    emu.run((gas) => {
      gas.Logger.log('Synced %s rows from %s', 12, 'Stripe');
      gas.console.warn('slow page', { ms: 900 });
      gas.console.error(new Error('boom').message);
    });
    expect(emu.services.logs.map((l) => [l.executionId, l.source, l.level, l.message])).toEqual([
      [1, 'Logger', 'info', 'Synced 12 rows from Stripe'],
      [1, 'console', 'warn', 'slow page { ms: 900 }'],
      [1, 'console', 'error', 'boom'],
    ]);
  });

  it('Logger.getLog returns this execution’s Logger lines and clear empties them', () => {
    const emu = emulator();
    emu.run((gas) => gas.Logger.log('from the first execution'));
    const got = emu.run((gas) => {
      gas.Logger.log('a');
      gas.Logger.log({ b: 1 });
      const log = gas.Logger.getLog();
      gas.Logger.clear();
      return [log, gas.Logger.getLog()];
    });
    expect(got).toEqual(['a\n{"b":1}', '']);
  });

  it('keeps only the newest 1,000 lines', () => {
    const emu = emulator();
    emu.run((gas) => {
      for (let i = 0; i < 1005; i++) gas.console.log(`line ${i}`);
    });
    expect(emu.services.logs).toHaveLength(1000);
    expect(emu.services.logs[0].message).toBe('line 5');
  });

  it('works in AuthMode.NONE', () => {
    const emu = emulator();
    emu.run((gas) => gas.console.log('menu built'), { authMode: 'NONE' });
    expect(emu.services.logs[0].message).toBe('menu built');
  });

  it('echoes lines to stderr when TAPDASH_EMULATOR_LOG is set', () => {
    const emu = emulator();
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.env.TAPDASH_EMULATOR_LOG = '1';
    let written: unknown[][] = [];
    try {
      emu.run((gas) => gas.console.info('visible'));
      written = [...spy.mock.calls];
    } finally {
      delete process.env.TAPDASH_EMULATOR_LOG;
      spy.mockRestore();
    }
    expect(written).toEqual([['[apps-script #1 info] visible\n']]);
  });
});
