// The UrlFetchApp transport: runs in a worker thread so the emulator can block on it (synckit,
// Atomics.wait) and give scripts the platform's synchronous fetch. Plain JS so it loads without
// a TypeScript loader in jest, tsx and the CLI.
//
// It uses node:http(s) rather than fetch(): UrlFetchApp needs the raw response headers
// (getAllHeaders returns repeated headers as arrays; fetch's Headers merges them), exact request
// headers, and per-request certificate checks (validateHttpsCertificates: false).
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { runAsWorker } from 'synckit';

const MAX_REDIRECTS = 10;

/** Requests run in parallel; results come back in request order. */
runAsWorker(async (requests) => Promise.all(requests.map(perform)));

async function perform(req) {
  const start = performance.now();
  try {
    const res = await follow(req);
    return { ok: true, ...res, elapsedMs: performance.now() - start };
  } catch (e) {
    return {
      ok: false,
      kind: classify(e),
      message: String(e?.message ?? e),
      elapsedMs: performance.now() - start,
    };
  }
}

async function follow(req) {
  let url = req.url;
  let method = req.method;
  let body = req.body;
  let headers = req.headers;
  for (let hop = 0; ; hop++) {
    const res = await once(req, url, method, headers, body);
    const location = header(res.headers, 'location');
    if (
      !req.followRedirects ||
      hop >= MAX_REDIRECTS ||
      !location ||
      ![301, 302, 303, 307, 308].includes(res.status)
    )
      return { ...res, finalUrl: url };
    url = new URL(location, url).toString();
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = headers.filter(([n]) => !/^content-(type|length)$/i.test(n));
    }
  }
}

function header(pairs, name) {
  const hit = pairs.find(([n]) => n.toLowerCase() === name);
  return hit ? hit[1] : undefined;
}

function once(req, url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const lib = u.protocol === 'https:' ? https : http;
    // Raw header arrays keep names and order exactly, but Node then adds no Host header itself.
    const flat = [];
    if (!headers.some(([n]) => n.toLowerCase() === 'host')) flat.push('Host', u.host);
    for (const [n, v] of headers) flat.push(n, v);
    if (body && !headers.some(([n]) => n.toLowerCase() === 'content-length'))
      flat.push('Content-Length', String(body.byteLength));
    const r = lib.request(
      url,
      {
        method,
        headers: flat,
        rejectUnauthorized: req.validateHttpsCertificates !== false,
        // A fresh connection per request: no keep-alive state leaks between executions.
        agent: false,
      },
      (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (c) => {
          size += c.length;
          if (size > req.maxResponseBytes) {
            res.destroy(Object.assign(new Error('response too large'), { code: 'TOO_LARGE' }));
            return;
          }
          chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const pairs = [];
            for (let i = 0; i < res.rawHeaders.length; i += 2)
              pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
            const decoded = decode(raw, header(pairs, 'content-encoding'));
            resolve({ status: res.statusCode ?? 0, headers: pairs, body: new Uint8Array(decoded) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    r.setTimeout(req.timeoutMs, () => r.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    r.on('error', reject);
    if (body) r.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    else r.end();
  });
}

function decode(raw, encoding) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(raw);
    case 'deflate':
      try {
        return zlib.inflateSync(raw);
      } catch {
        return zlib.inflateRawSync(raw);
      }
    case 'br':
      return zlib.brotliDecompressSync(raw);
    default:
      return raw;
  }
}

function classify(e) {
  const code = String(e?.code ?? '');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (code === 'TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'TOO_LARGE') return 'too-large';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'ssl';
  if (code === 'ERR_INVALID_URL' || code === 'ERR_UNESCAPED_CHARACTERS' || code === 'ERR_INVALID_CHAR')
    return 'invalid';
  return 'address';
}
