import type { ConnectorSpec } from '../src/connect/connector-spec';
import { csvUrl } from './csv-url/spec';
import { demoConnector } from './demo/spec';
import { ga4 } from './ga4/spec';
import { genericJson } from './generic-json/spec';
import { githubSpec } from './github/spec';
import { gitlabSpec } from './gitlab/spec';
import { googleSheet } from './google-sheet/spec';
import { hubspot } from './hubspot/spec';
import { shopify } from './shopify/spec';
import { stripe } from './stripe/spec';

/** Every connector the add-on ships, in the order the source picker lists them (one per line). */
export const CONNECTORS: readonly ConnectorSpec[] = [
  demoConnector,
  stripe,
  shopify,
  hubspot,
  ga4,
  githubSpec,
  gitlabSpec,
  googleSheet,
  csvUrl,
  genericJson,
];

export function findConnector(id: string): ConnectorSpec | undefined {
  return CONNECTORS.find((c) => c.id === id);
}
