import { useState } from 'preact/hooks';
import type { AlertRule } from '../../src/schedule/alerts';
import { displayFor } from '../../src/schedule/metric-display';
import type { AlertMetricChoice } from '../../src/schedule/metric-readings';
import { Button } from '../ui/Button';
import { describedBy, Field } from '../ui/Field';
import { type AlertKind, alertOf, describeAlert } from './schedule-form';

interface Props {
  rules: AlertRule[];
  metrics: AlertMetricChoice[];
  onChange(rules: AlertRule[]): void;
}

/**
 * The number in what people type for an amount: "$10,000", "€ 2 500" or "5%" as they write it
 * on the Dashboard. Currency signs, spaces and a trailing % go; commas go in alertOf.
 */
export function typedAmount(text: string): string {
  return text.replace(/[\p{Sc}\s]/gu, '').replace(/%$/, '');
}

/** The alert rules: the list with a remove button each, and a small form to add one. */
export function AlertRules({ rules, metrics, onChange }: Props) {
  const [metricId, setMetricId] = useState(metrics[0]?.id ?? '');
  const [kind, setKind] = useState<AlertKind>('below');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const text = (r: AlertRule) =>
    alertText(
      r,
      metrics.find((m) => m.id === r.metricId),
    );

  if (metrics.length === 0)
    return (
      <p class="small-text muted" data-testid="alerts-none">
        Alerts watch the Dashboard's key numbers; connect a source first.
      </p>
    );
  return (
    <div data-testid="alerts">
      {rules.length === 0 ? (
        <p class="small-text muted">No alerts yet.</p>
      ) : (
        <ul class="list" aria-label="Alert rules">
          {rules.map((r) => (
            <li key={r.id} class="row" data-testid="alert-rule">
              <span class="grow">{text(r)}</span>
              <Button
                small
                danger
                label={`Remove the alert: ${text(r)}`}
                onClick={() => onChange(rules.filter((x) => x.id !== r.id))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <fieldset class="add-alert">
        <legend>Add an alert</legend>
        <Field id="alert-metric" label="Metric">
          <select id="alert-metric" value={metricId} onChange={(e) => setMetricId(e.currentTarget.value)}>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="alert-kind" label="When it">
          <select id="alert-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AlertKind)}>
            <option value="below">goes below</option>
            <option value="above">goes above</option>
            <option value="change">changes by more than (%)</option>
          </select>
        </Field>
        <Field id="alert-amount" label={kind === 'change' ? 'Percent' : 'Value'} error={problem}>
          <input
            id="alert-amount"
            inputMode="decimal"
            value={amount}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={describedBy('alert-amount', null, problem)}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </Field>
        <Button
          testId="add-alert"
          onClick={() => {
            const made = alertOf(
              metricId,
              kind,
              typedAmount(amount),
              `a${Date.now().toString(36)}${rules.length}`,
            );
            if ('problem' in made) {
              setProblem(made.problem);
              return;
            }
            setProblem(null);
            setAmount('');
            onChange([...rules, made.rule]);
          }}
        >
          Add alert
        </Button>
      </fieldset>
    </div>
  );
}

/** "MRR · Stripe goes below $10,000": the level written as the metric is (currency, percent). */
function alertText(rule: AlertRule, metric: AlertMetricChoice | undefined): string {
  if (!metric) return describeAlert(rule, rule.metricId);
  if (rule.kind === 'change') return describeAlert(rule, metric.label);
  return `${metric.label} goes ${rule.kind} ${displayFor(metric.format, metric.currency)(rule.value)}`;
}
