/**
 * A local Stripe API for tests: the shared mock server (tests/support/mock-server.ts: a real
 * HTTP server on 127.0.0.1, port 0, on a worker thread so the emulator's synchronous UrlFetchApp
 * can reach it) answering with Stripe's documented list protocol (playground/mock-apis/stripe/protocol.ts).
 *
 *   const api = await startStripeMock({ apiKey: 'sk_test_…', data: { '/v1/customers': [...] } });
 *   … connection config { apiKey: 'sk_test_…', baseUrl: api.url } …
 *   expect(await api.requests()).toHaveLength(3);
 *   await api.close();
 */
import { join } from 'node:path';
import type { HandlerState, LoggedRequest } from '../../../playground/mock-apis/stripe/handler';
import {
  createState,
  type Fault,
  type StripeData,
  type StripeMockConfig,
} from '../../../playground/mock-apis/stripe/protocol';
import { startMockServer } from '../../support/mock-server';

export type { LoggedRequest } from '../../../playground/mock-apis/stripe/handler';
export type { Fault, StripeData, StripeMockConfig } from '../../../playground/mock-apis/stripe/protocol';

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

export async function startStripeMock(config: StripeMockConfig): Promise<StripeMock> {
  const server = await startMockServer<HandlerState>({
    handlerFile: join(__dirname, '../../../playground/mock-apis/stripe/handler.ts'),
    state: { ...createState(config), log: [] },
  });
  const update = async (change: (state: HandlerState) => void) => {
    const state = await server.getState();
    change(state);
    await server.setState(state);
  };
  return {
    url: server.url,
    requests: async () => (await server.getState()).log,
    setFaults: (faults) =>
      update((s) => {
        s.faults = faults.map((f) => ({ ...f }));
      }),
    setData: (data) =>
      update((s) => {
        s.config = { ...s.config, data };
      }),
    resetRequests: async () => {
      await server.clearRequests();
      await update((s) => {
        s.log = [];
      });
    },
    close: () => server.close(),
  };
}
