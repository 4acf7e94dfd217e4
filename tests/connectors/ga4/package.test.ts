import { ga4Package } from '../../../connectors/ga4/package';
import { ga4 } from '../../../connectors/ga4/spec';
import { validateVegaLite } from '../../../playground/cli/vega-lite-schema';
import { compileChart } from '../../../src/dashboard/compile-chart';
import { day, plain, type Row, runPackage } from './support/run-package';

/**
 * ga4_daily: 21 days, Wednesday 2024-05-29 (i = 0) to Tuesday 2024-06-18 (i = 20), with
 * sessions = 100 + i, users = 80 + i, new users = 10, key events = i mod 3, revenue = 25 per
 * key event.
 */
const DAILY: Row[] = Array.from({ length: 21 }, (_, i) => {
  const date = new Date(2024, 4, 29 + i);
  return {
    date,
    sessions: 100 + i,
    users: 80 + i,
    new_users: 10,
    key_events: i % 3,
    revenue: 25 * (i % 3),
    currency: 'USD',
  };
});

/** ga4_traffic: one row per day × source / medium × country. */
const T = (
  date: string,
  source_medium: string,
  country: string,
  country_id: string,
  sessions: number,
  new_users: number,
  key_events: number,
  revenue: number,
): Row => ({
  id: `${date} | ${source_medium} | ${country}`,
  date: day(date),
  source_medium,
  country,
  country_id,
  sessions,
  users: sessions,
  new_users,
  key_events,
  revenue,
  currency: 'USD',
});

const TRAFFIC: Row[] = [
  T('2024-05-20', 'google / organic', 'United States', 'US', 50, 20, 1, 0),
  T('2024-05-21', '(direct) / (none)', 'United States', 'US', 30, 10, 0, 0),
  T('2024-05-28', 'google / organic', 'Germany', 'DE', 40, 15, 2, 0),
  T('2024-06-04', 'newsletter / email', 'United States', 'US', 25, 5, 5, 100),
  T('2024-06-05', 'bing / organic', 'United Kingdom', 'GB', 10, 4, 0, 0),
  T('2024-06-11', 'twitter / social', 'United States', 'US', 8, 8, 0, 0),
  T('2024-06-12', 'reddit / referral', 'Canada', 'CA', 6, 6, 0, 0),
  T('2024-06-13', 'github.com / referral', 'United States', 'US', 6, 3, 0, 0),
  T('2024-06-17', '(direct) / (none)', 'Germany', 'DE', 12, 2, 0, 0),
  T('2024-06-18', 'google / organic', 'United States', 'US', 20, 5, 1, 20),
];

const run = runPackage(ga4Package, { ga4_daily: DAILY, ga4_traffic: TRAFFIC });
const out = run.rows;

