/**
 * The names the founder reads for tiles and charts. Packages name their metrics plainly ("MRR"),
 * so with Demo and Stripe both connected there would be two "MRR" tiles, two "MRR" entries in
 * the alert list and an email about "MRR" without saying which. A name that more than one
 * installed package uses is qualified with its source ("MRR · Stripe", "MRR · Demo"); a name
 * only one package uses stays as it is.
 */
import { CONNECTORS } from '../../connectors/index';
import type { ConnectorSpec } from '../connect/connector-spec';
import type { MetricPackage } from '../model/model-spec';

/** The source's name as a short tag: the picker's "Demo data" reads "Demo", like its tab names. */
export function sourceTag(connectorId: string, connectors: readonly ConnectorSpec[] = CONNECTORS): string {
  const label = connectors.find((c) => c.id === connectorId)?.label ?? connectorId;
  return label.replace(/ data$/, '');
}

/** Each headline metric's display name by metric id, qualified where the plain name is ambiguous. */
export function metricLabels(
  packages: readonly MetricPackage[],
  connectors: readonly ConnectorSpec[] = CONNECTORS,
): Map<string, string> {
  return qualify(
    packages.flatMap((p) => p.metrics.map((m) => ({ id: m.id, name: m.label, connector: p.connector }))),
    connectors,
  );
}

/** Each chart's display title by chart id, qualified where the plain title is ambiguous. */
export function chartTitles(
  packages: readonly MetricPackage[],
  connectors: readonly ConnectorSpec[] = CONNECTORS,
): Map<string, string> {
  return qualify(
    packages.flatMap((p) => p.charts.map((c) => ({ id: c.id, name: c.title, connector: p.connector }))),
    connectors,
  );
}

function qualify(
  items: ReadonlyArray<{ id: string; name: string; connector: string }>,
  connectors: readonly ConnectorSpec[],
): Map<string, string> {
  const sources = new Map<string, Set<string>>();
  for (const i of items) sources.set(i.name, (sources.get(i.name) ?? new Set()).add(i.connector));
  return new Map(
    items.map((i) => [
      i.id,
      (sources.get(i.name)?.size ?? 0) > 1 ? `${i.name} · ${sourceTag(i.connector, connectors)}` : i.name,
    ]),
  );
}
