import type { ConnectorSpec } from '../src/connect/connector-spec';
import { demoConnector } from './demo/spec';
import { genericJson } from './generic-json/spec';
import { githubSpec } from './github/spec';
import { gitlabSpec } from './gitlab/spec';

/** Every connector the add-on ships, in the order the source picker lists them. */
export const CONNECTORS: readonly ConnectorSpec[] = [demoConnector, githubSpec, gitlabSpec, genericJson];

export function findConnector(id: string): ConnectorSpec | undefined {
  return CONNECTORS.find((c) => c.id === id);
}
