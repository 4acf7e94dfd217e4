import { type Calendar, toDate, truncateDate, UTC_CALENDAR } from './calendar';
import { cellFormatForTimeUnit } from './chart-formats';
import type {
  AggregateOp,
  DomainSort,
  HelperRecipe,
  HelperTable,
  Predicate,
  Row,
  SeriesOrder,
  TimeUnit,
} from './chart-plan';

type Primitive = string | number | boolean;
type Cell = HelperTable['rows'][number][number];

/**
 * Runs a helper recipe over a model's rows: the pure half of "prepare the data in a helper
 * range". The result is what the dashboard writes to `_chart_data`, header first.
 */
export function computeHelperTable(
  recipe: HelperRecipe,
  rows: readonly Row[],
  calendar: Calendar = UTC_CALENDAR,
): HelperTable {
  let records: Row[] = recipe.fold ? foldRows(rows, recipe.fold.fields, recipe.fold.as) : [...rows];
  if (recipe.filter) {
    const predicate = recipe.filter;
    records = records.filter((r) => matches(predicate, r, calendar));
  }
  const points = records.map((r) => toPoint(recipe, r, calendar)).filter((p): p is Point => p !== null);

  const domainOrder = orderDomain(points, recipe, calendar);
  const seriesValues = recipe.series ? orderSeries(points, recipe.series.order) : [];
  const aggregate = recipe.measure.aggregate;
  const { type, timeUnit } = recipe.domain;
  const formats: Array<string | null> = [type === 'temporal' ? cellFormatForTimeUnit(timeUnit) : null];
  // A time bucket on a category axis (an ordinal month) shows as text, sorted by date first.
  const label = (v: Primitive | Date): Primitive | Date =>
    v instanceof Date && timeUnit && type !== 'temporal' ? timeLabel(v, timeUnit, calendar) : v;

  if (!recipe.series) {
    const header = [recipe.domain.title, recipe.measure.title];
    formats.push(null);
    const groups = groupBy(points, (p) => p.domainKey);
    const out: Cell[][] = [];
    for (const key of domainOrder) {
      const group = groups.get(key);
      if (!group) out.push([absentValue(recipe, key), null]);
      else if (aggregate) out.push([label(group[0].domain), aggregateValues(aggregate, group)]);
      else for (const p of group) out.push([label(p.domain), p.measure]);
    }
    return { header, rows: out, formats };
  }

  const seriesIndex = new Map(seriesValues.map((v, i) => [keyOf(v), i]));
  const header = [recipe.domain.title, ...seriesValues.map((v) => String(v))];
  for (const _ of seriesValues) formats.push(null);
  const byDomain = groupBy(points, (p) => p.domainKey);
  const out: Cell[][] = [];
  for (const key of domainOrder) {
    const group = byDomain.get(key);
    if (!group) continue;
    if (aggregate) {
      const row: Cell[] = [label(group[0].domain), ...seriesValues.map(() => null)];
      for (const [seriesKey, members] of groupBy(group, (p) => p.seriesKey)) {
        const col = seriesIndex.get(seriesKey);
        if (col !== undefined) row[col + 1] = aggregateValues(aggregate, members);
      }
      out.push(row);
      continue;
    }
    // Without an aggregate every record stays a point: share a row per category while each
    // series has one value there, and open another row for repeats (as Vega-Lite draws them).
    const rowsHere: Cell[][] = [];
    for (const p of group) {
      const col = seriesIndex.get(p.seriesKey);
      if (col === undefined) continue;
      let row = rowsHere.find((r) => r[col + 1] === null);
      if (!row) {
        row = [label(p.domain), ...seriesValues.map(() => null)];
        rowsHere.push(row);
      }
      row[col + 1] = p.measure;
    }
    out.push(...rowsHere);
  }
  return { header, rows: out, formats };
}

