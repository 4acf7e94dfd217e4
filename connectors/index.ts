import type { ConnectorSpec } from '../src/connect/connector-spec';
import { genericJson } from './generic-json/spec';

/** Every connector the add-on ships, in the order the source picker lists them. */
export const CONNECTORS: readonly ConnectorSpec[] = [genericJson];

export function findConnector(id: string): ConnectorSpec | undefined {
  return CONNECTORS.find((c) => c.id === id);
}