describe('GA4 models', () => {
  it('all pass the model layer (guard, columns, budget) and their own declared tests', () => {
    expect(run.results.map((r) => [r.name, r.status, r.error, r.testFailures])).toEqual(
      ga4Package.models.map((m) => [m.name, 'ok', undefined, []]),
    );
  });

  it('ga4_daily_overview shows each day with its key events per session (key events ÷ sessions)', () => {
    const rows = plain(out.ga4_daily_overview);
    expect(rows).toHaveLength(21);
    // i = 5 (2024-06-03): 105 sessions, 5 mod 3 = 2 key events, 2 ÷ 105 = 0.019047… → 0.0190.
    expect(rows[5]).toEqual({
      date: '2024-06-03',
      sessions: 105,
      users: 85,
      new_users: 10,
      key_events: 2,
      key_events_per_session: 0.019,
      revenue: 50,
    });
  });

  it('ga4_weekly keeps only finished weeks that began on or after the first day synced', () => {
    // Week of 05-27 starts before the first day (05-29): left out. Week of 06-17 ends on 06-23,
    // after the newest day (06-18): left out. Week of 06-03 is i = 5…11, week of 06-10 is i = 12…18.
    // 06-03: sessions 7 × 100 + (5 + … + 11 = 56) = 756; key events 2,0,1,2,0,1,2 = 8;
    //        rate 8 ÷ 756 = 0.01058… → 0.0106; revenue 8 × 25 = 200; new users 7 × 10 = 70.
    // 06-10: sessions 700 + (12 + … + 18 = 105) = 805; key events 0,1,2,0,1,2,0 = 6;
    //        rate 6 ÷ 805 = 0.00745… → 0.0075; revenue 150.
    expect(plain(out.ga4_weekly)).toEqual([
      {
        week: '2024-06-03',
        sessions: 756,
        new_users: 70,
        key_events: 8,
        key_events_per_session: 0.0106,
        revenue: 200,
      },
      {
        week: '2024-06-10',
        sessions: 805,
        new_users: 70,
        key_events: 6,
        key_events_per_session: 0.0075,
        revenue: 150,
      },
    ]);
  });

  it('ga4_sources_28d sums the 28 days up to the newest day synced, most sessions first', () => {
    // Newest day 06-18, so the window is 05-22…06-18: the rows of 05-20 and 05-21 are out.
    // google / organic: 40 + 20 = 60 sessions, 15 + 5 = 20 new users, 2 + 1 = 3 key events
    // (3 ÷ 60 = 0.05), 0 + 20 revenue. Ties (6 sessions) are ordered by name.
    expect(plain(out.ga4_sources_28d)).toEqual([
      {
        source_medium: 'google / organic',
        sessions: 60,
        new_users: 20,
        key_events: 3,
        key_events_per_session: 0.05,
        revenue: 20,
      },
      {
        source_medium: 'newsletter / email',
        sessions: 25,
        new_users: 5,
        key_events: 5,
        key_events_per_session: 0.2,
        revenue: 100,
      },
      {
        source_medium: '(direct) / (none)',
        sessions: 12,
        new_users: 2,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
      {
        source_medium: 'bing / organic',
        sessions: 10,
        new_users: 4,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
      {
        source_medium: 'twitter / social',
        sessions: 8,
        new_users: 8,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
      {
        source_medium: 'github.com / referral',
        sessions: 6,
        new_users: 3,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
      {
        source_medium: 'reddit / referral',
        sessions: 6,
        new_users: 6,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
    ]);
  });

  it('ga4_countries_28d sums the same window by country', () => {
    // US: 25 + 8 + 6 + 20 = 59 sessions, 5 + 8 + 3 + 5 = 21 new users, 5 + 1 = 6 key events
    // (6 ÷ 59 = 0.10169… → 0.1017), 100 + 20 = 120 revenue. DE: 40 + 12 = 52, key events 2
    // (2 ÷ 52 = 0.03846… → 0.0385).
    expect(plain(out.ga4_countries_28d)).toEqual([
      {
        country: 'United States',
        country_id: 'US',
        sessions: 59,
        new_users: 21,
        key_events: 6,
        key_events_per_session: 0.1017,
        revenue: 120,
      },
      {
        country: 'Germany',
        country_id: 'DE',
        sessions: 52,
        new_users: 17,
        key_events: 2,
        key_events_per_session: 0.0385,
        revenue: 0,
      },
      {
        country: 'United Kingdom',
        country_id: 'GB',
        sessions: 10,
        new_users: 4,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
      {
        country: 'Canada',
        country_id: 'CA',
        sessions: 6,
        new_users: 6,
        key_events: 0,
        key_events_per_session: 0,
        revenue: 0,
      },
    ]);
  });

  it('ga4_source_rank ranks sources by all their sessions, breaking ties by name', () => {
    // google 50 + 40 + 20 = 110, direct 30 + 12 = 42, newsletter 25, bing 10, twitter 8,
    // github.com 6 and reddit 6 (tie: "github.com…" sorts before "reddit…").
    expect(out.ga4_source_rank.map((r) => [r.source_medium, r.sessions, r.rank])).toEqual([
      ['google / organic', 110, 1],
      ['(direct) / (none)', 42, 2],
      ['newsletter / email', 25, 3],
      ['bing / organic', 10, 4],
      ['twitter / social', 8, 5],
      ['github.com / referral', 6, 6],
      ['reddit / referral', 6, 7],
    ]);
  });

  it('keeps the ranking step’s tab hidden and shows every other model', () => {
    expect(ga4Package.models.filter((m) => m.hidden).map((m) => m.name)).toEqual(['ga4_source_rank']);
  });

  it('ga4_channels_weekly keeps the top five sources and puts the rest in Other, per finished week', () => {
    // First day 05-20 (a Monday), newest 06-18: weeks 05-20 … 06-10 are finished, 06-17 is not.
    // Week of 06-10: twitter 8; reddit 6 + github.com 6 = 12 as Other (ranks 6 and 7).
    expect(plain(out.ga4_channels_weekly)).toEqual([
      { week: '2024-05-20', channel: '(direct) / (none)', sessions: 30, key_events: 0 },
      { week: '2024-05-20', channel: 'google / organic', sessions: 50, key_events: 1 },
      { week: '2024-05-27', channel: 'google / organic', sessions: 40, key_events: 2 },
      { week: '2024-06-03', channel: 'bing / organic', sessions: 10, key_events: 0 },
      { week: '2024-06-03', channel: 'newsletter / email', sessions: 25, key_events: 5 },
      { week: '2024-06-10', channel: 'Other', sessions: 12, key_events: 0 },
      { week: '2024-06-10', channel: 'twitter / social', sessions: 8, key_events: 0 },
    ]);
  });

  it('returns empty models, not errors, before the first sync brings rows', () => {
    const header = (stream: string) => ga4.streams.find((s) => s.name === stream)!.columns.map((c) => c.name);
    const empty = runPackage(
      ga4Package,
      { ga4_daily: [], ga4_traffic: [] },
      { ga4_daily: header('daily'), ga4_traffic: header('traffic') },
    );
    for (const r of empty.results) expect([r.name, r.status, r.rows]).toEqual([r.name, 'ok', []]);
  });
});

describe('GA4 package declarations', () => {
  const columnsOf = (stream: string) =>
    new Set(ga4.streams.find((s) => s.name === stream)!.columns.map((c) => c.name));

  it('reads only columns the streams declare', () => {
    const daily = columnsOf('daily');
    const traffic = columnsOf('traffic');
    for (const name of ['date', 'sessions', 'users', 'new_users', 'key_events', 'revenue'])
      expect(daily).toContain(name);
    for (const name of ['id', 'date', 'source_medium', 'country', 'country_id', 'sessions', 'new_users'])
      expect(traffic).toContain(name);
  });

  it('points every headline metric at a model column that exists', () => {
    for (const metric of ga4Package.metrics) {
      const rows = out[metric.model];
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0])).toEqual(expect.arrayContaining([metric.valueColumn, metric.periodColumn]));
    }
  });

  it('draws every chart from a model and its columns', () => {
    for (const chart of ga4Package.charts) {
      const spec = chart.spec as {
        data: { name: string };
        transform?: Array<{ fold?: string[] }>;
        encoding: Record<string, { field?: string }>;
      };
      const rows = out[spec.data.name];
      expect(rows?.length).toBeGreaterThan(0);
      const columns = new Set(Object.keys(rows[0]));
      for (const f of spec.transform?.flatMap((t) => t.fold ?? []) ?? []) expect(columns).toContain(f);
      const folded = new Set(['measure', 'value']);
      for (const channel of Object.values(spec.encoding)) {
        if (channel.field && !folded.has(channel.field)) expect(columns).toContain(channel.field);
      }
    }
  });

  it.each(ga4Package.charts.map((c) => [c.id, c] as const))(
    'chart %s is valid Vega-Lite that Sheets draws natively from its model',
    (_id, chart) => {
      expect(validateVegaLite(chart.spec)).toEqual({ valid: true });
      const model = (chart.spec as { data: { name: string } }).data.name;
      const plan = compileChart(chart.spec, { model, rows: out[model] }, { chart: chart.title });
      expect(plan).toMatchObject({ native: true });
    },
  );
});
