import { shopify } from '../../connectors/shopify/spec';
import { Emulator } from '../../playground/emulator/emulator';
import { cleanConfig, normalizeValue, validateConfig } from '../../src/connect/config-validation';
import { getConnection, saveConnection } from '../../src/connect/connection-store';

const TOKEN = `shpat_${'a'.repeat(32)}`;

describe('cleaning what people paste into a domain field', () => {
  it.each([
    ['https://tapdash-demo.myshopify.com/', 'tapdash-demo.myshopify.com'],
    ['  http://Tapdash-Demo.myshopify.com/admin/orders?x=1 ', 'tapdash-demo.myshopify.com'],
    ['tapdash-demo.myshopify.com/', 'tapdash-demo.myshopify.com'],
    ['tapdash-demo.myshopify.com', 'tapdash-demo.myshopify.com'],
  ])('turns %j into the bare domain', (typed, clean) => {
    expect(normalizeValue({ normalize: 'domain' }, typed)).toBe(clean);
  });

  it('only trims a field that declares no normalisation', () => {
    expect(normalizeValue({}, ' https://example.com/ ')).toBe('https://example.com/');
  });
});

describe('a Shopify shop domain copied from the address bar', () => {
  it('passes validation', () => {
    expect(
      validateConfig(shopify, { shop: 'https://tapdash-demo.myshopify.com/', accessToken: TOKEN }),
    ).toEqual([]);
  });

  it('is stored as the bare domain, whoever saves it (sidebar or CLI)', () => {
    const emu = new Emulator({ realCpu: false, user: 'ada@example.com' });
    const saved = emu.run((gas) =>
      saveConnection(
        gas,
        { connector: 'shopify', config: { shop: 'https://tapdash-demo.myshopify.com/', accessToken: TOKEN } },
        shopify,
      ),
    );
    expect(emu.run((gas) => getConnection(gas, saved.id))?.config.shop).toBe('tapdash-demo.myshopify.com');
  });

  it('is cleaned before a connection test too', () => {
    expect(cleanConfig(shopify, { shop: 'https://tapdash-demo.myshopify.com/' }).shop).toBe(
      'tapdash-demo.myshopify.com',
    );
  });

  it('is still refused when it is not a myshopify.com address', () => {
    expect(validateConfig(shopify, { shop: 'https://shop.tapdash.com/', accessToken: TOKEN })).toEqual([
      { key: 'shop', message: expect.stringMatching(/myshopify\.com/) },
    ]);
  });
});
