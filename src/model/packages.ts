/**
 * The metric packages whose models and headline metrics ship with the add-on (one per
 * connector that has one, e.g. `connectors/demo/`). Their owners add them here.
 */
import type { MetricPackage } from './model-spec';

export const METRIC_PACKAGES: readonly MetricPackage[] = [];
