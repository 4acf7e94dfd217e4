/**
 * The Stripe mock's HTTP server, on its own thread: the emulator's UrlFetchApp blocks the test's
 * thread while a request is in flight, so a server there could never answer. mock-stripe.ts
 * bundles this file with esbuild and starts it as a worker.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { createState, type Fault, handleRequest, type StripeData, type StripeMockConfig } from './protocol';

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  status: number;
}

export type WorkerMessage =
  | { type: 'requests'; id: number }
  | { type: 'faults'; id: number; faults: Fault[] }
  | { type: 'data'; id: number; data: StripeData }
  | { type: 'reset'; id: number }
  | { type: 'close'; id: number };

const port = parentPort;
if (!port) throw new Error('server-worker.ts runs as a worker thread');

const state = createState(workerData as StripeMockConfig);
const log: LoggedRequest[] = [];

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers };
    const response = handleRequest(state, request);
    log.push({ ...request, status: response.status });
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  port.postMessage({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

port.on('message', (msg: WorkerMessage) => {
  switch (msg.type) {
    case 'requests':
      port.postMessage({ type: 'reply', id: msg.id, requests: log.slice() });
      return;
    case 'faults':
      state.faults = msg.faults.map((f) => ({ ...f }));
      break;
    case 'data':
      state.config = { ...state.config, data: msg.data };
      break;
    case 'reset':
      log.length = 0;
      break;
    case 'close':
      server.closeAllConnections();
      server.close(() => port.postMessage({ type: 'reply', id: msg.id }));
      return;
  }
  port.postMessage({ type: 'reply', id: msg.id });
});
