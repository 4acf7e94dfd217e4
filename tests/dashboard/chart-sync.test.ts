import {
  type ChartRegistry,
  chartSignature,
  type DesiredChart,
  planChartOps,
} from '../../src/dashboard/chart-sync';

function desired(key: string, row: number, more: Partial<DesiredChart> = {}): DesiredChart {
  return {
    key,
    chartType: 'LINE',
    ranges: [{ sheet: 'Stripe MRR', row: 1, column: 1, numRows: 13, numColumns: 1 }],
    options: { title: key },
    position: { row, column: 2, offsetX: 0, offsetY: 10 },
    width: 575,
    height: 320,
    ...more,
  };
}

function registered(chart: DesiredChart, chartId: number): ChartRegistry {
  return { [chart.key]: { chartId, position: chart.position, signature: chartSignature(chart) } };
}

describe('chart sync', () => {
  it('inserts a chart it has never placed', () => {
    const chart = desired('mrr', 9);
    const plan = planChartOps([chart], {}, []);
    expect(plan.ops).toEqual([{ op: 'insert', key: 'mrr', chart }]);
    expect(plan.registry.mrr).toMatchObject({ chartId: -1, position: chart.position });
  });

  it('leaves an unchanged chart alone: no call at all', () => {
    const chart = desired('mrr', 9);
    const plan = planChartOps([chart], registered(chart, 7), [{ chartId: 7, position: chart.position }]);
    expect(plan.ops).toEqual([]);
    expect(plan.registry.mrr.chartId).toBe(7);
  });

  it('updates a chart in place when what it shows changes', () => {
    const before = desired('mrr', 9);
    const after = desired('mrr', 9, {
      ranges: [{ sheet: 'Stripe MRR', row: 1, column: 1, numRows: 14, numColumns: 1 }],
    });
    const plan = planChartOps([after], registered(before, 7), [{ chartId: 7, position: before.position }]);
    expect(plan.ops).toEqual([
      { op: 'update', key: 'mrr', chartId: 7, chart: after, position: after.position },
    ]);
  });

  it('moves a chart with the grid when the user has not moved it', () => {
    const before = desired('mrr', 9);
    const after = desired('mrr', 14);
    const plan = planChartOps([after], registered(before, 7), [{ chartId: 7, position: before.position }]);
    expect(plan.ops).toEqual([
      { op: 'update', key: 'mrr', chartId: 7, chart: after, position: after.position },
    ]);
    expect(plan.registry.mrr.position).toEqual(after.position);
  });

  it('keeps the position of a chart the user moved, even when the grid moves', () => {
    const before = desired('mrr', 9);
    const userPlace = { row: 30, column: 7, offsetX: 12, offsetY: 3 };
    const after = desired('mrr', 14, { options: { title: 'MRR (new)' } });
    const plan = planChartOps([after], registered(before, 7), [{ chartId: 7, position: userPlace }]);
    expect(plan.ops).toEqual([{ op: 'update', key: 'mrr', chartId: 7, chart: after, position: null }]);
    // Still compared with where we last put it, so it stays recognised as moved next time.
    expect(plan.registry.mrr.position).toEqual(before.position);
  });

  it('re-inserts a chart the user deleted', () => {
    const chart = desired('mrr', 9);
    expect(planChartOps([chart], registered(chart, 7), []).ops).toEqual([
      { op: 'insert', key: 'mrr', chart },
    ]);
  });

  it('removes a chart whose definition left the dashboard, and only ours', () => {
    const kept = desired('mrr', 9);
    const gone = desired('churn', 9);
    const registry = { ...registered(kept, 7), ...registered(gone, 8) };
    const existing = [7, 8, 99].map((chartId) => ({ chartId, position: kept.position }));
    const plan = planChartOps([kept], registry, existing);
    expect(plan.ops).toEqual([{ op: 'remove', key: 'churn', chartId: 8 }]);
    expect(Object.keys(plan.registry)).toEqual(['mrr']);
  });

  it('signs charts independently of option order', () => {
    const a = desired('x', 1, { options: { title: 't', colors: ['#fff'] } });
    const b = desired('x', 1, { options: { colors: ['#fff'], title: 't' } });
    expect(chartSignature(a)).toBe(chartSignature(b));
    expect(chartSignature(a)).not.toBe(
      chartSignature(desired('x', 1, { options: { title: 'u', colors: ['#fff'] } })),
    );
  });
});
