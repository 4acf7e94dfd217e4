import { changeColor, type ModelTab, planTile, TILE_COLORS } from '../../src/dashboard/kpi-tiles';
import type { HeadlineMetric } from '../../src/model/model-spec';

const MRR: HeadlineMetric = {
  id: 'mrr',
  label: 'MRR',
  model: 'stripe_mrr',
  valueColumn: 'mrr',
  periodColumn: 'month',
  format: 'currency',
  goodDirection: 'up',
};

function tab(values: number[], title = 'Stripe MRR'): ModelTab {
  return {
    model: 'stripe_mrr',
    title,
    header: ['month', 'mrr'],
    rows: values.map((v, i) => [new Date(Date.UTC(2024, i, 1)), v]),
  };
}

describe('KPI tiles', () => {
  it('shows the latest period as a live formula on the model tab', () => {
    const tile = planTile(MRR, tab([100, 120, 150]), 'USD');
    expect(tile.label).toBe('MRR');
    expect(tile.value).toBe("='Stripe MRR'!B4");
    expect(tile.valueFormat).toBe('[$$]#,##0');
  });

  it('draws a sparkline over the last 12 periods of the live column', () => {
    const values = Array.from({ length: 20 }, (_, i) => i * 10);
    expect(planTile(MRR, tab(values), 'USD').sparkline).toBe("=SPARKLINE('Stripe MRR'!B10:B21)");
    expect(planTile(MRR, tab([1, 2, 3]), 'USD').sparkline).toBe("=SPARKLINE('Stripe MRR'!B2:B4)");
  });

  it('compares with the previous period by formula, with an arrow', () => {
    const tile = planTile(MRR, tab([100, 120]), 'USD');
    expect(tile.change).toBe(
      "=IF(AND(ISNUMBER('Stripe MRR'!B3),ISNUMBER('Stripe MRR'!B2))," +
        `IF('Stripe MRR'!B3='Stripe MRR'!B2,"■ no change",IF('Stripe MRR'!B3>'Stripe MRR'!B2,"▲ ","▼ ")&` +
        `IF('Stripe MRR'!B2=0,TEXT(ABS('Stripe MRR'!B3-'Stripe MRR'!B2),"[$$]#,##0"),TEXT(ABS('Stripe MRR'!B3/'Stripe MRR'!B2-1),"0.0%")))` +
        `&" vs previous period","")`,
    );
  });

  it('gives percent metrics their change in points', () => {
    const churn: HeadlineMetric = {
      ...MRR,
      id: 'churn',
      label: 'Churn',
      valueColumn: 'mrr',
      format: 'percent',
      goodDirection: 'down',
    };
    const tile = planTile(churn, tab([0.05, 0.04]), 'USD');
    expect(tile.change).toContain(`TEXT(ABS('Stripe MRR'!B3-'Stripe MRR'!B2)*100,"0.0")&" pts"`);
    expect(tile.valueFormat).toBe('0.0%');
  });

  it('colors a rise green when up is good, and red when down is good', () => {
    expect(planTile(MRR, tab([100, 120]), 'USD').changeColor).toBe(TILE_COLORS.good);
    const churn: HeadlineMetric = { ...MRR, goodDirection: 'down' };
    expect(planTile(churn, tab([100, 120]), 'USD').changeColor).toBe(TILE_COLORS.bad);
    expect(planTile(churn, tab([120, 100]), 'USD').changeColor).toBe(TILE_COLORS.good);
  });

  it('keeps a flat or unknown change grey', () => {
    expect(changeColor(5, 5, 'up')).toBe(TILE_COLORS.flat);
    expect(changeColor(null, 5, 'up')).toBe(TILE_COLORS.flat);
  });

  it('quotes tab titles that contain apostrophes', () => {
    expect(planTile(MRR, tab([1], "Founder's MRR"), 'USD').value).toBe("='Founder''s MRR'!B2");
  });

  it('shows the account currency, as the summary tabs do, in whole units', () => {
    expect(planTile(MRR, tab([1]), 'GBP').valueFormat).toBe('[$£]#,##0');
    expect(planTile(MRR, tab([1]), 'EUR').valueFormat).toBe('[$€]#,##0');
    expect(planTile(MRR, tab([1]), 'CHF').valueFormat).toBe('#,##0 [$CHF]');
  });

  it('has no change or sparkline with a single period', () => {
    const tile = planTile(MRR, tab([100]), 'USD');
    expect([tile.change, tile.sparkline]).toEqual(['', '']);
  });

  it('says so when the model has no tab or no rows yet', () => {
    expect(planTile(MRR, undefined, 'USD').value).toBe('No data yet');
    expect(planTile(MRR, tab([]), 'USD').value).toBe('No data yet');
  });

  it('names a value column the tab lacks', () => {
    expect(planTile({ ...MRR, valueColumn: 'arr' }, tab([1]), 'USD').value).toBe(
      'No “arr” column in Stripe MRR',
    );
  });
});
