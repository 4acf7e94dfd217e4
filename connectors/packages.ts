import type { MetricPackage } from '../src/model/model-spec';
import { demoPackage } from './demo/package';
import { ga4Package } from './ga4/package';

/** The metric packages shipped beside the connectors (models, headline metrics, charts). */
export const PACKAGES: readonly MetricPackage[] = [demoPackage, ga4Package];

/** The packages of the connectors that have a connection: what the Dashboard is built from. */
export function packagesFor(connectorIds: readonly string[]): MetricPackage[] {
  return PACKAGES.filter((p) => connectorIds.includes(p.connector));
}
