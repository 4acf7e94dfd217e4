// The mock vendor API's HTTP server. It runs in a worker thread because the emulator's
// UrlFetchApp blocks the test's thread while a request is in flight (as Apps Script's fetch
// blocks the script): a server on that thread could never answer. Plain JS, so it loads in a
// worker without a TypeScript loader. See mock-server.ts for the API tests use.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** Server-side pagination in the common vendor styles, for handlers to build responses with. */
const mock = {
  json(body, init = {}) {
    return { status: 200, ...init, body };
  },

  /**
   * Serves `records` as one page of a paginated list, in the style the client asked for.
   * styles: page-number, offset, cursor, last-id, next-url, link-header, header (GitLab).
   */
  paginate(records, req, style, options = {}) {
    const key = options.recordsKey ?? 'data';
    const wrap = (slice, extra = {}) => (key === '' ? slice : { [key]: slice, ...extra });
    const q = req.query;
    const size = Number(q[options.sizeParam ?? 'per_page'] ?? q.limit ?? options.defaultSize ?? 10);
    const origin = `http://${req.headers.host}`;
    const urlWith = (params) => {
      const u = new URL(req.url, origin);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
      return u.toString();
    };
    switch (style) {
      case 'page-number': {
        const param = options.pageParam ?? 'page';
        const page = Number(q[param] ?? 1);
        const slice = records.slice((page - 1) * size, page * size);
        return mock.json(wrap(slice, options.withTotal ? { total_count: records.length } : {}));
      }
      case 'offset': {
        const offset = Number(q[options.offsetParam ?? 'offset'] ?? 0);
        const limit = Number(q[options.limitParam ?? 'limit'] ?? size);
        return mock.json(
          wrap(records.slice(offset, offset + limit), options.withTotal ? { total: records.length } : {}),
        );
      }
      case 'cursor': {
        const from = q[options.tokenParam ?? 'after']
          ? Number(String(q[options.tokenParam ?? 'after']).slice(1))
          : 0;
        const next = from + size < records.length ? `c${from + size}` : null;
        return mock.json(wrap(records.slice(from, from + size), { next_cursor: next }));
      }
      case 'last-id': {
        const idField = options.idField ?? 'id';
        const after = q[options.afterParam ?? 'starting_after'];
        const from = after === undefined ? 0 : records.findIndex((r) => String(r[idField]) === after) + 1;
        const slice = records.slice(from, from + size);
        return mock.json({ object: 'list', ...wrap(slice), has_more: from + size < records.length });
      }
      case 'next-url': {
        const offset = Number(q.offset ?? 0);
        const next = offset + size < records.length ? urlWith({ offset: offset + size }) : null;
        return mock.json(wrap(records.slice(offset, offset + size), { next }));
      }
      case 'link-header': {
        const page = Number(q.page ?? 1);
        const last = Math.max(1, Math.ceil(records.length / size));
        const links = [];
        if (page < last) links.push(`<${urlWith({ page: page + 1 })}>; rel="next"`);
        links.push(`<${urlWith({ page: last })}>; rel="last"`);
        return mock.json(wrap(records.slice((page - 1) * size, page * size)), {
          headers: { Link: links.join(', ') },
        });
      }
      case 'header': {
        const page = Number(q.page ?? 1);
        const pages = Math.max(1, Math.ceil(records.length / size));
        return mock.json(wrap(records.slice((page - 1) * size, page * size)), {
          headers: {
            'X-Page': String(page),
            'X-Per-Page': String(size),
            'X-Next-Page': page < pages ? String(page + 1) : '',
            'X-Total-Pages': options.withTotal === false ? undefined : String(pages),
            'X-Total': String(records.length),
          },
        });
      }
      default:
        throw new Error(`Unknown pagination style ${style}`);
    }
  },
};

function compile(source) {
  if (source.kind === 'function') return new Function(`return (${source.code});`)();
  const module = { exports: {} };
  new Function('module', 'exports', 'require', source.code)(module, module.exports, () => {
    throw new Error('A mock handler module must be self-contained (it is bundled with esbuild)');
  });
  const exported = module.exports.default ?? module.exports.handler ?? module.exports;
  if (typeof exported !== 'function') throw new Error('A mock handler module must export a function');
  return exported;
}

const handler = compile(workerData.handler);
let state = workerData.state ?? {};
let log = [];

function send(res, out) {
  const status = out.status ?? 200;
  const headers = {};
  for (const [k, v] of Object.entries(out.headers ?? {})) if (v !== undefined) headers[k] = v;
  let body = '';
  if (typeof out.body === 'string') body = out.body;
  else if (out.body !== undefined) {
    body = JSON.stringify(out.body);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
      headers['Content-Type'] = 'application/json';
  }
  res.writeHead(status, headers);
  res.end(body);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const url = new URL(req.url, 'http://mock');
    const request = {
      method: req.method,
      url: req.url,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    log.push(request);
    let out;
    try {
      out = (await handler(request, state, mock)) ?? {
        status: 404,
        body: { error: `No mock route for ${req.method} ${url.pathname}` },
      };
    } catch (e) {
      out = { status: 500, body: { error: String(e?.stack ?? e) } };
    }
    if (out.delayMs) await new Promise((r) => setTimeout(r, out.delayMs));
    send(res, out);
  });
});

server.listen(0, '127.0.0.1', () =>
  parentPort.postMessage({ type: 'listening', port: server.address().port }),
);

parentPort.on('message', (msg) => {
  const reply = (value) => parentPort.postMessage({ type: 'reply', id: msg.id, value });
  switch (msg.type) {
    case 'requests':
      return reply(log);
    case 'clear':
      log = [];
      return reply(true);
    case 'set-state':
      state = msg.state;
      return reply(true);
    case 'get-state':
      return reply(state);
    case 'close':
      return server.close(() => reply(true));
  }
});
