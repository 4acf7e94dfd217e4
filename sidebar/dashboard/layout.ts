/**
 * The Dashboard layout as the sidebar edits it: tiles and charts in order, each shown or hidden.
 * Pure functions, so moving and saving are tested without a browser.
 */
import type { DashboardConfig } from '../../src/dashboard/dashboard-config';

export interface LayoutItem {
  id: string;
  label: string;
  shown: boolean;
}

/** Moves one item up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T extends { id: string }>(items: readonly T[], id: string, by: -1 | 1): T[] {
  const from = items.findIndex((i) => i.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

export function toggle<T extends LayoutItem>(items: readonly T[], id: string): T[] {
  return items.map((i) => (i.id === id ? { ...i, shown: !i.shown } : i));
}

/** The saved form: shown ids in order per kind, hidden ids per kind (a tile and a chart may share an id). */
export function toConfig(tiles: readonly LayoutItem[], charts: readonly LayoutItem[]): DashboardConfig {
  return {
    version: 2,
    tiles: tiles.filter((t) => t.shown).map((t) => t.id),
    charts: charts.filter((c) => c.shown).map((c) => c.id),
    hiddenTiles: tiles.filter((t) => !t.shown).map((t) => t.id),
    hiddenCharts: charts.filter((c) => !c.shown).map((c) => c.id),
  };
}
