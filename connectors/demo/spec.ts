/**
 * Demo: a synthetic SaaS company (Kitelight) with two years of billing, sales, support,
 * engineering and website data. No credentials, no network: records are generated from a seed
 * and the sync time, so the first dashboard appears in seconds and is the same for everyone.
 */
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { generateDemoStream, seedFromConfig } from './generator/dataset';
import { DEMO_STREAM_SPECS } from './streams';

export const demoConnector = {
  id: 'demo',
  label: 'Demo data',
  description:
    'A sample SaaS company with two years of billing, sales, support and web data. No sign-in needed.',
  docsUrl: 'https://github.com/tapdash/tapdash/blob/main/connectors/demo/README.md',
  badge: { initials: 'DM', color: '#7c3aed' },
  fields: [],
  auth: { type: 'none' },
  baseUrl: '',
  allowedUrls: [],
  streams: DEMO_STREAM_SPECS,
  testStream: 'customers',
  generate: ({ stream, now, config }) => generateDemoStream(stream, seedFromConfig(config), now),
  freshnessHours: 24 * 7,
} satisfies ConnectorSpec;
