/** One generated company shared by the Demo tests (generation is deterministic, so sharing is safe). */
import { DEFAULT_SEED, generateDemo, type Row } from '../../../../connectors/demo/generator/dataset';

/** A fixed "now" so every run sees the same company; mid-month and mid-afternoon on purpose. */
export const NOW = new Date('2026-03-18T15:30:00Z');

let data: Record<string, Row[]> | undefined;

export function demoData(): Record<string, Row[]> {
  data ??= generateDemo(DEFAULT_SEED, NOW);
  return data;
}

export function byId(rows: readonly Row[]): Map<unknown, Row> {
  return new Map(rows.map((r) => [r.id, r]));
}
