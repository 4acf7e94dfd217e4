import type { MetricPackage } from '../src/model/model-spec';
import { demoPackage } from './demo/package';
import { ga4Package } from './ga4/package';
import { githubPackage } from './github/package';
import { gitlabPackage } from './gitlab/package';
import { hubspotPackage } from './hubspot/package';
import { shopifyPackage } from './shopify/package';
import { stripePackage } from './stripe/package';

/** The metric packages shipped beside the connectors (models, headline metrics, charts; one per line). */
export const PACKAGES: readonly MetricPackage[] = [
  demoPackage,
  stripePackage,
  shopifyPackage,
  hubspotPackage,
  ga4Package,
  githubPackage,
  gitlabPackage,
];

/** The packages of the connectors that have a connection: what the Dashboard is built from. */
export function packagesFor(connectorIds: readonly string[]): MetricPackage[] {
  return PACKAGES.filter((p) => connectorIds.includes(p.connector));
}
