/**
 * A row budget checked before a query runs.
 *
 * AlaSQL runs a query to the end in one synchronous call: nothing can interrupt it, and Apps
 * Script would simply kill the whole execution at six minutes. So before running, we bound the
 * rows the query can make AlaSQL look at, from the real table sizes:
 * - a scan costs the table's rows;
 * - an equality join that AlaSQL serves from an index (`JOIN b ON b.key = <left side>` or
 *   USING, inner/left/semi) produces at most left rows × the largest number of rows of `b`
 *   sharing one key value (counted from the data);
 * - any other join (CROSS, comma, non-equality ON, RIGHT/FULL, where AlaSQL loops over every
 *   pair) costs left rows × right rows;
 * - a subquery inside an expression may run once per row (only an uncorrelated IN list is
 *   computed once);
 * - ROLLUP/CUBE repeat the grouping once per grouping set.
 * These are upper bounds, so a query under the budget cannot run away; the price is that a
 * query may be refused although its real result is small (a comma join filtered in WHERE is
 * counted as a cross join: the fix hint says to write JOIN … ON). Work after the joins
 * (grouping, sorting, expressions) is proportional to rows already counted. Not bounded: the
 * cost of a single expression on one row (a LIKE on a 50,000-character cell).
 */
import { TapdashError } from '../shared/errors';
import type { AstNode } from './alasql-runtime';
import { classOf, type SqlOwner } from './sql-guard';

export interface Budget {
  /** Rows a query may make AlaSQL examine, across its joins and subqueries. */
  maxRowsExamined: number;
  /** Rows a model may return: each becomes a row of its tab. */
  maxResultRows: number;
}

export const DEFAULT_BUDGET: Budget = { maxRowsExamined: 5_000_000, maxResultRows: 200_000 };

export interface TableStats {
  rows: number;
  /** The most rows sharing one value of the column (NULLs count as one value, as AlaSQL's index does). */
  maxDuplicates(column: string): number;
}

export interface WorkEstimate {
  /** Upper bound of rows examined. */
  work: number;
  /** Upper bound of rows returned. */
  rows: number;
  /** The biggest single step, in words, for the error message. */
  largest: { work: number; words: string };
}

interface Source {
  alias: string;
  rows: number;
  label: string;
  stats?: TableStats;
}

export function estimateWork(
  statement: AstNode,
  statsOf: (table: string) => TableStats | undefined,
): WorkEstimate {
  const estimator = new Estimator(statsOf);
  return estimator.run(statement);
}

export function checkBudget(estimate: WorkEstimate, budget: Budget, owner: SqlOwner): void {
  if (estimate.work <= budget.maxRowsExamined) return;
  throw new TapdashError({
    code: 'model_budget',
    message:
      `${owner.label.charAt(0).toUpperCase()}${owner.label.slice(1)} could make the spreadsheet look at up to ` +
      `${formatCount(estimate.work)} rows, over the limit of ${formatCount(budget.maxRowsExamined)} for one query: ` +
      `${estimate.largest.words}. It did not run, so nothing was changed.`,
    fix:
      'Join on a key column with JOIN … ON a.id = b.id (not a comma join or a condition in WHERE), filter ' +
      'each table before joining, or split the work into two models.',
    where: owner.where,
  });
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return 'countless';
  return Math.round(n).toLocaleString('en-US');
}

class Estimator {
  private largest = { work: 0, words: 'the query reads its tables' };
  private readonly ctes = new Map<string, number>();

  constructor(private readonly statsOf: (table: string) => TableStats | undefined) {}

  run(statement: AstNode): WorkEstimate {
    let work = 0;
    if (classOf(statement) === 'WithSelect') {
      for (const w of statement.withs as AstNode[]) {
        const e = this.select(w.select as AstNode);
        work += e.work;
        this.ctes.set(String(w.name), e.rows);
      }
      const main = this.select(statement.select as AstNode);
      return { work: work + main.work, rows: main.rows, largest: this.largest };
    }
    const e = this.select(statement);
    return { work: e.work, rows: e.rows, largest: this.largest };
  }

  private note(work: number, words: string): void {
    if (work > this.largest.work) this.largest = { work, words };
  }

  private select(node: AstNode): { work: number; rows: number } {
    let work = 0;
    const froms = ((node.from as AstNode[] | undefined) ?? []).map((f) => this.source(f, undefined));
    let rows = 1;
    froms.forEach((s, i) => {
      work += s.work;
      if (i === 0) rows = s.source.rows;
      else {
        const pairs = rows * s.source.rows;
        this.note(
          pairs,
          `it pairs each of up to ${formatCount(rows)} rows with each row of ${s.source.label} (tables listed with commas are cross joined)`,
        );
        rows = pairs;
      }
      work += rows;
    });
    const aliases = froms.map((f) => f.source.alias);
    for (const join of (node.joins as AstNode[] | undefined) ?? []) {
      const { source, work: sourceWork } = this.source(join.table as AstNode, join);
      work += sourceWork + source.rows;
      const mode = String(join.joinmode ?? 'INNER').toUpperCase();
      const key = indexKey(join, source.alias, aliases);
      const indexed = key !== undefined && (mode === 'INNER' || mode === 'LEFT' || mode === 'SEMI');
      if (indexed) {
        const dup = source.stats ? source.stats.maxDuplicates(key) : source.rows;
        const out = rows * (mode === 'LEFT' ? Math.max(1, dup) : mode === 'SEMI' ? 1 : dup);
        this.note(
          out,
          `joining ${source.label} on \`${key}\` can repeat a row up to ${formatCount(dup)} times`,
        );
        work += out;
        rows = out;
      } else {
        const pairs = rows * source.rows;
        this.note(
          pairs,
          `it pairs each of up to ${formatCount(rows)} rows with each of the ${formatCount(source.rows)} rows of ${source.label} ` +
            `(${mode === 'CROSS' || !join.on ? 'a cross join' : `a ${mode} join without a plain key equality`})`,
        );
        work += pairs;
        rows =
          mode === 'SEMI' || mode === 'ANTI'
            ? rows
            : pairs +
              (mode === 'RIGHT' || mode === 'OUTER' ? source.rows : 0) +
              (mode === 'LEFT' || mode === 'OUTER' ? rows : 0);
      }
      aliases.push(source.alias);
    }
    for (const field of ['columns', 'where', 'having', 'order'])
      work += this.subqueries(node[field], rows, aliases, false);
    const groupSets = groupingSets(node.group);
    if (groupSets > 1) {
      this.note(rows * groupSets, `its ROLLUP/CUBE groups every row ${groupSets} times`);
      work += rows * groupSets;
    }
    let out = rows * Math.max(1, groupSets);
    const limit = numberOf(node.limit) ?? numberOf(node.top);
    if (limit !== undefined) out = Math.min(out, limit);
    for (const key of ['union', 'unionall', 'except', 'intersect']) {
      if (!node[key]) continue;
      const other = this.select(node[key] as AstNode);
      work += other.work;
      out += other.rows;
    }
    return { work, rows: out };
  }

