import { hubspotPackage } from '../../../connectors/hubspot/package';
import { hubspot } from '../../../connectors/hubspot/spec';
import { packagesFor } from '../../../connectors/packages';
import { checkPackage } from '../github/package-checks';
import { runPackage } from '../github/run-models';
import { archivedDeals, hubspotTables } from './fixture';

/**
 * The HubSpot package's models, run by the add-on's model runner on the fixture in fixture.ts
 * (which lists every deal and contact), in a UTC spreadsheet unless a test says otherwise;
 * expected results worked out by hand.
 */

const month = (iso: string) => new Date(`${iso}-01T00:00:00Z`);

const out = runPackage(hubspotPackage, hubspotTables);

describe('HubSpot package models', () => {
  it('sums open deals by stage in pipeline order, weighting amounts by stage probability', () => {
    // Appointment Scheduled: D1 1,000 + D2 3,000 = 4,000; weighted 4,000 × 0.2 = 800.
    // Qualified To Buy: D4 has no amount: 1 deal worth 0. Contract Sent: D3 10,000 × 0.9 = 9,000.
    // Partners / Intro: D11 8,000 × 0.3 = 2,400. Closed stages and D15 (deleted stage) are out.
    expect(out.hubspot_open_pipeline_by_stage).toEqual([
      {
        pipeline: 'Sales Pipeline',
        stage: 'Appointment Scheduled',
        deals: 2,
        amount: 4000,
        weighted_amount: 800,
      },
      { pipeline: 'Sales Pipeline', stage: 'Qualified To Buy', deals: 1, amount: 0, weighted_amount: 0 },
      { pipeline: 'Sales Pipeline', stage: 'Contract Sent', deals: 1, amount: 10000, weighted_amount: 9000 },
      { pipeline: 'Partners', stage: 'Intro', deals: 1, amount: 8000, weighted_amount: 2400 },
    ]);
  });

  it('totals the open pipeline now', () => {
    // 4,000 + 0 + 10,000 + 8,000 = 22,000 over 5 deals; weighted 800 + 9,000 + 2,400 = 12,200.
    expect(out.hubspot_pipeline_summary).toEqual([
      { open_deals: 5, open_pipeline: 22000, weighted_pipeline: 12200 },
    ]);
  });

  it('counts deals won and lost by close month, with the win rate and the average won deal', () => {
    // Jan: won D5 5,000 + D6 7,000; lost D7 2,000. Win rate 2 / 3; average 12,000 / 2.
    // Feb: won D8 4,000 + D12 9,000 + D14 (no amount); lost D9 6,000 + D10 1,000.
    //      Win rate 3 / 5; average over the 2 won deals with an amount: 13,000 / 2 = 6,500.
    // Mar: won D13 3,000 (Mar 1, 02:00 UTC). Win rate 1 / 1.
    expect(out.hubspot_deals_closed_monthly).toEqual([
      {
        month: month('2024-01'),
        won_deals: 2,
        won_amount: 12000,
        lost_deals: 1,
        lost_amount: 2000,
        win_rate: 0.6667,
        avg_deal_size: 6000,
      },
      {
        month: month('2024-02'),
        won_deals: 3,
        won_amount: 13000,
        lost_deals: 2,
        lost_amount: 7000,
        win_rate: 0.6,
        avg_deal_size: 6500,
      },
      {
        month: month('2024-03'),
        won_deals: 1,
        won_amount: 3000,
        lost_deals: 0,
        lost_amount: 0,
        win_rate: 1,
        avg_deal_size: 3000,
      },
    ]);
  });

  it('counts new contacts by month and original source, in HubSpot words, unknown when empty', () => {
    // Jan: C1, C2 organic; C3 paid; C4 no source. Feb: C5 organic; C6, C7 offline; C8 direct;
    // C9 a source the package has no label for, kept as HubSpot sends it.
    expect(out.hubspot_contacts_by_source_monthly).toEqual([
      { month: month('2024-01'), source: 'Organic search', contacts: 2 },
      { month: month('2024-01'), source: 'Paid search', contacts: 1 },
      { month: month('2024-01'), source: 'Unknown', contacts: 1 },
      { month: month('2024-02'), source: 'Direct traffic', contacts: 1 },
      { month: month('2024-02'), source: 'Offline sources', contacts: 2 },
      { month: month('2024-02'), source: 'Organic search', contacts: 1 },
      { month: month('2024-02'), source: 'SOME_NEW_SOURCE', contacts: 1 },
    ]);
  });

  it('counts new contacts by month, every source together', () => {
    // Jan: C1–C4 = 4. Feb: C5–C9 = 5.
    expect(out.hubspot_contacts_monthly).toEqual([
      { month: month('2024-01'), new_contacts: 4 },
      { month: month('2024-02'), new_contacts: 5 },
    ]);
  });
});