/** A listed category with no data (a pie's color domain): it keeps its row, so colors stay aligned. */
function absentValue(recipe: HelperRecipe, key: string): Primitive {
  const sort = recipe.sort;
  const found = sort.by === 'list' ? sort.values.find((v) => keyOf(v) === key) : undefined;
  return found ?? key;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Vega-Lite's default label for a time bucket on a discrete axis (`%b %Y`, `Q%q`…). */
function timeLabel(date: Date, unit: TimeUnit, calendar: Calendar): string {
  const { year, month, day } = calendar.parts(date);
  const quarter = `Q${Math.floor((month - 1) / 3) + 1}`;
  switch (unit) {
    case 'year':
      return String(year);
    case 'yearquarter':
      return `${quarter} ${year}`;
    case 'yearmonth':
      return `${MONTHS[month - 1]} ${year}`;
    case 'yearmonthdate':
      return `${MONTHS[month - 1]} ${String(day).padStart(2, '0')}, ${year}`;
    case 'month':
      return MONTHS[month - 1];
    case 'quarter':
      return quarter;
  }
}

interface Point {
  domain: Primitive | Date;
  domainKey: string;
  series: Primitive | null;
  seriesKey: string;
  /** The measure as a number (null when missing); `raw` keeps the original for count/distinct. */
  measure: number | null;
  raw: unknown;
  row: Row;
}

function toPoint(recipe: HelperRecipe, row: Row, calendar: Calendar): Point | null {
  const { domain, measure, series } = recipe;
  const rawDomain = row[domain.field];
  let value: Primitive | Date;
  if (domain.type === 'temporal' || domain.timeUnit) {
    const date = toDate(rawDomain, calendar);
    // Continuous scales drop invalid values, as Vega-Lite's default `invalid: "filter"` does.
    if (!date) return null;
    value = domain.timeUnit ? truncateDate(date, domain.timeUnit, calendar) : date;
  } else if (domain.type === 'quantitative') {
    const n = toNumber(rawDomain);
    if (n === null) return null;
    value = n;
  } else {
    value = toCategory(rawDomain);
  }
  const raw = measure.field === undefined ? undefined : row[measure.field];
  const seriesValue = series ? toCategory(row[series.field]) : null;
  return {
    domain: value,
    domainKey: keyOf(value),
    series: seriesValue,
    seriesKey: seriesValue === null ? '' : keyOf(seriesValue),
    measure: toNumber(raw),
    raw,
    row,
  };
}

function foldRows(rows: readonly Row[], fields: string[], [keyAs, valueAs]: [string, string]): Row[] {
  const out: Row[] = [];
  for (const row of rows) for (const f of fields) out.push({ ...row, [keyAs]: f, [valueAs]: row[f] });
  return out;
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  if (value instanceof Date) return value.getTime();
  return null;
}

function toCategory(value: unknown): Primitive {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? 'null' : String(value);
}

function keyOf(value: Primitive | Date): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  return `${typeof value}:${String(value)}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function aggregateValues(op: AggregateOp, points: readonly Point[]): number | null {
  const numbers = points.map((p) => p.measure).filter((n): n is number => n !== null);
  switch (op) {
    case 'count':
      return points.length;
    case 'valid':
      return points.filter((p) => p.raw !== null && p.raw !== undefined && !Number.isNaN(p.raw)).length;
    case 'distinct':
      return new Set(points.map((p) => (p.raw instanceof Date ? p.raw.getTime() : p.raw))).size;
    case 'sum':
      return numbers.reduce((a, b) => a + b, 0);
    case 'mean':
      return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
    case 'median': {
      if (!numbers.length) return null;
      const s = [...numbers].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }
    case 'min':
      return numbers.length ? Math.min(...numbers) : null;
    case 'max':
      return numbers.length ? Math.max(...numbers) : null;
  }
}

/** d3.ascending over mixed cells: numbers and dates by value, then strings, then booleans. */
export function compareAscending(a: Primitive | Date, b: Primitive | Date): number {
  const rank = (v: Primitive | Date) =>
    typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' ? 1 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const va = a instanceof Date ? a.getTime() : a;
  const vb = b instanceof Date ? b.getTime() : b;
  return va < vb ? -1 : va > vb ? 1 : 0;
}

function orderDomain(points: readonly Point[], recipe: HelperRecipe, calendar: Calendar): string[] {
  const firstSeen = new Map<string, Point>();
  for (const p of points) if (!firstSeen.has(p.domainKey)) firstSeen.set(p.domainKey, p);
  const keys = [...firstSeen.keys()];
  const sort: DomainSort = recipe.sort;
  switch (sort.by) {
    case 'none':
      return keys;
    case 'value': {
      const sign = sort.order === 'descending' ? -1 : 1;
      return keys.sort((a, b) => sign * compareAscending(firstSeen.get(a)!.domain, firstSeen.get(b)!.domain));
    }
    case 'list': {
      const ordered = orderByList(keys, (k) => firstSeen.get(k)!.domain, sort.values, calendar);
      if (!sort.complete) return ordered;
      // Every listed value keeps its place, present or not; unlisted values follow.
      const listedKeys = sort.values.map((v) => {
        const match = keys.find((k) => sameValue(v, firstSeen.get(k)!.domain, calendar));
        return match ?? keyOf(v);
      });
      return [...listedKeys, ...ordered.filter((k) => !listedKeys.includes(k))];
    }
    case 'measure': {
      const groups = groupBy(points, (p) => p.domainKey);
      const field = sort.field ?? recipe.measure.field;
      const op = sort.op ?? recipe.measure.aggregate ?? (recipe.series ? 'sum' : 'min');
      const score = new Map<string, number>();
      for (const [k, group] of groups) {
        const measured = group.map((p) => {
          const raw = field === undefined ? undefined : p.row[field];
          return { ...p, raw, measure: toNumber(raw) };
        });
        score.set(k, aggregateValues(op, measured) ?? Number.NEGATIVE_INFINITY);
      }
      const sign = sort.order === 'descending' ? -1 : 1;
      return keys.sort((a, b) => sign * ((score.get(a) ?? 0) - (score.get(b) ?? 0)));
    }
  }
}

/** Listed values first in list order, the rest after in the order they came (Vega-Lite's rule). */
function orderByList<K>(
  keys: K[],
  valueAt: (key: K) => Primitive | Date,
  list: ReadonlyArray<Primitive>,
  calendar: Calendar,
): K[] {
  const position = (v: Primitive | Date) => list.findIndex((item) => sameValue(item, v, calendar));
  const listed = keys.filter((k) => position(valueAt(k)) >= 0);
  listed.sort((a, b) => position(valueAt(a)) - position(valueAt(b)));
  return [...listed, ...keys.filter((k) => position(valueAt(k)) < 0)];
}

function orderSeries(points: readonly Point[], order: SeriesOrder): Primitive[] {
  const seen = new Map<string, Primitive>();
  for (const p of points) if (p.series !== null && !seen.has(p.seriesKey)) seen.set(p.seriesKey, p.series);
  const values = [...seen.values()];
  if (order.by === 'none') return values;
  if (order.by === 'value') {
    const sign = order.order === 'descending' ? -1 : 1;
    return values.sort((a, b) => sign * compareAscending(a, b));
  }
  if (order.complete) {
    const extra = values.filter((v) => !order.values.some((item) => sameValue(item, v, UTC_CALENDAR)));
    return [...order.values, ...extra];
  }
  return orderByList(values, (v) => v, order.values, UTC_CALENDAR);
}

function sameValue(listed: Primitive, value: Primitive | Date, calendar: Calendar): boolean {
  if (value instanceof Date) return toDate(listed, calendar)?.getTime() === value.getTime();
  if (typeof listed === typeof value) return listed === value;
  return String(listed) === String(value);
}

function matches(predicate: Predicate, row: Row, calendar: Calendar): boolean {
  if ('and' in predicate) return predicate.and.every((p) => matches(p, row, calendar));
  if ('or' in predicate) return predicate.or.some((p) => matches(p, row, calendar));
  if ('not' in predicate) return !matches(predicate.not, row, calendar);
  const value = row[predicate.field];
  const invalid = value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
  if (predicate.valid !== undefined) return predicate.valid ? !invalid : invalid;
  const cmp = (bound: unknown) => compareLoose(value, bound, calendar);
  if (predicate.equal !== undefined) return cmp(predicate.equal) === 0;
  if (predicate.oneOf) return predicate.oneOf.some((v) => cmp(v) === 0);
  if (predicate.range) {
    const [lo, hi] = predicate.range;
    return (lo === null || (cmp(lo) ?? -1) >= 0) && (hi === null || (cmp(hi) ?? 1) <= 0);
  }
  if (predicate.lt !== undefined) return (cmp(predicate.lt) ?? 0) < 0;
  if (predicate.lte !== undefined) return (cmp(predicate.lte) ?? 1) <= 0;
  if (predicate.gt !== undefined) return (cmp(predicate.gt) ?? 0) > 0;
  if (predicate.gte !== undefined) return (cmp(predicate.gte) ?? -1) >= 0;
  return true;
}

/** Compares a cell with a predicate's bound; null when they cannot be compared. */
function compareLoose(value: unknown, bound: unknown, calendar: Calendar): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const b = toDate(bound, calendar);
    return b ? Math.sign(value.getTime() - b.getTime()) : null;
  }
  if (typeof bound === 'number') {
    const n = toNumber(value);
    return n === null ? null : Math.sign(n - bound);
  }
  if (typeof bound === 'boolean') return value === bound ? 0 : null;
  const a = String(value);
  const b = String(bound);
  return a < b ? -1 : a > b ? 1 : 0;
}
