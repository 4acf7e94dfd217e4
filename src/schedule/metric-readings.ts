import { comparedRows } from '../dashboard/metric-period';
import { readModelTabs } from '../dashboard/model-tabs';
import { sheetCalendar } from '../dashboard/sheet-calendar';
import { currencySymbol } from '../model/formats';
import type { HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { Gas } from '../platform/gas';
import type { MetricReading } from './alerts';

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
      // As the tiles' "#,##0.##": 3.2, not 3.20.
      return (v) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
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
      label: metric.label,
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
