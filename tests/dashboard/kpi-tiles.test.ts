import { Emulator } from '../../playground/emulator/emulator';
import { UTC_CALENDAR } from '../../src/dashboard/calendar';
import { changeColor, type ModelTab, planTile, TILE_COLORS } from '../../src/dashboard/kpi-tiles';
import type { PeriodClock } from '../../src/dashboard/metric-period';
import { sheetCalendar } from '../../src/dashboard/sheet-calendar';
import type { HeadlineMetric } from '../../src/model/model-spec';

/** Monday 7 December 2026, mid-afternoon: the day QA found the Dashboard full of red numbers. */
const MONDAY = new Date(Date.UTC(2026, 11, 7, 15));
const CLOCK: PeriodClock = { calendar: UTC_CALENDAR, now: MONDAY };

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
    const tile = planTile(MRR, tab([100, 120, 150]), 'USD', CLOCK);
    expect(tile.label).toBe('MRR');
    expect(tile.value).toBe("='Stripe MRR'!B4");
    expect(tile.valueFormat).toBe('[$$]#,##0');
  });

  it('draws a sparkline over the last 12 periods of the live column', () => {
    const values = Array.from({ length: 20 }, (_, i) => i * 10);
    expect(planTile(MRR, tab(values), 'USD', CLOCK).sparkline).toBe("=SPARKLINE('Stripe MRR'!B10:B21)");
    expect(planTile(MRR, tab([1, 2, 3]), 'USD', CLOCK).sparkline).toBe("=SPARKLINE('Stripe MRR'!B2:B4)");
  });

  it('compares with the previous period by formula, with an arrow', () => {
    const tile = planTile(MRR, tab([100, 120]), 'USD', CLOCK);
    expect(tile.change).toBe(
      "=IF(AND(ISNUMBER('Stripe MRR'!B3),ISNUMBER('Stripe MRR'!B2))," +
        `IF(IF('Stripe MRR'!B2=0,'Stripe MRR'!B3='Stripe MRR'!B2,ROUND(ABS('Stripe MRR'!B3/'Stripe MRR'!B2-1)*1000,0)=0),"■ no change",IF('Stripe MRR'!B3>'Stripe MRR'!B2,"▲ ","▼ ")&` +
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
    const tile = planTile(churn, tab([0.05, 0.04]), 'USD', CLOCK);
    expect(tile.change).toContain(`TEXT(ABS('Stripe MRR'!B3-'Stripe MRR'!B2)*100,"0.0")&" pts"`);
    expect(tile.valueFormat).toBe('0.0%');
  });

  it('colors a rise green when up is good, and red when down is good', () => {
    expect(planTile(MRR, tab([100, 120]), 'USD', CLOCK).changeColor).toBe(TILE_COLORS.good);
    const churn: HeadlineMetric = { ...MRR, goodDirection: 'down' };
    expect(planTile(churn, tab([100, 120]), 'USD', CLOCK).changeColor).toBe(TILE_COLORS.bad);
    expect(planTile(churn, tab([120, 100]), 'USD', CLOCK).changeColor).toBe(TILE_COLORS.good);
  });

  it('keeps a flat or unknown change grey', () => {
    expect(changeColor(5, 5, 'up')).toBe(TILE_COLORS.flat);
    expect(changeColor(null, 5, 'up')).toBe(TILE_COLORS.flat);
  });

  it('quotes tab titles that contain apostrophes', () => {
    expect(planTile(MRR, tab([1], "Founder's MRR"), 'USD', CLOCK).value).toBe("='Founder''s MRR'!B2");
  });

  it('shows the account currency, as the summary tabs do, in whole units', () => {
    expect(planTile(MRR, tab([1]), 'GBP', CLOCK).valueFormat).toBe('[$£]#,##0');
    expect(planTile(MRR, tab([1]), 'EUR', CLOCK).valueFormat).toBe('[$€]#,##0');
    expect(planTile(MRR, tab([1]), 'CHF', CLOCK).valueFormat).toBe('#,##0 [$CHF]');
  });

  it('has no change or sparkline with a single period', () => {
    const tile = planTile(MRR, tab([100]), 'USD', CLOCK);
    expect([tile.change, tile.sparkline]).toEqual(['', '']);
  });

  it('says so when the model has no tab or no rows yet', () => {
    expect(planTile(MRR, undefined, 'USD', CLOCK).value).toBe('No data yet');
    expect(planTile(MRR, tab([]), 'USD', CLOCK).value).toBe('No data yet');
  });

  it('names a value column the tab lacks', () => {
    expect(planTile({ ...MRR, valueColumn: 'arr' }, tab([1]), 'USD', CLOCK).value).toBe(
      'No “arr” column in Stripe MRR',
    );
  });
});

const REVENUE: HeadlineMetric = {
  id: 'revenue',
  label: 'Net revenue',
  model: 'stripe_revenue',
  valueColumn: 'net_revenue',
  periodColumn: 'month',
  format: 'currency',
  goodDirection: 'up',
  kind: 'flow',
  periodUnit: 'month',
};

const TIME_TO_MERGE: HeadlineMetric = {
  id: 'merge',
  label: 'Time to merge',
  model: 'merge_weekly',
  valueColumn: 'hours',
  periodColumn: 'week',
  format: 'number',
  goodDirection: 'down',
  kind: 'flow',
  periodUnit: 'week',
};

