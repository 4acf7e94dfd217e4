/**
 * What the HubSpot declaration cannot say by itself.
 *
 * - CRM records come as `{id, properties: {…}, createdAt, updatedAt, archived}` with every
 *   property value a string. Columns are the properties' internal names (`amount`, `dealstage`)
 *   rather than `properties.amount`, so founders' SQL needs no brackets; only the declared
 *   properties are kept (HubSpot adds a few defaults of its own), so the tab's columns are
 *   exactly the documented ones.
 * - The search endpoint takes its filter, sort and property list in a JSON body
 *   (https://developers.hubspot.com/docs/api/crm/search): `buildBody` writes it, with the
 *   incremental filter as epoch milliseconds, the form HubSpot documents for date filters.
 * - A deleted record from the recycle bin's list needs only its id and when it was deleted; the
 *   engine would otherwise add a column for every field HubSpot sends with it.
 * - Deal pipelines list their stages inside each pipeline; a stage per row is what a model
 *   joins deals to.
 */

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One CRM record as a row: its id, the declared properties, and whether it is archived. */
export function crmRecordMapper(properties: readonly string[]): (raw: unknown) => Raw {
  return (raw) => {
    const record = isRecord(raw) ? raw : {};
    const values = isRecord(record.properties) ? record.properties : {};
    const out: Raw = { id: record.id ?? null };
    for (const name of properties) out[name] = values[name] ?? null;
    out.archived = record.archived ?? false;
    return out;
  };
}

/** A record of the recycle bin's list (`archived=true`) as a row: its id and `archivedAt`. */
export function archivedRecord(raw: unknown): Raw {
  const record = isRecord(raw) ? raw : {};
  return { id: record.id ?? null, archivedAt: record.archivedAt ?? null };
}

export interface SearchQuery {
  /** The last-modified property of the object (contacts: `lastmodifieddate`, others: `hs_lastmodifieddate`). */
  modifiedProperty: string;
  properties: readonly string[];
  limit: number;
}

/**
 * The search body: every record modified at or after the cursor, oldest change first, so the
 * bookmark can follow page by page. GTE rather than GT: when the engine starts a new query at
 * the 10,000-result cap, records sharing the last instant read may not have been read yet.
 */
export function searchBody(query: SearchQuery): (ctx: { cursor?: string | number }) => Raw {
  return ({ cursor }) => {
    const from = cursorMs(cursor);
    return {
      filterGroups:
        from === undefined
          ? []
          : [{ filters: [{ propertyName: query.modifiedProperty, operator: 'GTE', value: String(from) }] }],
      sorts: [{ propertyName: query.modifiedProperty, direction: 'ASCENDING' }],
      properties: [...query.properties],
      limit: query.limit,
    };
  };
}

function cursorMs(cursor: string | number | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const ms = typeof cursor === 'number' ? cursor * 1000 : Date.parse(cursor);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Every stage of every deal pipeline, each with its pipeline's id, label and order. */
export function selectStages(body: unknown): unknown[] {
  const pipelines = isRecord(body) && Array.isArray(body.results) ? body.results.filter(isRecord) : [];
  return pipelines.flatMap((pipeline) => {
    const stages = Array.isArray(pipeline.stages) ? pipeline.stages.filter(isRecord) : [];
    return stages.map((stage) => ({ pipeline, stage }));
  });
}

/**
 * A stage row. HubSpot sends `metadata.probability` ("0.2"; 1.0 for closed won, 0.0 for closed
 * lost) and `metadata.isClosed` ("true") as text; the column types make them a number and a flag.
 */
export function mapStage(raw: unknown): Raw {
  const { pipeline, stage } = isRecord(raw) ? (raw as { pipeline?: unknown; stage?: unknown }) : {};
  const p = isRecord(pipeline) ? pipeline : {};
  const s = isRecord(stage) ? stage : {};
  const metadata = isRecord(s.metadata) ? s.metadata : {};
  return {
    pipelineId: p.id ?? null,
    stageId: s.id ?? null,
    pipelineLabel: p.label ?? null,
    pipelineDisplayOrder: p.displayOrder ?? null,
    stageLabel: s.label ?? null,
    displayOrder: s.displayOrder ?? null,
    probability: metadata.probability ?? null,
    isClosed: metadata.isClosed ?? null,
    archived: s.archived ?? false,
  };
}
