import { readModelTabs } from '../dashboard/model-tabs';
import { currencySymbol } from '../model/formats';
import type { HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { MetricReading } from './alerts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function numberOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** Formats a metric for an email, in plain ASCII-friendly text ("$12,340", "4.2%"). */
export function displayFor(format: HeadlineMetric['format'], currency: string): (v: number) => string {
  const grouped = (v: number, digits: number) =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (format) {
    case 'currency': {
      const symbol = currencySymbol(currency);
      return (v) =>
        symbol ? `${v < 0 ? '-' : ''}${symbol}${grouped(Math.abs(v), 0)}` : `${grouped(v, 0)} ${currency}`;
    }
    case 'percent':
      return (v) => `${(v * 100).toFixed(1)}%`;
    case 'integer':
      return (v) => grouped(Math.round(v), 0);
    default:
      return (v) => grouped(v, Math.abs(v) >= 100 ? 0 : 2);
  }
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
      label: metric.label,
      value: rows.length ? numberOf(rows[rows.length - 1][col]) : null,
      previous: rows.length > 1 ? numberOf(rows[rows.length - 2][col]) : null,
      display: displayFor(metric.format, currency),
      metric,
    };
  });
}
