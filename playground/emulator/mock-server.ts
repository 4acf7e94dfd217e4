/**
 * A local HTTP server for testing code that calls UrlFetchApp, running on a worker thread
 * because the emulated (synchronous) fetch blocks this one. Routes are plain data:
 *
 *   const api = await startMockServer([{ path: '/v1/customers', body: { data: [] } }]);
 *   emu.run((gas) => gas.UrlFetchApp.fetch(`${api.url}/v1/customers`));
 *   const [req] = await api.requests();
 *   await api.close();
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface MockRoute {
  /** Any method when absent. */
  method?: string;
  /** An exact path, or a prefix ending in `*`. The query string is ignored. */
  path: string;
  status?: number;
  /** Repeat a header by giving an array. */
  headers?: Record<string, string | string[]>;
  /** A string as is; anything else as JSON (with Content-Type: application/json). */
  body?: unknown;
  bodyBase64?: string;
  /** A body of this many "x" bytes (large responses without shipping them to the worker). */
  fillBytes?: number;
  /** Real milliseconds to wait before answering. */
  delayMs?: number;
  /** Answer with the request itself as JSON (method, url, headers, body, bodyBase64). */
  echo?: boolean;
  gzip?: boolean;
  /** Serve at most this many requests, then let later routes answer. */
  times?: number;
}

export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Array<[string, string]>;
  body: string;
  bodyBase64: string;
  /** Wall-clock arrival time (Date.now()). */
  at: number;
}

export interface MockServer {
  /** http://127.0.0.1:<port> (https with the tls option) */
  url: string;
  port: number;
  requests(): Promise<ReceivedRequest[]>;
  setRoutes(routes: MockRoute[]): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface MockServerOptions {
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export async function startMockServer(
  routes: MockRoute[] = [],
  options: MockServerOptions = {},
): Promise<MockServer> {
  const worker = new Worker(join(__dirname, 'mock-server-worker.mjs'), {
    workerData: { routes, tls: options.tls },
    execArgv: [],
  });
  worker.unref();
  let nextId = 1;
  const ask = <T>(type: string, extra: object = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (msg: { id?: number } & T) => {
        if (msg.id !== id) return;
        worker.off('message', onMessage);
        resolve(msg);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage({ type, id, ...extra });
    });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (msg: { type: string; port?: number }) => {
      if (msg.type === 'listening' && msg.port) resolve(msg.port);
    });
  });
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    async requests() {
      return (await ask<{ requests: ReceivedRequest[] }>('requests')).requests;
    },
    async setRoutes(next) {
      await ask('routes', { routes: next });
    },
    async reset() {
      await ask('reset');
    },
    async close() {
      await new Promise<void>((resolve) => {
        worker.on('message', (msg: { type: string }) => {
          if (msg.type === 'closed') resolve();
        });
        worker.postMessage({ type: 'close' });
      });
      await worker.terminate();
    },
  };
}