  private source(node: AstNode, join: AstNode | undefined): { source: Source; work: number } {
    const subquery = join?.select ?? (classOf(node) === 'Select' ? node : undefined);
    if (subquery) {
      const e = this.select(subquery as AstNode);
      const alias = String(join?.as ?? (subquery as AstNode).as ?? 'default');
      return { source: { alias, rows: e.rows, label: `the subquery \`${alias}\`` }, work: e.work };
    }
    const name = String(node.tableid);
    const alias = String(join?.as ?? node.as ?? name);
    const cte = this.ctes.get(name);
    if (cte !== undefined) return { source: { alias, rows: cte, label: `\`${name}\`` }, work: 0 };
    const stats = this.statsOf(name);
    const rows = stats?.rows ?? 0;
    return { source: { alias, rows, label: `\`${name}\` (${formatCount(rows)} rows)`, stats }, work: 0 };
  }

  /** Work of subqueries inside expressions: per row unless an uncorrelated IN list. */
  private subqueries(value: unknown, rows: number, outer: readonly string[], inList: boolean): number {
    if (value === null || typeof value !== 'object') return 0;
    if (Array.isArray(value))
      return value.reduce((sum: number, v) => sum + this.subqueries(v, rows, outer, inList), 0);
    const node = value as AstNode;
    if (classOf(node) === 'Select') {
      const e = this.select(node);
      const once = inList && !isCorrelated(node, outer);
      const work = once ? e.work : e.work * Math.max(1, rows);
      if (!once) this.note(work, `a subquery runs once for each of up to ${formatCount(rows)} rows`);
      return work;
    }
    const isIn = classOf(node) === 'Op' && (node.op === 'IN' || node.op === 'NOT IN');
    let sum = 0;
    for (const [key, field] of Object.entries(node)) {
      if (key === 'queries' || key === 'exists') continue;
      sum += this.subqueries(field, rows, outer, isIn && key === 'right');
    }
    return sum;
  }
}

/** The column of the joined table AlaSQL indexes, when the ON clause lets it use an index. */
function indexKey(join: AstNode, alias: string, leftAliases: readonly string[]): string | undefined {
  const using = join.using as AstNode[] | undefined;
  if (using?.length) return String(using[0].columnid);
  const on = join.on as AstNode | undefined;
  if (!on || classOf(on) !== 'Op' || on.op !== '=' || on.allsome) return undefined;
  for (const [mine, theirs] of [
    [on.left, on.right],
    [on.right, on.left],
  ] as AstNode[][]) {
    if (classOf(mine) !== 'Column' || mine.tableid !== alias) continue;
    const others = qualifiers(theirs);
    if (others.length > 0 && !others.includes(alias) && others.every((q) => leftAliases.includes(q)))
      return String(mine.columnid);
  }
  return undefined;
}

function qualifiers(value: unknown, out: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) qualifiers(v, out);
    return out;
  }
  const node = value as AstNode;
  if (classOf(node) === 'Column') {
    out.push(node.tableid === undefined ? '' : String(node.tableid));
    return out;
  }
  for (const field of Object.values(node)) qualifiers(field, out);
  return out;
}

function isCorrelated(select: AstNode, outer: readonly string[]): boolean {
  return qualifiers(select).some((q) => q !== '' && outer.includes(q));
}

function groupingSets(group: unknown): number {
  if (!Array.isArray(group)) return 1;
  let sets = 1;
  for (const g of group as AstNode[]) {
    if (classOf(g) !== 'GroupExpression') continue;
    const n = Array.isArray(g.group) ? g.group.length : 1;
    sets *= g.type === 'CUBE' ? 2 ** n : n + 1;
  }
  return sets;
}

function numberOf(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as AstNode).value;
  return typeof value === 'number' ? value : undefined;
}

/** Counts, per column, the most rows sharing one value; computed once per column. */
export function tableStats(rows: readonly Record<string, unknown>[]): TableStats {
  const cache = new Map<string, number>();
  return {
    rows: rows.length,
    maxDuplicates(column) {
      const known = cache.get(column);
      if (known !== undefined) return known;
      const counts = new Map<string, number>();
      let max = 0;
      for (const row of rows) {
        // AlaSQL's join index is a plain object, so keys collide as strings do (1 and '1').
        const key = String(row[column]);
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        if (n > max) max = n;
      }
      cache.set(column, max);
      return max;
    },
  };
}
