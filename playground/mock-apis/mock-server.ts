/**
 * A small local HTTP server that plays a vendor API in tests, on 127.0.0.1 and a free port.
 *
 * It runs in a worker thread: the emulator's UrlFetchApp blocks the test's thread while a
 * request is in flight, so a server on that thread could never answer. The consequence for
 * handlers: they run in the worker, so they cannot close over test variables. Pass data in
 * `state` (JSON; the handler may change it, e.g. to count calls) and read or replace it with
 * `getState`/`setState` between executions.
 *
 *   const api = await startMockServer({
 *     state: { charges: [...] },
 *     handler: (req, state, mock) =>
 *       req.path === '/v1/charges' ? mock.paginate(state.charges, req, 'last-id', { sizeParam: 'limit' }) : undefined,
 *   });
 *   … connection config { baseUrl: api.url } …
 *   expect(await api.requests()).toHaveLength(3);
 *   await api.close();
 *
 * A handler is an arrow or function expression that uses only its arguments (it is sent to the
 * worker as source text), or, for a reusable vendor mock with imports, a module file whose
 * default export is the handler (`handlerFile`, bundled with esbuild). Returning undefined
 * answers 404; a thrown error answers 500 with the error text.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';

export interface MockRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  path: string;
  /** Query parameters, decoded (the last one wins when a name repeats). */
  query: Record<string, string>;
  /** Header names in lower case, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface MockResponse {
  status?: number;
  /** Undefined values are left out, so a helper can make a header optional. */
  headers?: Record<string, string | string[] | undefined>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait this long before answering (real time: keep it small). */
  delayMs?: number;
}

export type PaginationStyle =
  | 'page-number'
  | 'offset'
  | 'cursor'
  | 'last-id'
  | 'next-url'
  | 'link-header'
  | 'header';

export interface PaginateOptions {
  /** Key of the records array in the body; '' for a bare array. Default `data`. */
  recordsKey?: string;
  /** Page size parameter (default `per_page`, else `limit`) and the size when it is absent. */
  sizeParam?: string;
  defaultSize?: number;
  pageParam?: string;
  offsetParam?: string;
  limitParam?: string;
  /** Cursor style: the request parameter that carries `next_cursor`. Default `after`. */
  tokenParam?: string;
  /** last-id style: the record field and the request parameter. Default `id`, `starting_after`. */
  idField?: string;
  afterParam?: string;
  /** Report the total (`total_count`, `total`, X-Total-Pages) so clients can fetch in parallel. */
  withTotal?: boolean;
}

/** Helpers available to handlers as their third argument. */
export interface MockHelpers {
  json(body: unknown, init?: Omit<MockResponse, 'body'>): MockResponse;
  paginate(
    records: readonly unknown[],
    req: MockRequest,
    style: PaginationStyle,
    options?: PaginateOptions,
  ): MockResponse;
}

// biome-ignore lint/suspicious/noExplicitAny: handlers choose their own state shape.
export type MockHandler<S = any> = (
  req: MockRequest,
  state: S,
  mock: MockHelpers,
) => MockResponse | undefined | Promise<MockResponse | undefined>;

export interface MockServerOptions<S> {
  handler?: MockHandler<S>;
  /** A module whose default export is the handler; may import helpers and JSON fixtures. */
  handlerFile?: string;
  state?: S;
}

export interface MockServer<S> {
  /** `http://127.0.0.1:<port>`, to use as a connection's baseUrl. */
  readonly url: string;
  requests(): Promise<MockRequest[]>;
  clearRequests(): Promise<void>;
  getState(): Promise<S>;
  setState(state: S): Promise<void>;
  close(): Promise<void>;
}

const WORKER = resolve(__dirname, 'mock-server-worker.mjs');

function handlerSource(options: MockServerOptions<unknown>): { kind: 'function' | 'module'; code: string } {
  if (options.handler) return { kind: 'function', code: options.handler.toString() };
  if (!options.handlerFile) throw new Error('startMockServer needs a handler or a handlerFile');
  const out = buildSync({
    entryPoints: [options.handlerFile],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  return { kind: 'module', code: out.outputFiles[0].text };
}

export async function startMockServer<S = unknown>(options: MockServerOptions<S>): Promise<MockServer<S>> {
  const worker = new Worker(WORKER, {
    workerData: { handler: handlerSource(options as MockServerOptions<unknown>), state: options.state ?? {} },
    execArgv: [],
  });
  worker.unref();
  let nextId = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  const port = await new Promise<number>((resolvePort, reject) => {
    worker.once('error', reject);
    worker.on('message', (msg: { type: string; port?: number; id?: number; value?: unknown }) => {
      if (msg.type === 'listening') resolvePort(msg.port!);
      if (msg.type === 'reply') {
        waiting.get(msg.id!)?.(msg.value);
        waiting.delete(msg.id!);
      }
    });
  });
  const ask = <T>(type: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((done) => {
      const id = nextId++;
      waiting.set(id, done as (value: unknown) => void);
      worker.postMessage({ type, id, ...extra });
    });
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => ask<MockRequest[]>('requests'),
    clearRequests: () => ask<void>('clear'),
    getState: () => ask<S>('get-state'),
    setState: (state) => ask<void>('set-state', { state }),
    async close() {
      await ask('close');
      await worker.terminate();
    },
  };
}
