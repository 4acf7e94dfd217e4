import type { ConnectorSpec } from '../src/connect/connector-spec';
import { csvUrl } from './csv-url/spec';
import { demoConnector } from './demo/spec';
import { ga4 } from './ga4/spec';
import { genericJson } from './generic-json/spec';
import { googleSheet } from './google-sheet/spec';

/** Every connector the add-on ships, in the order the source picker lists them. */
export const CONNECTORS: readonly ConnectorSpec[] = [demoConnector, ga4, googleSheet, csvUrl, genericJson];

export function findConnector(id: string): ConnectorSpec | undefined {
  return CONNECTORS.find((c) => c.id === id);
}
