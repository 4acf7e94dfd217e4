import { isDateFormat } from './number-format';

/**
 * Cell formatting is stored the way spreadsheet files store it: each cell holds a small integer
 * into a table of distinct styles (0 = no formatting), so a 100,000-row tab formatted in two
 * ways costs two style objects, not 100,000.
 */

export interface CellStyle {
  numberFormat?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
}

export type StyleProp = keyof CellStyle;

export class StyleTable {
  private readonly styles: CellStyle[] = [{}];
  private readonly index = new Map<string, number>([['{}', 0]]);
  /** Remembers "style id + one change → new id" so bulk formatting does not re-intern per cell. */
  private readonly transitions = new Map<StyleProp, Map<unknown, Map<number, number>>>();

  /** Per style id: does its number format make cells read as dates? (filled lazily) */
  private readonly dateFlags: (boolean | undefined)[] = [];

  get(id: number | null | undefined): CellStyle {
    return (id && this.styles[id]) || this.styles[0];
  }

  /** Whether cells with this style read back as JS Dates. */
  isDate(id: number | null | undefined): boolean {
    if (!id) return false;
    let flag = this.dateFlags[id];
    if (flag === undefined) {
      flag = isDateFormat(this.get(id).numberFormat);
      this.dateFlags[id] = flag;
    }
    return flag;
  }

  intern(style: CellStyle): number {
    const key = canonicalKey(style);
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(Object.freeze({ ...style }) as CellStyle);
      this.index.set(key, id);
    }
    return id;
  }

  /** The id of `id`'s style with one property changed (undefined removes it). */
  with<K extends StyleProp>(id: number | null | undefined, prop: K, value: CellStyle[K] | undefined): number {
    const from = id ?? 0;
    let byValue = this.transitions.get(prop);
    if (!byValue) {
      byValue = new Map();
      this.transitions.set(prop, byValue);
    }
    const key = value ?? null;
    let byFrom = byValue.get(key);
    if (!byFrom) {
      if (byValue.size > 10_000) byValue.clear();
      byFrom = new Map();
      byValue.set(key, byFrom);
    }
    const cached = byFrom.get(from);
    if (cached !== undefined) return cached;
    const next: CellStyle = { ...this.get(from) };
    if (value === undefined || value === null) delete next[prop];
    else next[prop] = value;
    const result = this.intern(next);
    byFrom.set(from, result);
    return result;
  }

  toJSON(): CellStyle[] {
    return this.styles;
  }

  static fromJSON(list: CellStyle[] | undefined): StyleTable {
    const table = new StyleTable();
    if (!list) return table;
    // Ids in saved sheets index this list, so it is restored position for position.
    for (let i = 1; i < list.length; i++) {
      const key = canonicalKey(list[i]);
      table.styles.push(Object.freeze({ ...list[i] }));
      if (!table.index.has(key)) table.index.set(key, i);
    }
    return table;
  }
}

function canonicalKey(style: CellStyle): string {
  const keys = Object.keys(style).sort() as StyleProp[];
  const parts: string[] = [];
  for (const k of keys) if (style[k] !== undefined) parts.push(`${k}:${JSON.stringify(style[k])}`);
  return parts.length ? `{${parts.join(',')}}` : '{}';
}
