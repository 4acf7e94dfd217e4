import { saveConnection } from '../../src/connect/connection-store';
import type { MetricPackage } from '../../src/model/model-spec';
import {
  type AlertRule,
  alertRuleProblem,
  evaluateAlerts,
  type MetricReading,
} from '../../src/schedule/alerts';
import { refreshAll } from '../../src/schedule/refresh-all';
import { saveScheduleSettings } from '../../src/schedule/schedule-api';
import { syncConnections } from '../../src/sync/sync-all';
import { spreadsheet } from '../settings/support';
import { tinyConnector, tinyPackage } from './support';

const usd = (v: number) => `$${v.toLocaleString('en-US')}`;
const mrr = (value: number | null, previous: number | null = null): MetricReading => ({
  id: 'mrr',
  label: 'MRR',
  value,
  previous,
  display: usd,
});
const below: AlertRule = { id: 'a1', metricId: 'mrr', kind: 'below', value: 10_000 };

describe('metric alerts', () => {
  it('fires when a metric crosses below the level', () => {
    const { firings } = evaluateAlerts([below], [mrr(9_500)], {}, '2026-01-01');
    expect(firings.map((f) => f.sentence)).toEqual(['MRR is $9,500, below your alert level of $10,000.']);
  });

  it('fires once per crossing, not on every run while the condition holds', () => {
    const first = evaluateAlerts([below], [mrr(9_500)], {}, 'd1');
    const second = evaluateAlerts([below], [mrr(9_000)], first.state, 'd2');
    expect(second.firings).toHaveLength(0);
  });

  it('fires again after the metric recovered and crossed again', () => {
    const s1 = evaluateAlerts([below], [mrr(9_500)], {}, 'd1').state;
    const s2 = evaluateAlerts([below], [mrr(11_000)], s1, 'd2').state;
    expect(evaluateAlerts([below], [mrr(9_900)], s2, 'd3').firings).toHaveLength(1);
  });

  it('fires an "above" alert only above the level', () => {
    const rule: AlertRule = { id: 'a2', metricId: 'mrr', kind: 'above', value: 100 };
    expect(evaluateAlerts([rule], [mrr(100)], {}, 'd').firings).toHaveLength(0);
    expect(evaluateAlerts([rule], [mrr(101)], {}, 'd').firings).toHaveLength(1);
  });

  it('fires a change alert when the change vs the previous period exceeds the percentage, either way', () => {
    const rule: AlertRule = { id: 'a3', metricId: 'mrr', kind: 'change', percent: 20 };
    expect(evaluateAlerts([rule], [mrr(119, 100)], {}, 'd').firings).toHaveLength(0);
    const drop = evaluateAlerts([rule], [mrr(70, 100)], {}, 'd').firings;
    expect(drop[0].sentence).toBe(
      'MRR changed -30.0% vs the previous period ($100 → $70), more than your 20% alert.',
    );
  });

  it('never fires on a missing value or a zero previous period', () => {
    const rule: AlertRule = { id: 'a4', metricId: 'mrr', kind: 'change', percent: 5 };
    expect(evaluateAlerts([rule, below], [mrr(null, 100)], {}, 'd').firings).toHaveLength(0);
    expect(evaluateAlerts([rule], [mrr(50, 0)], {}, 'd').firings).toHaveLength(0);
  });

  it('keeps the state of a rule whose metric is missing this run', () => {
    const s1 = evaluateAlerts([below], [mrr(9_000)], {}, 'd1').state;
    const s2 = evaluateAlerts([below], [], s1, 'd2').state;
    expect(evaluateAlerts([below], [mrr(8_000)], s2, 'd3').firings).toHaveLength(0);
  });

  it('explains what is wrong with an invalid rule', () => {
    expect(alertRuleProblem({ id: 'x', metricId: 'nope', kind: 'above', value: 1 }, ['mrr'])).toMatch(
      /Choose a metric/,
    );
    expect(alertRuleProblem({ id: 'x', metricId: 'mrr', kind: 'change', percent: 0 }, ['mrr'])).toMatch(
      /greater than 0/,
    );
    expect(alertRuleProblem({ id: 'x', metricId: 'mrr', kind: 'above', value: 5 }, ['mrr'])).toBeUndefined();
  });
});

describe('alerts on a flow (signups per day, counted over each day)', () => {
  const flowPackage: MetricPackage = {
    ...tinyPackage,
    metrics: tinyPackage.metrics.map((m) => ({ ...m, kind: 'flow' as const, periodUnit: 'day' as const })),
  };
  const catalog = { connectors: [tinyConnector], packages: [flowPackage] };
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  /** Four signups every day; it is just past midnight (UTC), so today has one signup so far. */
  function alertsAfterRefresh(alerts: AlertRule[]) {
    const s = spreadsheet();
    restore = s.restore;
    return s.run((gas) => {
      saveConnection(gas, { id: 'tiny', connector: 'tiny', config: {} }, tinyConnector);
      syncConnections(gas, { startedAt: Date.now(), connectors: [tinyConnector] });
      saveScheduleSettings(gas, { schedule: { kind: 'off' }, alerts }, catalog);
      refreshAll(gas, { catalog });
      return s.emu.services.outbox.filter((m) => m.subject.startsWith('Tapdash alert')).map((m) => m.body);
    });
  }

  it('does not fire on the day still running, which has only part of its signups', () => {
    const alerts = alertsAfterRefresh([
      { id: 'drop', metricId: 'signups', kind: 'change', percent: 20 },
      { id: 'low', metricId: 'signups', kind: 'below', value: 2 },
    ]);
    expect(alerts).toEqual([]);
  });

  it('judges the last complete day, and says which day it was', () => {
    const [body] = alertsAfterRefresh([{ id: 'low', metricId: 'signups', kind: 'below', value: 5 }]);
    expect(body).toMatch(/^Signups per day \(Jan 10\) was 4, below your alert level of 5\./);
  });
});