/** A tab of rows [first day of the period, value], oldest first. */
function periods(title: string, header: string[], rows: Array<[Date, number]>): ModelTab {
  return { model: title, title, header, rows };
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('KPI tiles of flows (totals and rates over a period)', () => {
  // Oct and Nov are over; December has had a week of sales.
  const revenue = periods(
    'Revenue',
    ['month', 'net_revenue'],
    [
      [day(2026, 10, 1), 11_000],
      [day(2026, 11, 1), 11_800],
      [day(2026, 12, 1), 1_473],
    ],
  );

  it('shows the last complete month, not the month still running, and names it', () => {
    const tile = planTile(REVENUE, revenue, 'USD', CLOCK);
    expect(tile.label).toBe('Net revenue · Nov 2026');
    expect(tile.value).toBe("='Revenue'!B3");
    expect(tile.sparkline).toBe("=SPARKLINE('Revenue'!B2:B3)");
  });

  it('compares the last complete month with the month before it', () => {
    const tile = planTile(REVENUE, revenue, 'USD', CLOCK);
    expect(tile.change).toContain(`IF('Revenue'!B3>'Revenue'!B2,"▲ ","▼ ")`);
    expect(tile.changeColor).toBe(TILE_COLORS.good);
  });

  it('counts a week as complete from the Monday after it', () => {
    const weeks = periods(
      'Merges',
      ['week', 'hours'],
      [
        [day(2026, 11, 23), 10],
        [day(2026, 11, 30), 16.3],
        [day(2026, 12, 7), 3.2],
      ],
    );
    expect(planTile(TIME_TO_MERGE, weeks, 'USD', CLOCK)).toMatchObject({
      label: 'Time to merge · week of Nov 30',
      value: "='Merges'!B3",
      changeColor: TILE_COLORS.bad,
    });
    const sunday = { calendar: UTC_CALENDAR, now: new Date(Date.UTC(2026, 11, 6, 23, 30)) };
    expect(planTile(TIME_TO_MERGE, weeks, 'USD', sunday)).toMatchObject({
      label: 'Time to merge · week of Nov 23',
      value: "='Merges'!B2",
    });
  });

  it("decides whether a month has ended in the spreadsheet's time zone", () => {
    const emu = new Emulator({ realCpu: false, timeZone: 'America/New_York', scriptTimeZone: 'Etc/UTC' });
    // 03:00 UTC on December 1st is still the evening of November 30th in New York.
    const tile = emu.run((gas) => {
      const calendar = sheetCalendar(gas, 'America/New_York');
      const month = (m: number) => calendar.date(2026, m, 1);
      const tab = periods(
        'Revenue',
        ['month', 'net_revenue'],
        [
          [month(10), 11_000],
          [month(11), 11_800],
        ],
      );
      return planTile(REVENUE, tab, 'USD', { calendar, now: new Date(Date.UTC(2026, 11, 1, 3)) });
    });
    expect(tile.label).toBe('Net revenue · Oct 2026');
    expect(tile.value).toBe("='Revenue'!B2");
  });

  it('says so while the first period is still running', () => {
    const tile = planTile(
      REVENUE,
      periods('Revenue', ['month', 'net_revenue'], [[day(2026, 12, 1), 400]]),
      'USD',
      CLOCK,
    );
    expect(tile).toMatchObject({ value: 'No complete month yet', change: '', sparkline: '' });
  });

  it("keeps a level (MRR) at today's value even while its month runs", () => {
    const mrr = periods(
      'MRR',
      ['month', 'mrr'],
      [
        [day(2026, 11, 1), 83_000],
        [day(2026, 12, 1), 83_032],
      ],
    );
    const tile = planTile({ ...MRR, kind: 'level' }, mrr, 'USD', CLOCK);
    expect([tile.label, tile.value]).toEqual(['MRR', "='MRR'!B3"]);
  });
});

describe('a change too small to show', () => {
  const churn: HeadlineMetric = {
    ...MRR,
    label: 'Customer churn',
    valueColumn: 'churn',
    format: 'percent',
    goodDirection: 'down',
  };

  /** The tile's change formula written beside a two-row tab, as the Dashboard tab displays it. */
  function shownChange(metric: HeadlineMetric, previous: number, current: number): string {
    const emu = new Emulator({ realCpu: false, timeZone: 'Etc/UTC' });
    return emu.run((gas) => {
      const ss = gas.SpreadsheetApp.getActive();
      ss.insertSheet('Churn')
        .getRange(1, 1, 3, 2)
        .setValues([
          ['month', metric.valueColumn],
          [day(2026, 10, 1), previous],
          [day(2026, 11, 1), current],
        ]);
      const tab = periods(
        'Churn',
        ['month', metric.valueColumn],
        [
          [day(2026, 10, 1), previous],
          [day(2026, 11, 1), current],
        ],
      );
      const cell = ss.insertSheet('Dashboard').getRange('A1');
      cell.setFormula(planTile(metric, tab, 'USD', CLOCK).change);
      return cell.getDisplayValue();
    });
  }

  it('reads "no change" in grey when a rate moved less than 0.05 points', () => {
    expect(shownChange(churn, 0.0381, 0.0379)).toBe('■ no change vs previous period');
    expect(changeColor(0.0379, 0.0381, 'down', 'percent')).toBe(TILE_COLORS.flat);
  });

  it('still shows a rate that moved 0.1 points', () => {
    expect(shownChange(churn, 0.038, 0.039)).toBe('▲ 0.1 pts vs previous period');
  });

  it('reads "no change" when an amount moved less than 0.05%', () => {
    expect(shownChange({ ...MRR, valueColumn: 'churn' }, 100_000, 100_020)).toBe(
      '■ no change vs previous period',
    );
    expect(changeColor(100_020, 100_000, 'up', 'currency')).toBe(TILE_COLORS.flat);
  });

  it('gives a change from zero as an amount', () => {
    expect(shownChange({ ...MRR, valueColumn: 'churn' }, 0, 1_500)).toBe('▲ $1,500 vs previous period');
  });
});
