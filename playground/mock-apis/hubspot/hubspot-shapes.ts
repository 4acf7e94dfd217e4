/**
 * HubSpot CRM v3 objects as the API sends them: `{id, properties, createdAt, updatedAt,
 * archived}`, every property value a string (or null), instants as ISO-8601 with milliseconds
 * (https://developers.hubspot.com/docs/api/crm/understanding-the-crm). Deal pipelines carry
 * their stages, each stage's `metadata.probability` and `metadata.isClosed` as text
 * (https://developers.hubspot.com/docs/api/crm/pipelines).
 */

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  /** Set while the record is in the recycle bin (deleted in HubSpot, restorable for 90 days). */
  archivedAt?: string;
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: { isClosed: string; probability: string };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** `2024-01-05` or `2024-01-05T10:00` as HubSpot writes instants: `2024-01-05T10:00:00.000Z`. */
export function hsTime(at: string): string {
  const full = at.length === 10 ? `${at}T00:00:00Z` : at.endsWith('Z') ? at : `${at}Z`;
  return new Date(full).toISOString();
}

function record(
  id: string | number,
  created: string,
  modified: string,
  properties: Record<string, string | number | null | undefined>,
): CrmRecord {
  const props: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(properties))
    props[k] = v === undefined || v === null ? null : String(v);
  return {
    id: String(id),
    properties: { ...props, hs_object_id: String(id) },
    createdAt: hsTime(created),
    updatedAt: hsTime(modified),
    archived: false,
  };
}

export interface ContactSeed {
  id: number;
  email: string;
  created: string;
  /** Defaults to `created`. */
  modified?: string;
  source?: string | null;
  lifecyclestage?: string;
  firstname?: string;
}

export function contactJson(c: ContactSeed): CrmRecord {
  const modified = c.modified ?? c.created;
  return record(c.id, c.created, modified, {
    email: c.email,
    firstname: c.firstname ?? c.email.split('@')[0],
    lastname: 'Doe',
    company: null,
    lifecyclestage: c.lifecyclestage ?? 'lead',
    hs_analytics_source: c.source === undefined ? 'ORGANIC_SEARCH' : c.source,
    hs_analytics_source_data_1: c.source === 'OFFLINE' ? 'IMPORT' : null,
    hubspot_owner_id: '71234567',
    createdate: hsTime(c.created),
    lastmodifieddate: hsTime(modified),
  });
}

export interface CompanySeed {
  id: number;
  name: string;
  created: string;
  modified?: string;
  employees?: number;
}

export function companyJson(c: CompanySeed): CrmRecord {
  const modified = c.modified ?? c.created;
  return record(c.id, c.created, modified, {
    name: c.name,
    domain: `${c.name.toLowerCase().replace(/\W+/g, '')}.com`,
    industry: 'COMPUTER_SOFTWARE',
    country: 'United States',
    numberofemployees: c.employees ?? 25,
    annualrevenue: null,
    lifecyclestage: 'customer',
    hubspot_owner_id: '71234567',
    createdate: hsTime(c.created),
    hs_lastmodifieddate: hsTime(modified),
  });
}

export interface DealSeed {
  id: number;
  name: string;
  /** Empty amounts are allowed in HubSpot. */
  amount: number | null;
  stage: string;
  pipeline?: string;
  created: string;
  closedate?: string;
  modified?: string;
}

export function dealJson(d: DealSeed): CrmRecord {
  const modified = d.modified ?? d.closedate ?? d.created;
  return record(d.id, d.created, modified, {
    dealname: d.name,
    amount: d.amount,
    dealstage: d.stage,
    pipeline: d.pipeline ?? 'default',
    closedate: d.closedate ? hsTime(d.closedate) : null,
    dealtype: 'newbusiness',
    hubspot_owner_id: '71234567',
    createdate: hsTime(d.created),
    hs_lastmodifieddate: hsTime(modified),
  });
}

/**
 * Deletes a record as HubSpot does: it moves to the recycle bin, `archived: true` with
 * `archivedAt` (https://developers.hubspot.com/docs/api/crm/objects, "Archive").
 */
export function archive(r: CrmRecord, at: string): void {
  r.archived = true;
  r.archivedAt = hsTime(at);
}

/**
 * Restores a record from the recycle bin. Its last-modified date moves to the restore time: a
 * HubSpot developer-forum observation (integrate.hubspot.com/t/11963), not in HubSpot's docs.
 */
export function restore(r: CrmRecord, at: string, modifiedProperty: string): void {
  r.archived = false;
  delete r.archivedAt;
  r.properties[modifiedProperty] = hsTime(at);
  r.updatedAt = hsTime(at);
}

const STAMP = '2023-06-01T09:00:00.000Z';

export function stage(
  id: string,
  label: string,
  displayOrder: number,
  probability: number,
  isClosed = false,
) {
  return {
    id,
    label,
    displayOrder,
    // HubSpot writes probabilities as "0.2", "1.0", "0.0".
    metadata: { isClosed: String(isClosed), probability: probability.toFixed(1) },
    createdAt: STAMP,
    updatedAt: STAMP,
    archived: false,
  } satisfies PipelineStage;
}

/** HubSpot's default sales pipeline, with its real stage ids and probabilities. */
export function salesPipeline(): Pipeline {
  return {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', 0, 0.2),
      stage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4),
      stage('presentationscheduled', 'Presentation Scheduled', 2, 0.6),
      stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, 0.8),
      stage('contractsent', 'Contract Sent', 4, 0.9),
      stage('closedwon', 'Closed Won', 5, 1, true),
      stage('closedlost', 'Closed Lost', 6, 0, true),
    ],
    createdAt: STAMP,
    updatedAt: STAMP,
    archived: false,
  };
}

/** A second pipeline with custom (numeric) stage ids, as HubSpot gives pipelines users add. */
export function partnerPipeline(): Pipeline {
  return {
    id: '75e28846-ad0d-4be2-a027-5e1da6590b98',
    label: 'Partners',
    displayOrder: 1,
    stages: [
      stage('1001', 'Intro', 0, 0.3),
      stage('1002', 'Negotiation', 1, 0.7),
      stage('1003', 'Signed', 2, 1, true),
      stage('1004', 'Lost', 3, 0, true),
    ],
    createdAt: STAMP,
    updatedAt: STAMP,
    archived: false,
  };
}
