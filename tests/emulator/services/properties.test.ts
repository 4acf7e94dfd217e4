import { emulator, thrown } from './helpers';

describe('PropertiesService (reference: properties; limits: quotas page)', () => {
  it('stores values as strings: numbers, booleans and objects are coerced', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperty('n', 42 as unknown as string).setProperty('b', true as unknown as string);
      p.setProperty('o', { a: 1 } as unknown as string);
      return [p.getProperty('n'), p.getProperty('b'), p.getProperty('o'), p.getProperty('missing')];
    });
    expect(got).toEqual(['42', 'true', '[object Object]', null]);
  });

  it('keeps user properties per user, script and document properties shared by everyone', () => {
    const emu = emulator();
    emu.run(
      (gas) => {
        gas.PropertiesService.getUserProperties().setProperty('k', 'alice');
        gas.PropertiesService.getScriptProperties().setProperty('k', 'script');
        gas.PropertiesService.getDocumentProperties().setProperty('k', 'doc');
      },
      { user: 'alice@example.com' },
    );
    const bob = emu.run(
      (gas) => [
        gas.PropertiesService.getUserProperties().getProperty('k'),
        gas.PropertiesService.getScriptProperties().getProperty('k'),
        gas.PropertiesService.getDocumentProperties().getProperty('k'),
      ],
      { user: 'bob@example.com' },
    );
    expect(bob).toEqual([null, 'script', 'doc']);
  });

  it('setProperties merges, or replaces everything when deleteAllOthers is true', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const p = gas.PropertiesService.getDocumentProperties();
      p.setProperties({ a: '1', b: '2' });
      p.setProperties({ c: '3' });
      const merged = p.getProperties();
      p.setProperties({ d: '4' }, true);
      return { merged, replaced: p.getProperties(), keys: p.getKeys() };
    });
    expect(got).toEqual({ merged: { a: '1', b: '2', c: '3' }, replaced: { d: '4' }, keys: ['d'] });
  });

  it('deleteProperty and deleteAllProperties remove keys', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperties({ a: '1', b: '2', c: '3' });
      p.deleteProperty('a');
      const after = p.getKeys().sort();
      p.deleteAllProperties();
      return [after, p.getKeys()];
    });
    expect(got).toEqual([['b', 'c'], []]);
  });

  it('getProperties returns a copy: changing it does not change the store', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperty('a', '1');
      const copy = p.getProperties() as Record<string, string>;
      copy.a = 'changed';
      return p.getProperty('a');
    });
    expect(got).toBe('1');
  });

  it('refuses a value over 9 KB with the storage-quota error and keeps the old value', () => {
    const emu = emulator();
    const message = emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperty('v', 'old');
      const m = thrown(() => p.setProperty('v', 'x'.repeat(9 * 1024 + 1)));
      return [m, p.getProperty('v')];
    });
    expect(message).toEqual([
      'You have exceeded the property storage quota. Please remove some properties and try again.',
      'old',
    ]);
  });

  it('accepts a value of exactly 9 KB', () => {
    const emu = emulator();
    const len = emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperty('v', 'x'.repeat(9 * 1024));
      return p.getProperty('v')?.length;
    });
    expect(len).toBe(9216);
  });

  it('refuses to grow a store past 500 KB (keys count toward the size)', () => {
    const emu = emulator();
    const result = emu.run((gas) => {
      const p = gas.PropertiesService.getUserProperties();
      let n = 0;
      const message = thrown(() => {
        for (;;) p.setProperty(`key${n++}`, 'y'.repeat(9000));
      });
      return { message, stored: p.getKeys().length };
    });
    expect(result.message).toMatch(/exceeded the property storage quota/);
    // 500 KB / (9,000 B value + 4-5 B key) = 56 values.
    expect(result.stored).toBe(56);
  });

  it('counts property reads and writes against a daily quota ("Service invoked too many times for one day: properties.")', () => {
    const emu = emulator({ quotas: { propertiesCallsPerDay: 3 } });
    const message = emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperty('a', '1');
      p.getProperty('a');
      p.getKeys();
      return thrown(() => p.getProperty('a'));
    });
    expect(message).toBe('Service invoked too many times for one day: properties.');
  });

  it('resets the daily properties quota 24 hours after the first call', () => {
    const emu = emulator({ quotas: { propertiesCallsPerDay: 1 } });
    emu.run((gas) => gas.PropertiesService.getScriptProperties().getProperty('a'));
    emu.clock.advance(24 * 3_600_000);
    expect(emu.run((gas) => gas.PropertiesService.getScriptProperties().getProperty('a'))).toBeNull();
  });

  it('is refused in AuthMode.NONE with the storage scope named', () => {
    const emu = emulator();
    const message = thrown(() =>
      emu.run((gas) => gas.PropertiesService.getDocumentProperties(), { authMode: 'NONE' }),
    );
    expect(message).toBe(
      'You do not have permission to call PropertiesService.getDocumentProperties. Required permissions: https://www.googleapis.com/auth/script.storage',
    );
  });

  it('charges each property call its simulated cost', () => {
    const emu = emulator({ costModel: { propertiesMs: 15 } });
    emu.run((gas) => {
      const p = gas.PropertiesService.getScriptProperties();
      p.setProperty('a', '1');
      p.getProperty('a');
    });
    const exec = emu.executions[0];
    expect(exec.durationMs).toBe(30);
    expect(exec.calls).toEqual({
      'PropertiesService.getScriptProperties': 1,
      'Properties.setProperty': 1,
      'Properties.getProperty': 1,
    });
  });
});
