import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '../../../playground/emulator/mock-server';
import { emulator, START, thrown } from './helpers';

let api: MockServer;
const LONG_ERROR = `{"error":"${'x'.repeat(300)}"}`;

beforeAll(async () => {
  api = await startMockServer([
    { path: '/echo', echo: true },
    { path: '/json', body: { ok: true } },
    { path: '/bytes', bodyBase64: Buffer.from([0, 127, 128, 255]).toString('base64') },
    {
      path: '/latin1',
      headers: { 'Content-Type': 'text/plain; charset=ISO-8859-1' },
      bodyBase64: Buffer.from('café', 'latin1').toString('base64'),
    },
    { path: '/cookies', headers: { 'Set-Cookie': ['a=1', 'b=2'], 'X-One': 'single' }, body: 'ok' },
    { path: '/gzip', body: 'compressed hello', gzip: true },
    { path: '/unauthorized', status: 401, body: { error: 'bad key' } },
    { path: '/long-error', status: 500, body: LONG_ERROR },
    { path: '/missing', status: 404, body: 'nope' },
    { path: '/redirect', status: 302, headers: { Location: '/json' } },
    { path: '/slow', delayMs: 300, body: 'slow' },
    { path: '/n/*', echo: true },
    { path: '/huge', fillBytes: 50 * 1024 * 1024 + 1 },
    { path: '/big-ok', fillBytes: 1024 * 1024 },
  ]);
});

afterAll(async () => {
  await api.close();
});

const local = () => emulator({ localMode: true });

describe('UrlFetchApp requests (url-fetch-app reference)', () => {
  it('sends the method, headers and a string payload as given', async () => {
    await api.reset();
    const echoed = local().run((gas) =>
      JSON.parse(
        gas.UrlFetchApp.fetch(`${api.url}/echo?q=1`, {
          method: 'put',
          headers: { 'X-Custom': 'yes', Authorization: 'Bearer sk_test_123' },
          payload: '{"a":1}',
          contentType: 'application/json',
        }).getContentText(),
      ),
    );
    expect(echoed.method).toBe('PUT');
    expect(echoed.url).toBe('/echo?q=1');
    expect(echoed.body).toBe('{"a":1}');
    const headers = Object.fromEntries(
      echoed.headers.map(([k, v]: [string, string]) => [k.toLowerCase(), v]),
    );
    expect(headers).toMatchObject({
      'x-custom': 'yes',
      authorization: 'Bearer sk_test_123',
      'content-type': 'application/json',
      'user-agent': expect.stringContaining('Google-Apps-Script'),
    });
  });

  it('form-encodes an object payload with the default content type application/x-www-form-urlencoded', () => {
    const echoed = local().run((gas) =>
      JSON.parse(
        gas.UrlFetchApp.fetch(`${api.url}/echo`, {
          method: 'post',
          payload: { name: 'Ada Lovelace', n: 3 },
        }).getContentText(),
      ),
    );
    const type = echoed.headers.find(([k]: [string]) => /content-type/i.test(k))[1];
    expect([echoed.body, type]).toEqual(['name=Ada+Lovelace&n=3', 'application/x-www-form-urlencoded']);
  });

  it('sends a byte-array payload as raw bytes (signed bytes accepted)', () => {
    const echoed = local().run((gas) =>
      JSON.parse(
        gas.UrlFetchApp.fetch(`${api.url}/echo`, {
          method: 'post',
          payload: [1, -1, 127, -128],
          contentType: 'application/octet-stream',
        }).getContentText(),
      ),
    );
    expect([...Buffer.from(echoed.bodyBase64, 'base64')]).toEqual([1, 255, 127, 128]);
  });

  it('sends a multipart form when an object payload holds a blob', () => {
    const echoed = local().run((gas) => {
      const file = gas.Utilities.newBlob('a,b\n1,2', 'text/csv', 'data.csv');
      return JSON.parse(
        gas.UrlFetchApp.fetch(`${api.url}/echo`, {
          method: 'post',
          payload: { note: 'hi', file },
        }).getContentText(),
      );
    });
    const type = echoed.headers.find(([k]: [string]) => /content-type/i.test(k))[1];
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.body).toContain('filename="data.csv"');
    expect(echoed.body).toContain('a,b\n1,2');
  });

  it('escapes characters a URL cannot hold, without double-encoding existing escapes', () => {
    const echoed = local().run((gas) =>
      JSON.parse(gas.UrlFetchApp.fetch(`${api.url}/n/a b?q=x%20y|z`).getContentText()),
    );
    expect(echoed.url).toBe('/n/a%20b?q=x%20y%7Cz');
  });
});