describe('HubSpot package and deleted records', () => {
  // The same account after D16, D17 and C10 are restored: only D90 is left in the recycle bin.
  const restored = runPackage(hubspotPackage, {
    ...hubspotTables,
    hubspot_archived_deals: archivedDeals.filter((r) => r.id === '90'),
    hubspot_archived_contacts: [{ id: '9999', archivedAt: new Date('2024-01-01T00:00:00Z') }],
  });

  it('leaves a deleted open deal out of the open pipeline although its row is still synced', () => {
    // D16 (Contract Sent, 20,000) is deleted: the open pipeline stays at 22,000 over 5 deals
    // (above); restored, it adds 20,000 and 20,000 × 0.9 = 18,000 weighted.
    expect(out.hubspot_deal_facts.map((r) => r.deal)).not.toContain('D16');
    expect(restored.hubspot_pipeline_summary).toEqual([
      { open_deals: 6, open_pipeline: 42000, weighted_pipeline: 30200 },
    ]);
  });

  it('leaves a deleted won deal out of deals won, the win rate and the average deal size', () => {
    // D17 (won Feb 5, 11,000) is deleted: February stays 3 won of 5 (above). Restored:
    // 4 won (24,000 over 3 with an amount) of 6: win rate 0.6667, average 8,000.
    const feb = restored.hubspot_deals_closed_monthly.find((r) => (r.month as Date).getUTCMonth() === 1);
    expect(feb).toMatchObject({ won_deals: 4, won_amount: 24000, win_rate: 0.6667, avg_deal_size: 8000 });
  });

  it('leaves a deleted contact out of new contacts, and counts it again once restored', () => {
    // C10 (Feb 20, organic search) is deleted: February has 5 new contacts (above); restored, 6.
    expect(restored.hubspot_contacts_monthly.map((r) => r.new_contacts)).toEqual([4, 6]);
    const organicFeb = restored.hubspot_contacts_by_source_monthly.find(
      (r) => (r.month as Date).getUTCMonth() === 1 && r.source === 'Organic search',
    );
    expect(organicFeb?.contacts).toBe(2);
  });
});

describe('HubSpot package in other time zones', () => {
  it('files a deal closed on Mar 1, 02:00 UTC in February for a New York spreadsheet', () => {
    // D13 closed at 21:00 on Feb 29 in New York: Feb has 4 won (16,000 over 3 with an amount)
    // and 2 lost: win rate 4 / 6 = 0.6667, average 16,000 / 3 = 5,333.33; no March row.
    const ny = runPackage(hubspotPackage, hubspotTables, 'America/New_York');
    const rows = ny.hubspot_deals_closed_monthly.map((r) => [r.won_deals, r.win_rate, r.avg_deal_size]);
    expect(rows).toEqual([
      [2, 0.6667, 6000],
      [4, 0.6667, 5333.33],
    ]);
  });

  it('counts a contact created at 23:30 UTC on Feb 29 in March for a Tokyo spreadsheet', () => {
    const tokyo = runPackage(hubspotPackage, hubspotTables, 'Asia/Tokyo');
    expect(tokyo.hubspot_contacts_monthly.map((r) => r.new_contacts)).toEqual([4, 4, 1]);
  });
});

describe('HubSpot package', () => {
  it('is registered with the packages the add-on ships', () => {
    expect(packagesFor(['hubspot'])).toEqual([hubspotPackage]);
  });
  checkPackage(hubspotPackage, hubspot, out);
});
