import { emulator, thrown } from './helpers';

describe('CacheService (reference: cache; capacity: Google DevRel measurement)', () => {
  it('returns what was put, and null for a missing key', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const c = gas.CacheService.getScriptCache();
      c.put('a', 'one');
      return [c.get('a'), c.get('b')];
    });
    expect(got).toEqual(['one', null]);
  });

  it('stores strings only: an object becomes "[object Object]" and a number its text', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const c = gas.CacheService.getScriptCache();
      c.put('o', { a: 1 } as unknown as string);
      c.put('n', 7 as unknown as string);
      return [c.get('o'), c.get('n')];
    });
    expect(got).toEqual(['[object Object]', '7']);
  });

  it('expires entries after the default 600 seconds of simulated time', () => {
    const emu = emulator();
    emu.run((gas) => gas.CacheService.getScriptCache().put('a', '1'));
    emu.clock.advance(599_000);
    expect(emu.run((gas) => gas.CacheService.getScriptCache().get('a'))).toBe('1');
    emu.clock.advance(1_000);
    expect(emu.run((gas) => gas.CacheService.getScriptCache().get('a'))).toBeNull();
  });

  it('clamps expiration to at most 21,600 seconds (6 hours)', () => {
    const emu = emulator({ costModel: { cacheMs: 0 } });
    emu.run((gas) => gas.CacheService.getScriptCache().put('a', '1', 100_000));
    emu.clock.advance(21_600_000 - 1);
    expect(emu.run((gas) => gas.CacheService.getScriptCache().get('a'))).toBe('1');
    emu.clock.advance(1);
    expect(emu.run((gas) => gas.CacheService.getScriptCache().get('a'))).toBeNull();
  });

  it('clamps expiration to at least 1 second', () => {
    const emu = emulator({ costModel: { cacheMs: 0 } });
    emu.run((gas) => gas.CacheService.getScriptCache().put('a', '1', 0));
    emu.clock.advance(999);
    expect(emu.run((gas) => gas.CacheService.getScriptCache().get('a'))).toBe('1');
    emu.clock.advance(1);
    expect(emu.run((gas) => gas.CacheService.getScriptCache().get('a'))).toBeNull();
  });

  it('getAll returns only the keys present; putAll, remove and removeAll work on several keys', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const c = gas.CacheService.getUserCache();
      c.putAll({ a: '1', b: '2', c: '3' });
      const all = c.getAll(['a', 'b', 'zz']);
      c.remove('a');
      c.removeAll(['b']);
      return [all, c.getAll(['a', 'b', 'c'])];
    });
    expect(got).toEqual([{ a: '1', b: '2' }, { c: '3' }]);
  });

  it('keeps user caches apart and shares the script cache between users', () => {
    const emu = emulator();
    emu.run(
      (gas) => {
        gas.CacheService.getUserCache().put('k', 'alice');
        gas.CacheService.getScriptCache().put('k', 'shared');
      },
      { user: 'alice@example.com' },
    );
    const bob = emu.run(
      (gas) => [gas.CacheService.getUserCache().get('k'), gas.CacheService.getScriptCache().get('k')],
      { user: 'bob@example.com' },
    );
    expect(bob).toEqual([null, 'shared']);
  });

  it('refuses a key longer than 250 characters', () => {
    const emu = emulator();
    const message = emu.run((gas) =>
      thrown(() => gas.CacheService.getScriptCache().put('k'.repeat(251), 'v')),
    );
    expect(message).toBe('Argument too large: key');
  });

  it('accepts a value of exactly 102,400 bytes and refuses one byte more ("Argument too large: value")', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const c = gas.CacheService.getScriptCache();
      c.put('ok', 'x'.repeat(102_400));
      return [c.get('ok')?.length, thrown(() => c.put('big', 'x'.repeat(102_401)))];
    });
    expect(got).toEqual([102_400, 'Argument too large: value']);
  });

  it('measures the value limit in bytes, not characters', () => {
    const emu = emulator();
    // 51,201 two-byte characters = 102,402 bytes.
    const message = emu.run((gas) =>
      thrown(() => gas.CacheService.getScriptCache().put('k', 'é'.repeat(51_201))),
    );
    expect(message).toBe('Argument too large: value');
  });

  it('evicts about 10% of the oldest entries when a put crosses 1,000 items, and reads do not refresh them', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const c = gas.CacheService.getScriptCache();
      for (let i = 0; i < 1000; i++) c.put(`k${i}`, String(i));
      c.get('k0'); // a read does not protect k0
      c.put('k1000', 'new');
      const keys = Array.from({ length: 1001 }, (_, i) => `k${i}`);
      return Object.keys(c.getAll(keys));
    });
    expect(got).toHaveLength(901);
    expect(got[0]).toBe('k100');
    expect(got).not.toContain('k0');
    expect(got).not.toContain('k99');
    expect(got).toContain('k1000');
  });

  it('is refused in AuthMode.NONE and allowed in LIMITED', () => {
    const emu = emulator();
    expect(thrown(() => emu.run((gas) => gas.CacheService.getScriptCache(), { authMode: 'NONE' }))).toMatch(
      /^You do not have permission to call CacheService.getScriptCache/,
    );
    expect(
      emu.run((gas) => gas.CacheService.getDocumentCache()?.get('x'), { authMode: 'LIMITED' }),
    ).toBeNull();
  });
});
