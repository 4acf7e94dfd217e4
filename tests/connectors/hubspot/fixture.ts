import type { Row } from '../github/run-models';

/**
 * A small HubSpot account as the sync engine writes it (typed cells; an empty cell is ''), for
 * the package's models. The expected results in package.test.ts are worked out from this.
 *
 * Pipelines: Sales Pipeline (order 0) and Partners (order 1).
 * Deals:
 *   open     D1 Appointment Scheduled 1,000   D2 Appointment Scheduled 3,000
 *            D3 Contract Sent 10,000           D4 Qualified To Buy (no amount)
 *            D11 Partners / Intro 8,000
 *   won      D5 5,000 (Jan 15)   D6 7,000 (Jan 28)   D8 4,000 (Feb 3)   D12 Partners / Signed 9,000 (Feb 14)
 *            D13 3,000 (Mar 1, 02:00 UTC: still Feb 29 in New York)   D14 no amount (Feb 20)
 *   lost     D7 2,000 (Jan 20)   D9 6,000 (Feb 10)   D10 1,000 (Feb 25)
 *   gone     D15 in a stage that was deleted: no stage row
 *   deleted  D16 Contract Sent 20,000 and D17 won 11,000 (Feb 5): deleted in HubSpot, so in the
 *            recycle bin's list (archivedDeals) while their last synced rows stay in the tab;
 *            D90 was deleted before the first sync and has no row.
 * Contacts: C1–C9 (see below); C10 (Feb 20, organic search) is deleted.
 */

const t = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

function stage(
  pipelineId: string,
  pipelineLabel: string,
  pipelineDisplayOrder: number,
  stageId: string,
  stageLabel: string,
  displayOrder: number,
  probability: number,
  isClosed = false,
): Row {
  return {
    pipelineId,
    stageId,
    pipelineLabel,
    pipelineDisplayOrder,
    stageLabel,
    displayOrder,
    probability,
    isClosed,
    archived: false,
  };
}

const sales = (id: string, label: string, order: number, p: number, closed = false) =>
  stage('default', 'Sales Pipeline', 0, id, label, order, p, closed);
const partners = (id: string, label: string, order: number, p: number, closed = false) =>
  stage('75e28846', 'Partners', 1, id, label, order, p, closed);

export const stages: Row[] = [
  // Listed out of order on purpose: the models order by displayOrder, not by tab order.
  partners('1001', 'Intro', 0, 0.3),
  sales('contractsent', 'Contract Sent', 2, 0.9),
  sales('appointmentscheduled', 'Appointment Scheduled', 0, 0.2),
  sales('qualifiedtobuy', 'Qualified To Buy', 1, 0.4),
  sales('closedwon', 'Closed Won', 3, 1, true),
  sales('closedlost', 'Closed Lost', 4, 0, true),
  partners('1003', 'Signed', 1, 1, true),
  partners('1004', 'Lost', 2, 0, true),
];

function deal(
  id: number,
  stageId: string,
  amount: number | '',
  closedate?: string,
  pipeline = 'default',
): Row {
  return {
    id: String(id),
    dealname: `D${id}`,
    amount,
    dealstage: stageId,
    pipeline,
    closedate: closedate ? t(closedate) : '',
    dealtype: 'newbusiness',
    hubspot_owner_id: '71234567',
    createdate: t('2024-01-02'),
    hs_lastmodifieddate: t('2024-03-01'),
    archived: false,
  };
}

export const deals: Row[] = [
  deal(1, 'appointmentscheduled', 1000, '2024-04-30'),
  deal(2, 'appointmentscheduled', 3000),
  deal(3, 'contractsent', 10000),
  deal(4, 'qualifiedtobuy', ''),
  deal(5, 'closedwon', 5000, '2024-01-15'),
  deal(6, 'closedwon', 7000, '2024-01-28'),
  deal(7, 'closedlost', 2000, '2024-01-20'),
  deal(8, 'closedwon', 4000, '2024-02-03'),
  deal(9, 'closedlost', 6000, '2024-02-10'),
  deal(10, 'closedlost', 1000, '2024-02-25'),
  deal(11, '1001', 8000, undefined, '75e28846'),
  deal(12, '1003', 9000, '2024-02-14', '75e28846'),
  deal(13, 'closedwon', 3000, '2024-03-01T02:00:00Z'),
  deal(14, 'closedwon', '', '2024-02-20'),
  deal(15, 'deletedstage', 50000, '2024-02-01'),
  deal(16, 'contractsent', 20000),
  deal(17, 'closedwon', 11000, '2024-02-05'),
];

const deleted = (id: number, at: string): Row => ({ id: String(id), archivedAt: t(at) });

/** The recycle bin's deals: D16, D17, and D90 which was deleted before it was ever synced. */
export const archivedDeals: Row[] = [
  deleted(16, '2024-02-27'),
  deleted(17, '2024-02-28'),
  deleted(90, '2023-12-01'),
];

function contact(id: number, created: string, source: string): Row {
  return {
    id: String(id),
    email: `c${id}@example.com`,
    firstname: `C${id}`,
    lastname: 'Doe',
    company: '',
    lifecyclestage: 'lead',
    hs_analytics_source: source,
    hs_analytics_source_data_1: '',
    hubspot_owner_id: '',
    createdate: t(created),
    lastmodifieddate: t(created),
    archived: false,
  };
}

export const contacts: Row[] = [
  contact(1, '2024-01-03', 'ORGANIC_SEARCH'),
  contact(2, '2024-01-10', 'ORGANIC_SEARCH'),
  contact(3, '2024-01-12', 'PAID_SEARCH'),
  contact(4, '2024-01-20', ''),
  contact(5, '2024-02-01', 'ORGANIC_SEARCH'),
  contact(6, '2024-02-14', 'OFFLINE'),
  contact(7, '2024-02-15', 'OFFLINE'),
  contact(8, '2024-02-28', 'DIRECT_TRAFFIC'),
  // 23:30 UTC on Feb 29 is 08:30 on Mar 1 in Tokyo. A source HubSpot added after this was written.
  contact(9, '2024-02-29T23:30:00Z', 'SOME_NEW_SOURCE'),
  contact(10, '2024-02-20', 'ORGANIC_SEARCH'),
];

export const archivedContacts: Row[] = [deleted(10, '2024-02-26')];

export const hubspotTables: Record<string, Row[]> = {
  hubspot_deal_stages: stages,
  hubspot_deals: deals,
  hubspot_contacts: contacts,
  hubspot_companies: [],
  hubspot_archived_deals: archivedDeals,
  hubspot_archived_contacts: archivedContacts,
  hubspot_archived_companies: [],
};
