import { metricLabels } from '../dashboard/metric-labels';
import { readModelTabs } from '../dashboard/model-tabs';
import type { HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { MetricReading } from './alerts';
import { displayFor } from './metric-display';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function numberOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** A metric alert can offer: its name as the founder reads it, and how its values are written. */
export interface AlertMetricChoice {
  id: string;
  label: string;
  format: HeadlineMetric['format'];
  currency: string;
}

export function alertMetricChoices(
  packages: readonly MetricPackage[],
  currency: string,
): AlertMetricChoice[] {
  const labels = metricLabels(packages);
  return packages.flatMap((p) =>
    p.metrics.map((m) => ({ id: m.id, label: labels.get(m.id) ?? m.label, format: m.format, currency })),
  );
}

/**
 * The latest and previous period of each headline metric, read from the model tabs as they are
 * after the refresh (rows are oldest first): what alerts and the digest compare.
 */
export function readMetrics(
  ss: Spreadsheet,
  packages: readonly MetricPackage[],
  currency: string,
): Array<MetricReading & { metric: HeadlineMetric }> {
  const models = packages.flatMap((p) => p.models);
  const metrics = packages.flatMap((p) => p.metrics);
  const labels = metricLabels(packages);
  const used = new Set(metrics.map((m) => m.model));
  const tabs = readModelTabs(
    ss,
    models.filter((m) => used.has(m.name)),
  );
  return metrics.map((metric) => {
    const tab = tabs.get(metric.model);
    const col = tab ? tab.header.indexOf(metric.valueColumn) : -1;
    const rows = tab && col >= 0 ? tab.rows : [];
    return {
      id: metric.id,
      label: labels.get(metric.id) ?? metric.label,
      value: rows.length ? numberOf(rows[rows.length - 1][col]) : null,
      previous: rows.length > 1 ? numberOf(rows[rows.length - 2][col]) : null,
      display: displayFor(metric.format, currency),
      metric,
    };
  });
}