describe('UrlFetchApp responses (HTTPResponse reference)', () => {
  it('exposes the status, the text and the content as signed bytes', () => {
    const got = local().run((gas) => {
      const r = gas.UrlFetchApp.fetch(`${api.url}/bytes`);
      return [r.getResponseCode(), r.getContent()];
    });
    expect(got).toEqual([200, [0, 127, -128, -1]]);
  });

  it('decodes text with the charset the server declared, or the one asked for', () => {
    const got = local().run((gas) => {
      const r = gas.UrlFetchApp.fetch(`${api.url}/latin1`);
      return [r.getContentText(), r.getContentText('UTF-8').length];
    });
    expect(got[0]).toBe('café');
    expect(got[1]).toBe(4);
  });

  it('returns headers as an object, and repeated headers as arrays from getAllHeaders', () => {
    const got = local().run((gas) => {
      const r = gas.UrlFetchApp.fetch(`${api.url}/cookies`);
      return [r.getHeaders(), r.getAllHeaders()] as Array<Record<string, unknown>>;
    });
    expect(got[0]['X-One']).toBe('single');
    expect(got[0]['Set-Cookie']).toBe('a=1');
    expect(got[1]['Set-Cookie']).toEqual(['a=1', 'b=2']);
    expect(got[1]['X-One']).toBe('single');
  });

  it('gives the body as a blob typed by the Content-Type header', () => {
    const got = local().run((gas) => {
      const blob = gas.UrlFetchApp.fetch(`${api.url}/json`).getBlob();
      return [blob.getContentType(), blob.getDataAsString()];
    });
    expect(got).toEqual(['application/json', '{"ok":true}']);
  });

  it('decompresses a gzip-encoded response', () => {
    expect(local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/gzip`).getContentText())).toBe(
      'compressed hello',
    );
  });

  it('follows redirects by default, and returns the redirect itself when followRedirects is false', () => {
    const got = local().run((gas) => {
      const followed = gas.UrlFetchApp.fetch(`${api.url}/redirect`);
      const raw = gas.UrlFetchApp.fetch(`${api.url}/redirect`, { followRedirects: false });
      return [
        followed.getResponseCode(),
        followed.getContentText(),
        raw.getResponseCode(),
        (raw.getHeaders() as Record<string, string>).Location,
      ];
    });
    expect(got).toEqual([200, '{"ok":true}', 302, '/json']);
  });
});

describe('UrlFetchApp failures', () => {
  it('throws on a status of 400 or more, naming the host and the start of the body', () => {
    const message = thrown(() =>
      local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/unauthorized?key=1`)),
    );
    expect(message).toBe(
      `Request failed for ${api.url} returned code 401. Truncated server response: {"error":"bad key"} (use muteHttpExceptions option to examine full response)`,
    );
  });

  it('cuts a long error body to 150 characters including the ellipsis', () => {
    const message = thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/long-error`)));
    expect(message).toContain(
      `Truncated server response: ${LONG_ERROR.slice(0, 147)}... (use muteHttpExceptions`,
    );
  });

  it('returns error responses untouched when muteHttpExceptions is true', () => {
    const got = local().run((gas) => {
      const r = gas.UrlFetchApp.fetch(`${api.url}/missing`, { muteHttpExceptions: true });
      return [r.getResponseCode(), r.getContentText()];
    });
    expect(got).toEqual([404, 'nope']);
  });

  it('reports a refused connection as "Address unavailable: <url>"', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const url = `http://127.0.0.1:${port}/x`;
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(url)))).toBe(
      `Address unavailable: ${url}`,
    );
  });

  it('reports a host that does not resolve as "DNS error: <url>"', () => {
    const url = 'http://no-such-host.invalid/path';
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(url)))).toBe(`DNS error: ${url}`);
  });

  it('refuses a response over 50 MB', () => {
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/huge`)))).toBe(
      'Limit Exceeded: URLFetch response size.',
    );
    expect(local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/big-ok`).getContent().length)).toBe(
      1024 * 1024,
    );
  });

  it('refuses a payload over 50 MB before sending anything', () => {
    const payload = 'x'.repeat(50 * 1024 * 1024 + 1);
    expect(
      thrown(() =>
        local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/echo`, { method: 'post', payload })),
      ),
    ).toBe('Limit Exceeded: URLFetch POST Size.');
  });

  it('encodes a string payload in the charset its content type names', () => {
    const echoed = local().run((gas) =>
      JSON.parse(
        gas.UrlFetchApp.fetch(`${api.url}/echo`, {
          method: 'post',
          payload: 'café',
          contentType: 'text/plain; charset=ISO-8859-1',
        }).getContentText(),
      ),
    );
    expect([...Buffer.from(echoed.bodyBase64, 'base64')]).toEqual([0x63, 0x61, 0x66, 0xe9]);
  });

  it('refuses a URL longer than 2,082 characters', () => {
    const url = `${api.url}/echo?q=${'a'.repeat(2100)}`;
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(url)))).toBe(
      'Limit Exceeded: URLFetch URL Length.',
    );
  });

  it('refuses more than 100 headers', () => {
    const headers = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`X-H${i}`, 'v']));
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(`${api.url}/echo`, { headers })))).toBe(
      'Limit Exceeded: URLFetch headers.',
    );
  });

  it('refuses a malformed URL', () => {
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch('not a url')))).toBe(
      'Invalid argument: not%20a%20url',
    );
  });

  it('is refused in AuthMode.LIMITED and allowed for custom functions', () => {
    const emu = local();
    expect(
      thrown(() => emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`), { authMode: 'LIMITED' })),
    ).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(
      emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`).getResponseCode(), {
        authMode: 'CUSTOM_FUNCTION',
        kind: 'custom-function',
      }),
    ).toBe(200);
  });
});

describe('UrlFetchApp.fetchAll (parallel requests, results in order)', () => {
  it('returns responses in request order, accepting URLs and request objects', () => {
    const got = local().run((gas) =>
      gas.UrlFetchApp.fetchAll([
        `${api.url}/n/1`,
        { url: `${api.url}/n/2`, method: 'post', payload: 'two' },
        `${api.url}/n/3`,
      ]).map((r) => JSON.parse(r.getContentText())),
    );
    expect(got.map((e) => [e.method, e.url, e.body])).toEqual([
      ['GET', '/n/1', ''],
      ['POST', '/n/2', 'two'],
      ['GET', '/n/3', ''],
    ]);
  });

  it('costs about the slowest request in simulated time, not the sum, unlike sequential fetches', () => {
    const emu = local();
    const urls = Array.from({ length: 5 }, () => `${api.url}/slow`);
    const t0 = emu.clock.now();
    emu.run((gas) => gas.UrlFetchApp.fetchAll(urls));
    const parallel = emu.clock.now() - t0;
    const t1 = emu.clock.now();
    emu.run((gas) => urls.map((u) => gas.UrlFetchApp.fetch(u)));
    const sequential = emu.clock.now() - t1;
    expect(parallel).toBeGreaterThanOrEqual(300);
    expect(sequential).toBeGreaterThanOrEqual(5 * 300);
    expect(parallel).toBeLessThan(sequential / 2);
  });

  it('throws on the first failure in request order unless muted', () => {
    const urls = [`${api.url}/json`, `${api.url}/long-error`, `${api.url}/missing`];
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetchAll(urls)))).toMatch(/returned code 500/);
    const codes = local().run((gas) =>
      gas.UrlFetchApp.fetchAll(urls.map((url) => ({ url, muteHttpExceptions: true }))).map((r) =>
        r.getResponseCode(),
      ),
    );
    expect(codes).toEqual([200, 500, 404]);
  });
});

describe('UrlFetchApp allowlist (manifest urlFetchWhitelist)', () => {
  const request = (emu: ReturnType<typeof emulator>, url: string) => () =>
    emu.run((gas) => gas.UrlFetchApp.getRequest(url).url);

  it('refuses URLs outside the allowlist when local mode is off', () => {
    const emu = emulator({ localMode: false, urlFetchWhitelist: ['https://api.stripe.com/'] });
    expect(request(emu, 'https://api.stripe.com/v1/charges')()).toBe('https://api.stripe.com/v1/charges');
    expect(thrown(request(emu, 'https://evil.example.com/steal'))).toMatch(/not permitted/);
    expect(thrown(request(emu, `${api.url}/json`))).toMatch(/not permitted/);
    expect(thrown(() => emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`)))).toMatch(/not permitted/);
  });

  it('refuses plain http even for an allowlisted host: entries are https only', () => {
    const emu = emulator({ localMode: false, urlFetchWhitelist: ['https://api.stripe.com/'] });
    expect(thrown(request(emu, 'http://api.stripe.com/v1/charges'))).toMatch(/not permitted/);
  });

  it('matches one leading *. wildcard against subdomains', () => {
    const emu = emulator({ localMode: false, urlFetchWhitelist: ['https://*.myshopify.com/admin/'] });
    expect(request(emu, 'https://shop1.myshopify.com/admin/api/orders.json')()).toMatch(/^https:\/\/shop1/);
    expect(thrown(request(emu, 'https://shop1.myshopify.com/other'))).toMatch(/not permitted/);
  });

  it('always allows http and loopback hosts in local mode, so mock servers work', () => {
    const emu = emulator({ localMode: true, urlFetchWhitelist: ['https://api.stripe.com/'] });
    expect(emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`).getResponseCode())).toBe(200);
    expect(thrown(request(emu, 'https://evil.example.com/'))).toMatch(/not permitted/);
  });

  it('allows any URL when no allowlist is defined (a test deployment)', () => {
    const emu = emulator({ localMode: false, urlFetchWhitelist: undefined });
    expect(request(emu, 'https://anything.example.com/x')()).toBe('https://anything.example.com/x');
  });
});

describe('UrlFetchApp quota, cost and request log', () => {
  it('counts every request (fetchAll included) against the daily quota, then refuses', () => {
    const emu = emulator({ quotas: { urlFetchPerDay: 3 } });
    emu.run((gas) => gas.UrlFetchApp.fetchAll([`${api.url}/json`, `${api.url}/json`]));
    emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`));
    expect(thrown(() => emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`)))).toBe(
      'Service invoked too many times for one day: urlfetch.',
    );
  });

  it('resets the quota 24 hours after the first request, per user', () => {
    const emu = emulator({ quotas: { urlFetchPerDay: 1 } });
    emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`));
    expect(
      emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`).getResponseCode(), { user: 'b@example.com' }),
    ).toBe(200);
    expect(thrown(() => emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`)))).toMatch(
      /too many times/,
    );
    emu.clock.setTo(START + 24 * 3_600_000);
    expect(emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/json`).getResponseCode())).toBe(200);
  });

  it('charges the Google-side overhead plus the real HTTP time, and counts the call', () => {
    const emu = emulator({ costModel: { urlFetchMs: 150 } });
    emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/slow`));
    const exec = emu.executions[0];
    expect(exec.durationMs).toBeGreaterThanOrEqual(450);
    expect(exec.calls['UrlFetchApp.fetch']).toBe(1);
  });

  it('charges the wait for the network once, as HTTP time, not again as script CPU', () => {
    const emu = emulator({ costModel: { urlFetchMs: 150, cpuScale: 100 }, realCpu: true });
    emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/slow`));
    // 300 ms of waiting scaled as script CPU would add 30 s.
    expect(emu.executions[0].durationMs).toBeLessThan(5_000);
  });

  it('measures the CPU of its own transport apart from the script when asked (benchmarks)', () => {
    const emu = emulator({ timeServiceCpu: true });
    emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/big-ok`).getContentText());
    expect(emu.executions[0].serviceCpuMs).toBeGreaterThan(0);
  });

  it('logs each request with its status, masking credentials in headers and query strings', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.UrlFetchApp.fetch(`${api.url}/missing?api_key=sk_live_secret&page=2`, {
        headers: { Authorization: 'Bearer sk_live_secret', 'X-Api-Key': 'sk_live_secret' },
        muteHttpExceptions: true,
      }),
    );
    const [rec] = emu.services.requests;
    expect(rec).toMatchObject({
      method: 'GET',
      status: 404,
      user: 'owner@example.com',
      executionId: 1,
      url: `${api.url}/missing?api_key=***&page=2`,
      headers: { Authorization: 'Bearer ***', 'X-Api-Key': '***' },
    });
    expect(JSON.stringify(emu.save())).not.toContain('sk_live_secret');
  });
});

/** A self-signed certificate made on the spot (needs the openssl binary). */
function selfSignedCert(): { key: string; cert: string } | undefined {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'tapdash-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'k.pem'), 'utf8'), cert: readFileSync(join(dir, 'c.pem'), 'utf8') };
  } catch {
    return undefined;
  }
}

const tls = selfSignedCert();

(tls ? describe : describe.skip)('UrlFetchApp certificate checks (validateHttpsCertificates)', () => {
  let secure: MockServer;
  beforeAll(async () => {
    secure = await startMockServer([{ path: '/json', body: { ok: true } }], { tls });
  });
  afterAll(async () => {
    await secure.close();
  });

  it('refuses a server whose certificate does not validate', () => {
    expect(thrown(() => local().run((gas) => gas.UrlFetchApp.fetch(`${secure.url}/json`)))).toBe(
      `SSL Error: ${secure.url}/json`,
    );
  });

  it('accepts it when validateHttpsCertificates is false', () => {
    expect(
      local().run((gas) =>
        gas.UrlFetchApp.fetch(`${secure.url}/json`, { validateHttpsCertificates: false }).getContentText(),
      ),
    ).toBe('{"ok":true}');
  });
});
