/** What the source picker searches in: a connector's name, id and one-line description. */
export interface Searchable {
  id: string;
  label: string;
  description: string;
}

/**
 * The connectors matching what the user typed, in their declared order. Every word must appear
 * somewhere (so "google sheet" finds Google Sheets but not Google Analytics); case is ignored.
 */
export function matchConnectors<T extends Searchable>(connectors: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...connectors];
  return connectors.filter((c) => {
    const text = `${c.label} ${c.id} ${c.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
