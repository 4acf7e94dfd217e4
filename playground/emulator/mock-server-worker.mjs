// A scriptable HTTP server on its own thread. UrlFetchApp blocks the emulator's thread while a
// request is in flight, so a server on that same thread could never answer; this one runs in a
// worker. Routes are data (status, headers, body, delay, echo); see mock-server.ts.
import http from 'node:http';
import https from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';

let routes = workerData.routes ?? [];
const uses = new Map();
const received = [];

function matches(route, method, path) {
  if (route.method && route.method.toUpperCase() !== method) return false;
  const ok = route.path.endsWith('*') ? path.startsWith(route.path.slice(0, -1)) : path === route.path;
  if (!ok) return false;
  return route.times === undefined || (uses.get(route) ?? 0) < route.times;
}

const handler = (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    const record = {
      method: req.method,
      url: req.url,
      headers,
      body: body.toString('utf8'),
      bodyBase64: body.toString('base64'),
      at: Date.now(),
    };
    received.push(record);
    const path = new URL(req.url, 'http://mock').pathname;
    const route = routes.find((r) => matches(r, req.method, path));
    if (route) uses.set(route, (uses.get(route) ?? 0) + 1);
    const respond = () => {
      if (!route) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: `no mock route for ${req.method} ${path}` }));
        return;
      }
      let payload;
      let type;
      if (route.echo) {
        payload = Buffer.from(JSON.stringify(record));
        type = 'application/json';
      } else if (route.fillBytes !== undefined) payload = Buffer.alloc(route.fillBytes, 'x');
      else if (route.bodyBase64 !== undefined) payload = Buffer.from(route.bodyBase64, 'base64');
      else if (typeof route.body === 'string') payload = Buffer.from(route.body);
      else if (route.body !== undefined) {
        payload = Buffer.from(JSON.stringify(route.body));
        type = 'application/json';
      } else payload = Buffer.alloc(0);
      const out = [];
      if (type) out.push('Content-Type', type);
      for (const [k, v] of Object.entries(route.headers ?? {}))
        for (const one of Array.isArray(v) ? v : [v]) out.push(k, String(one));
      if (route.gzip) {
        payload = zlib.gzipSync(payload);
        out.push('Content-Encoding', 'gzip');
      }
      res.writeHead(route.status ?? 200, out);
      res.end(payload);
    };
    if (route?.delayMs) setTimeout(respond, route.delayMs);
    else respond();
  });
};

const server = workerData.tls ? https.createServer(workerData.tls, handler) : http.createServer(handler);

server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});

parentPort.on('message', (msg) => {
  if (msg.type === 'routes') {
    routes = msg.routes;
    uses.clear();
    parentPort.postMessage({ type: 'ack', id: msg.id });
  } else if (msg.type === 'requests') {
    parentPort.postMessage({ type: 'requests', id: msg.id, requests: received.slice() });
  } else if (msg.type === 'reset') {
    received.length = 0;
    parentPort.postMessage({ type: 'ack', id: msg.id });
  } else if (msg.type === 'close') {
    server.closeAllConnections?.();
    server.close(() => parentPort.postMessage({ type: 'closed' }));
  }
});
