/**
 * Metric alerts: "email me when MRR goes below $10,000" or "when signups change by more than
 * 20% vs the previous period". An alert fires once when its condition starts to hold and not
 * again until the condition has cleared (once per crossing, not on every run).
 */
export type AlertRule =
  | { id: string; metricId: string; kind: 'above' | 'below'; value: number }
  | { id: string; metricId: string; kind: 'change'; percent: number };

export interface MetricReading {
  id: string;
  label: string;
  value: number | null;
  previous: number | null;
  /** The period a flow's value covers ("Nov 2026"); levels are today's value and have none. */
  period?: string;
  /** Formats the value for an email ("$12,340", "4.2%"). */
  display: (v: number) => string;
}

/** Per rule: whether its condition held at the last evaluation. Stored in document properties. */
export type AlertState = Record<string, { holding: boolean; since?: string }>;

export interface AlertFiring {
  rule: AlertRule;
  metric: MetricReading;
  sentence: string;
}

export function alertRuleProblem(rule: unknown, metricIds: readonly string[]): string | undefined {
  if (!rule || typeof rule !== 'object') return 'The alert is empty.';
  const r = rule as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) return 'The alert has no id.';
  if (!metricIds.includes(r.metricId as string))
    return `Choose a metric for the alert (one of: ${metricIds.join(', ')}).`;
  if (r.kind === 'above' || r.kind === 'below') {
    return typeof r.value === 'number' && Number.isFinite(r.value)
      ? undefined
      : 'Enter the number the metric should be compared with.';
  }
  if (r.kind === 'change') {
    return typeof r.percent === 'number' && r.percent > 0 ? undefined : 'Enter a percentage greater than 0.';
  }
  return 'Choose "goes above", "goes below" or "changes by more than".';
}

function conditionHolds(rule: AlertRule, m: MetricReading): boolean {
  if (m.value === null) return false;
  if (rule.kind !== 'change') return rule.kind === 'above' ? m.value > rule.value : m.value < rule.value;
  if (m.previous === null || m.previous === 0) return false;
  return (Math.abs(m.value - m.previous) / Math.abs(m.previous)) * 100 > rule.percent;
}

function sentenceFor(rule: AlertRule, m: MetricReading): string {
  const value = m.value === null ? 'no value' : m.display(m.value);
  const label = m.period ? `${m.label} (${m.period})` : m.label;
  if (rule.kind !== 'change') {
    return `${label} ${m.period ? 'was' : 'is'} ${value}, ${rule.kind} your alert level of ${m.display(rule.value)}.`;
  }
  const prev = m.previous ?? 0;
  const change = ((m.value ?? 0) - prev) / Math.abs(prev);
  const pct = `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
  return `${label} changed ${pct} vs the previous period (${m.display(prev)} → ${value}), more than your ${rule.percent}% alert.`;
}

export function evaluateAlerts(
  rules: readonly AlertRule[],
  metrics: readonly MetricReading[],
  state: AlertState,
  nowIso: string,
): { firings: AlertFiring[]; state: AlertState } {
  const next: AlertState = {};
  const firings: AlertFiring[] = [];
  for (const rule of rules) {
    const metric = metrics.find((m) => m.id === rule.metricId);
    if (!metric) {
      // Keep the memory of a rule whose metric is temporarily missing (a failed model).
      if (state[rule.id]) next[rule.id] = state[rule.id];
      continue;
    }
    const holding = conditionHolds(rule, metric);
    const was = state[rule.id]?.holding ?? false;
    if (holding && !was) firings.push({ rule, metric, sentence: sentenceFor(rule, metric) });
    next[rule.id] = holding ? { holding, since: was ? state[rule.id]?.since : nowIso } : { holding };
  }
  return { firings, state: next };
}
