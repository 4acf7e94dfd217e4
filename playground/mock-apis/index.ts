/**
 * The vendors' mock APIs for offline demos (`npm start -- --mock-apis`): the same handlers the
 * connector tests use, each on its own local server (127.0.0.1, a free port, a worker thread),
 * seeded with a believable account. `routes` maps each vendor's real host to its mock, for the
 * emulator's UrlFetchApp host routes (playground/emulator/services/url-fetch-routes.ts).
 */
import { join } from 'node:path';
import type { HostRoutes } from '../emulator/services/url-fetch-routes';
import { DEMO_GA4_PROPERTY, demoGa4Property } from './ga4/seed';
import { demoGithubAccount } from './github/seed';
import { demoGitlabAccount } from './gitlab/seed';
import { demoHubspotAccount } from './hubspot/seed';
import { type MockRequest, type MockServer, startMockServer } from './mock-server';
import { DEMO_SHOP, demoShopifyStore } from './shopify/seed';
import { createState } from './stripe/protocol';
import { demoStripeAccount } from './stripe/seed';

/** What a demo user types into the connection form; shown in the playground's banner. */
export const DEMO_CREDENTIALS = {
  stripe: { apiKey: 'sk_test_tapdashdemo' },
  github: { token: `ghp_tapdashdemo${'0'.repeat(25)}`, owner: 'acme', repositories: 'web, api' },
  gitlab: { token: 'glpat-tapdashdemo0000000', projects: 'acme/platform' },
  ga4: { propertyId: DEMO_GA4_PROPERTY },
  hubspot: { accessToken: 'pat-na1-tapdashdemo-0000-0000-000000000000' },
  shopify: { shop: DEMO_SHOP, accessToken: `shpat_tapdashdemo${'0'.repeat(21)}` },
} as const;

export interface MockVendor {
  /** The connector id. */
  id: keyof typeof DEMO_CREDENTIALS;
  label: string;
  /** The real host the connector calls, which the emulator sends to `url`. */
  host: string;
  url: string;
  /** Field values that work against the mock (the secret is a demo key, not a real one). */
  demo: Record<string, string>;
}

export interface MockApis {
  vendors: MockVendor[];
  routes: HostRoutes;
  /** What a vendor's mock has received so far (for tests and debugging). */
  requests(id: MockVendor['id']): Promise<MockRequest[]>;
  close(): Promise<void>;
}

export interface MockApiOptions {
  /** The emulated clock: the seeded accounts end at this instant. */
  now: number;
  /** The token ScriptApp.getOAuthToken() gives the emulated user (Google APIs accept only it). */
  googleToken: string;
}

export async function startMockApis(options: MockApiOptions): Promise<MockApis> {
  const { now, googleToken } = options;
  const servers: Array<{ vendor: Omit<MockVendor, 'url'>; start: () => Promise<MockServer<unknown>> }> = [
    {
      vendor: { id: 'stripe', label: 'Stripe', host: 'api.stripe.com', demo: { ...DEMO_CREDENTIALS.stripe } },
      start: () =>
        startMockServer({
          handlerFile: join(__dirname, 'stripe/handler.ts'),
          state: {
            ...createState({ apiKey: DEMO_CREDENTIALS.stripe.apiKey, data: demoStripeAccount(now) }),
            log: [],
          },
        }),
    },
    {
      vendor: { id: 'github', label: 'GitHub', host: 'api.github.com', demo: { ...DEMO_CREDENTIALS.github } },
      start: () =>
        startMockServer({
          handlerFile: join(__dirname, 'github/mock-github.ts'),
          state: demoGithubAccount(now, DEMO_CREDENTIALS.github.token),
        }),
    },
    {
      vendor: { id: 'gitlab', label: 'GitLab', host: 'gitlab.com', demo: { ...DEMO_CREDENTIALS.gitlab } },
      start: () =>
        startMockServer({
          handlerFile: join(__dirname, 'gitlab/mock-gitlab.ts'),
          state: demoGitlabAccount(now, DEMO_CREDENTIALS.gitlab.token),
        }),
    },
    {
      vendor: {
        id: 'ga4',
        label: 'Google Analytics 4',
        host: 'analyticsdata.googleapis.com',
        demo: { ...DEMO_CREDENTIALS.ga4 },
      },
      start: () =>
        startMockServer({
          handlerFile: join(__dirname, 'ga4/mock-ga4.ts'),
          state: demoGa4Property(now, googleToken),
        }),
    },
    {
      vendor: {
        id: 'hubspot',
        label: 'HubSpot',
        host: 'api.hubapi.com',
        demo: { ...DEMO_CREDENTIALS.hubspot },
      },
      start: () =>
        startMockServer({
          handlerFile: join(__dirname, 'hubspot/mock-hubspot.ts'),
          state: demoHubspotAccount(now, DEMO_CREDENTIALS.hubspot.accessToken),
        }),
    },
    {
      vendor: { id: 'shopify', label: 'Shopify', host: DEMO_SHOP, demo: { ...DEMO_CREDENTIALS.shopify } },
      start: () =>
        startMockServer({
          handlerFile: join(__dirname, 'shopify/mock-shopify.ts'),
          state: demoShopifyStore(now, DEMO_CREDENTIALS.shopify.accessToken),
        }),
    },
  ];
  const started = await Promise.all(servers.map(async (s) => ({ ...s, server: await s.start() })));
  return {
    vendors: started.map(({ vendor, server }) => ({ ...vendor, url: server.url })),
    routes: Object.fromEntries(started.map(({ vendor, server }) => [vendor.host, server.url])),
    requests: async (id) => (await started.find((s) => s.vendor.id === id)?.server.requests()) ?? [],
    close: async () => {
      await Promise.all(started.map(({ server }) => server.close()));
    },
  };
}
