import { CONNECTORS } from '../../connectors/index';
import { PACKAGES } from '../../connectors/packages';
import type { ConnectorSpec } from '../connect/connector-spec';
import type { MetricPackage } from '../model/model-spec';

/** The connectors and metric packages the orchestration works with (tests pass small ones). */
export interface Catalog {
  connectors: readonly ConnectorSpec[];
  packages: readonly MetricPackage[];
}

export const DEFAULT_CATALOG: Catalog = { connectors: CONNECTORS, packages: PACKAGES };
