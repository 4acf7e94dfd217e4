/**
 * Which hidden tabs a source table is read from. Packages' SQL names tables `<connector>_<stream>`
 * (`stripe_charges`); a connection's tabs are `<connection>_<stream>` (sync/stream-loader.ts).
 * When a connector has several connections (a second Stripe account gets `stripe_2`; a first one
 * may be named `acme_stripe`), the package table is the union of every existing connection's tab
 * of that stream, so every account feeds the same metrics. A removed connection's tabs may stay
 * in the spreadsheet; they no longer feed the table, because only connections that exist count.
 * A name that is no package table (a connection's own tab, `stripe_2_charges`) reads that tab.
 *
 * Rows are not tagged with their connection (src/model/README.md says why).
 */
import type { Grid } from './run-models';

/** What resolution needs of a connection (connection-store.ts `Connection`). */
export interface ConnectionRef {
  id: string;
  connector: string;
}

/** Source table name → the tabs it is read from, first connection's tab first. */
export type SourceTabs = ReadonlyMap<string, readonly string[]>;

/** The table-name prefix of a connector's streams: its id as a connection id would spell it. */
export function connectorRoot(connector: string): string {
  return connector.replace(/[^a-z0-9_]/g, '_');
}

/**
 * Maps each package table to its tabs, from the connections that exist and the spreadsheet's
 * tab names. A tab belongs to the connection with the longest id it starts with (`stripe_2_charges`
 * is `stripe_2`'s, not `stripe`'s stream `2_charges`). The connection whose id is the connector's
 * comes first, so its column order leads; the others follow in the order given.
 */
export function resolveSourceTabs(
  connections: readonly ConnectionRef[],
  tabNames: readonly string[],
): Map<string, string[]> {
  const ordered = leadingFirst(connections);
  const byLength = [...ordered].sort((a, b) => b.id.length - a.id.length);
  const found = new Map<string, Array<{ order: number; tab: string }>>();
  for (const tab of tabNames) {
    // A full refresh's half-filled copy (sync/tab-writer.ts) is not data yet.
    if (tab.endsWith(' (loading)')) continue;
    const owner = byLength.find((c) => tab.length > c.id.length + 1 && tab.startsWith(`${c.id}_`));
    if (!owner) continue;
    const table = `${connectorRoot(owner.connector)}_${tab.slice(owner.id.length + 1)}`;
    const list = found.get(table) ?? [];
    list.push({ order: ordered.indexOf(owner), tab });
    found.set(table, list);
  }
  const out = new Map<string, string[]>();
  for (const [table, list] of found)
    out.set(
      table,
      list.sort((a, b) => a.order - b.order).map((t) => t.tab),
    );
  return out;
}

/**
 * Connections in the order their tabs join a table: the one whose id is the connector's first
 * (its columns lead), the others in the order given. The Sources panel words its cards by it.
 */
export function leadingFirst<C extends ConnectionRef>(connections: readonly C[]): C[] {
  return connections
    .map((c, index) => ({ c, rank: c.id === connectorRoot(c.connector) ? -1 : index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ c }) => c);
}

/** The tabs a table is read from: its connections' tabs, or the tab of that very name. */
export function tabsOf(table: string, sourceTabs: SourceTabs): readonly string[] {
  return sourceTabs.get(table) ?? [table];
}

/**
 * Several tabs' values as one table: columns matched by header name, in the first tab's order,
 * with columns only later tabs have appended; a cell a tab has no column for is empty (NULL).
 * Tabs with no header are skipped. A single tab comes back as it is (no copy).
 */
export function unionGrids(grids: readonly Grid[]): Grid | undefined {
  const withHeader = grids.filter((g) => g.length > 0 && g[0].some((h) => h !== ''));
  if (withHeader.length === 0) return grids[0];
  if (withHeader.length === 1) return withHeader[0];
  const header: unknown[] = [];
  const position = new Map<string, number>();
  for (const grid of withHeader)
    for (const name of grid[0]) {
      const key = String(name);
      if (key === '' || position.has(key)) continue;
      position.set(key, header.length);
      header.push(name);
    }
  const out: unknown[][] = [header];
  for (const grid of withHeader) {
    // Where each of this tab's columns lands; -1 for a repeated or empty header.
    const seen = new Set<string>();
    const target = grid[0].map((name) => {
      const key = String(name);
      if (key === '' || seen.has(key)) return -1;
      seen.add(key);
      return position.get(key)!;
    });
    const sameShape = target.length === header.length && target.every((t, i) => t === i);
    for (let r = 1; r < grid.length; r++) {
      const row = grid[r];
      if (sameShape) {
        out.push(row as unknown[]);
        continue;
      }
      const cells: unknown[] = new Array(header.length).fill('');
      for (let c = 0; c < target.length; c++) if (target[c] >= 0) cells[target[c]] = row[c];
      out.push(cells);
    }
  }
  return out;
}

/** Reads a source table: one getValues per tab it is made of. Undefined when no tab exists. */
export function readSourceTable(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: string,
  sourceTabs: SourceTabs,
): Grid | undefined {
  const grids: Grid[] = [];
  for (const tab of tabsOf(table, sourceTabs)) {
    const sheet = ss.getSheetByName(tab);
    if (sheet) grids.push(sheet.getDataRange().getValues());
  }
  return unionGrids(grids);
}

/** The source tables of the spreadsheet as it is now (one getSheets, no cell reads). */
export function spreadsheetSourceTabs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  connections: readonly ConnectionRef[],
): Map<string, string[]> {
  if (connections.length === 0) return new Map();
  return resolveSourceTabs(
    connections,
    ss.getSheets().map((s) => s.getName()),
  );
}
