import { metricLabels } from '../dashboard/metric-labels';
import { comparedRows } from '../dashboard/metric-period';
import { readModelTabs } from '../dashboard/model-tabs';
import { sheetCalendar } from '../dashboard/sheet-calendar';
import type { HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { Gas } from '../platform/gas';
import type { MetricReading } from './alerts';
import { displayFor } from './metric-display';

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
 * Each headline metric's current and previous period, read from the model tabs as they are after
 * the refresh (rows are oldest first): what alerts, the digest and the sidebar's tiles compare.
 * The rows are the Dashboard tiles' rows: a flow's current period is the last one that has ended
 * in the spreadsheet's time zone, so nothing judges a half-finished month.
 */
export function readMetrics(
  gas: Gas,
  packages: readonly MetricPackage[],
  currency: string,
  now: Date = new Date(),
): Array<MetricReading & { metric: HeadlineMetric }> {
  const ss = gas.SpreadsheetApp.getActive();
  const clock = { calendar: sheetCalendar(gas, ss.getSpreadsheetTimeZone()), now };
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
    const rows = tab && col >= 0 ? comparedRows(metric, tab.header, tab.rows, clock) : undefined;
    const reading: MetricReading & { metric: HeadlineMetric } = {
      id: metric.id,
      label: labels.get(metric.id) ?? metric.label,
      value: null,
      previous: null,
      display: displayFor(metric.format, currency),
      metric,
    };
    if (!tab || !rows || rows.current === null) return reading;
    reading.value = numberOf(tab.rows[rows.current][col]);
    reading.previous = rows.previous === null ? null : numberOf(tab.rows[rows.previous][col]);
    if (rows.period) reading.period = rows.period;
    return reading;
  });
}
