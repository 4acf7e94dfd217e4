/**
 * A local Stripe API for tests: a real HTTP server on 127.0.0.1 (port 0) speaking Stripe's
 * documented list protocol (mock-stripe/protocol.ts), on a worker thread so that synchronous
 * UrlFetchApp calls from the emulator can reach it.
 *
 *   const stripe = await startStripeMock({ apiKey: 'sk_test_…', data: { '/v1/customers': [...] } });
 *   emu.run((gas) => sync(gas, { baseUrl: stripe.url, apiKey: 'sk_test_…' }));
 *   expect(await stripe.requests()).toHaveLength(3);
 *   await stripe.close();
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { Fault, StripeData, StripeMockConfig } from './mock-stripe/protocol';
import type { LoggedRequest } from './mock-stripe/server-worker';

export type { Fault, StripeData, StripeMockConfig } from './mock-stripe/protocol';
export type { LoggedRequest } from './mock-stripe/server-worker';

export interface StripeMock {
  /** `http://127.0.0.1:<port>`: the connection's base URL. */
  url: string;
  /** Every request received so far, oldest first, with the status it got. */
  requests(): Promise<LoggedRequest[]>;
  /** Replaces the faults still to be served. */
  setFaults(faults: Fault[]): Promise<void>;
  /** Replaces the account's objects (new invoices arrive, a subscription is canceled…). */
  setData(data: StripeData): Promise<void>;
  /** Forgets the requests received so far. */
  resetRequests(): Promise<void>;
  close(): Promise<void>;
}

let workerCode: string | undefined;

/** The worker bundled to plain JavaScript once per test file (workers cannot load TypeScript). */
function code(): string {
  workerCode ??= buildSync({
    entryPoints: [join(__dirname, 'mock-stripe', 'server-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  return workerCode;
}

export async function startStripeMock(config: StripeMockConfig): Promise<StripeMock> {
  const worker = new Worker(code(), { eval: true, workerData: config, execArgv: [] });
  worker.unref();
  let nextId = 1;
  const ask = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (reply: { type: string; id?: number } & T) => {
        if (reply.type !== 'reply' || reply.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(reply);
      };
      worker.on('message', onMessage);
      worker.on('error', reject);
      worker.postMessage({ ...message, id });
    });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    const onListening = (msg: { type: string; port?: number }) => {
      if (msg.type !== 'listening') return;
      worker.off('message', onListening);
      resolve(msg.port ?? 0);
    };
    worker.on('message', onListening);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests: async () => (await ask<{ requests: LoggedRequest[] }>({ type: 'requests' })).requests,
    setFaults: async (faults) => {
      await ask({ type: 'faults', faults });
    },
    setData: async (data) => {
      await ask({ type: 'data', data });
    },
    resetRequests: async () => {
      await ask({ type: 'reset' });
    },
    close: async () => {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}
