/**
 * Checks a guarded query against the tables it reads before it runs: every table exists, every
 * column exists in the table it is read from, every computed output column has a name. AlaSQL
 * itself reads a missing column as NULL without a word, which would quietly fill a summary tab
 * with blanks. Also works out the output columns (so an empty result still gets a header) and
 * which columns of each table the query touches (so only those are loaded).
 */
import { TapdashError } from '../shared/errors';
import type { AstNode } from './alasql-runtime';
import { classOf, type GuardedQuery, type SqlOwner } from './sql-guard';
import { describePosition, findName, type SqlPosition } from './sql-text';
import { closestName, listNames } from './suggest';

/** Table name → its columns: source tabs (`stripe_charges`) and model outputs. */
export type Catalog = ReadonlyMap<string, readonly string[]>;

export interface QueryShape {
  /** Output columns, in order. */
  columns: string[];
  /** Per table read: the columns the query uses, or 'all' when a `*` reaches the table. */
  uses: Map<string, Set<string> | 'all'>;
}

interface Source {
  alias: string;
  /** The catalog table behind the alias; undefined for subqueries and CTEs. */
  table?: string;
  columns: readonly string[];
}

interface Scope {
  sources: Source[];
  parent?: Scope;
  /** Output names ORDER BY, GROUP BY and HAVING may use. */
  outputs?: readonly string[];
}

/** Select fields holding expressions over the FROM sources. */
const EXPRESSION_FIELDS = ['columns', 'where', 'group', 'having', 'order', 'top', 'limit', 'offset'];

export function analyzeQuery(
  guarded: GuardedQuery,
  catalog: Catalog,
  sql: string,
  owner: SqlOwner,
): QueryShape {
  return new Analyzer(catalog, sql, owner).run(guarded.statement);
}

class Analyzer {
  private readonly uses = new Map<string, Set<string> | 'all'>();

  constructor(
    private readonly catalog: Catalog,
    private readonly sql: string,
    private readonly owner: SqlOwner,
  ) {}

  run(statement: AstNode): QueryShape {
    const ctes = new Map<string, readonly string[]>();
    if (classOf(statement) === 'WithSelect') {
      for (const w of statement.withs as AstNode[]) {
        let columns = this.select(w.select as AstNode, ctes, undefined);
        if (Array.isArray(w.columns)) columns = (w.columns as AstNode[]).map((c) => String(c.columnid));
        ctes.set(String(w.name), columns);
      }
      return { columns: this.select(statement.select as AstNode, ctes, undefined), uses: this.uses };
    }
    return { columns: this.select(statement, ctes, undefined), uses: this.uses };
  }

  private select(
    node: AstNode,
    ctes: ReadonlyMap<string, readonly string[]>,
    parent: Scope | undefined,
  ): string[] {
    const sources: Source[] = [];
    for (const from of (node.from as AstNode[] | undefined) ?? []) sources.push(this.source(from, ctes));
    const scope: Scope = { sources, parent };
    for (const join of (node.joins as AstNode[] | undefined) ?? []) {
      const joined = this.joinSource(join, ctes);
      for (const using of (join.using as AstNode[] | undefined) ?? []) {
        const name = String(using.columnid);
        this.column({ columnid: name }, { sources: [...sources] }, ctes);
        this.column({ columnid: name, tableid: joined.alias }, { sources: [joined] }, ctes);
      }
      sources.push(joined);
      if (join.on) this.expression(join.on, scope, ctes);
    }
    const outputs = this.outputs(node, sources);
    this.expression(node.columns, scope, ctes);
    const withOutputs: Scope = { ...scope, outputs };
    for (const field of EXPRESSION_FIELDS.slice(1)) this.expression(node[field], withOutputs, ctes);
    for (const key of ['union', 'unionall', 'except', 'intersect'])
      if (node[key]) this.select(node[key] as AstNode, ctes, parent);
    return outputs;
  }

  private source(from: AstNode, ctes: ReadonlyMap<string, readonly string[]>): Source {
    if (classOf(from) === 'Select')
      return { alias: String(from.as ?? 'default'), columns: this.select(from, ctes, undefined) };
    return this.table(from, undefined, ctes);
  }

  private joinSource(join: AstNode, ctes: ReadonlyMap<string, readonly string[]>): Source {
    if (join.select)
      return {
        alias: String(join.as ?? 'default'),
        columns: this.select(join.select as AstNode, ctes, undefined),
      };
    return this.table(join.table as AstNode, join.as, ctes);
  }

  private table(node: AstNode, joinAlias: unknown, ctes: ReadonlyMap<string, readonly string[]>): Source {
    const name = String(node.tableid);
    const alias = String(joinAlias ?? node.as ?? name);
    const cte = ctes.get(name);
    if (cte) return { alias, columns: cte };
    const columns = this.catalog.get(name);
    if (!columns) throw this.missingTable(name, ctes);
    if (!this.uses.has(name)) this.uses.set(name, new Set());
    return { alias, table: name, columns };
  }

  /** Output column names; computed columns must be named, and names must not repeat. */
  private outputs(node: AstNode, sources: readonly Source[]): string[] {
    const names: string[] = [];
    const add = (name: string) => {
      if (!names.includes(name)) names.push(name);
    };
    const explicit = new Set<string>();
    for (const column of (node.columns as AstNode[] | undefined) ?? []) {
      const cls = classOf(column);
      if (cls === 'Column' && column.columnid === '*') {
        const from = column.tableid ? sources.filter((s) => s.alias === column.tableid) : sources;
        for (const s of from) {
          for (const c of s.columns) add(c);
          if (s.table) this.uses.set(s.table, 'all');
        }
        continue;
      }
      const name =
        column.as !== undefined ? String(column.as) : cls === 'Column' ? String(column.columnid) : undefined;
      if (name === undefined) throw this.unnamed(column);
      if (explicit.has(name)) throw this.duplicate(name);
      explicit.add(name);
      add(name);
    }
    return names;
  }

  private expression(value: unknown, scope: Scope, ctes: ReadonlyMap<string, readonly string[]>): void {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) this.expression(item, scope, ctes);
      return;
    }
    const node = value as AstNode;
    const cls = classOf(node);
    if (cls === 'Select') {
      this.select(node, ctes, scope);
      return;
    }
    if (cls === 'Column') {
      this.column(node, scope, ctes);
      return;
    }
    for (const [key, field] of Object.entries(node)) {
      if (key === 'queries' || key === 'exists') continue;
      this.expression(field, scope, ctes);
    }
  }

  private column(node: AstNode, scope: Scope, ctes: ReadonlyMap<string, readonly string[]>): void {
    const name = String(node.columnid);
    const qualifier = node.tableid === undefined ? undefined : String(node.tableid);
    if (qualifier !== undefined) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const source = s.sources.find((x) => x.alias === qualifier);
        if (!source) continue;
        if (name === '*') {
          if (source.table) this.uses.set(source.table, 'all');
          return;
        }
        if (source.columns.includes(name)) {
          this.use(source, name);
          return;
        }
        throw this.missingColumn(`${qualifier}.${name}`, name, qualifier, [source]);
      }
      throw this.unknownQualifier(qualifier, name, scope, ctes);
    }
    if (name === '*') return;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const having = s.sources.filter((x) => x.columns.includes(name));
      if (having.length > 1 && s === scope)
        throw this.ambiguous(
          name,
          having.map((h) => h.alias),
        );
      if (having.length >= 1) {
        this.use(having[0], name);
        return;
      }
      if (s === scope && s.outputs?.includes(name)) return;
    }
    throw this.missingColumn(name, name, undefined, scope.sources);
  }

  private use(source: Source, column: string): void {
    if (!source.table) return;
    const used = this.uses.get(source.table);
    if (used && used !== 'all') used.add(column);
  }

  private error(code: string, message: string, fix: string): TapdashError {
    return new TapdashError({ code, message, fix, where: this.owner.where });
  }

  private at(position: SqlPosition | undefined): string {
    return position ? ` (${describePosition(position)})` : '';
  }

  private missingTable(name: string, ctes: ReadonlyMap<string, readonly string[]>): TapdashError {
    const known = [...this.catalog.keys(), ...ctes.keys()];
    const guess = closestName(name, known);
    return this.error(
      'model_missing_table',
      `${capitalize(this.owner.label)} reads the table \`${name}\`${this.at(findName(this.sql, name))}, which does not exist. ` +
        `Tables are: ${known.length ? listNames(known) : 'none yet'}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
      guess
        ? `Replace \`${name}\` with \`${guess}\`.`
        : 'Use a source tab name such as `stripe_charges` (sync the source first) or the name of another model.',
    );
  }

  private missingColumn(
    shown: string,
    name: string,
    qualifier: string | undefined,
    sources: readonly Source[],
  ): TapdashError {
    const position = findName(this.sql, name, qualifier);
    const columns = [...new Set(sources.flatMap((s) => s.columns))];
    const guess = closestName(name, columns);
    const tables = sources.map((s) => `\`${s.table ?? s.alias}\``).join(' and ');
    const table = sources.length === 1 ? (sources[0].table ?? sources[0].alias) : undefined;
    const subject = table !== undefined && qualifier === undefined ? `\`${table}.${name}\`` : `\`${shown}\``;
    return this.error(
      'model_missing_column',
      `${capitalize(this.owner.label)} reads ${subject}${this.at(position)}, which does not exist; ` +
        `columns ${sources.length ? `of ${tables} ` : ''}are: ${columns.length ? listNames(columns) : 'none'}.` +
        (guess ? ` Did you mean \`${guess}\`?` : ''),
      guess
        ? `Replace \`${name}\` with ${quoteForFix(guess)}.`
        : 'Use one of the columns listed; names with spaces or dots go in square brackets, like [customer.email].',
    );
  }

  private unknownQualifier(
    qualifier: string,
    name: string,
    scope: Scope,
    ctes: ReadonlyMap<string, readonly string[]>,
  ): TapdashError {
    const aliases = scope.sources.map((s) => s.alias);
    const isTable = this.catalog.has(qualifier) || ctes.has(qualifier);
    const flattened = `${qualifier}.${name}`;
    const flattenedExists = scope.sources.some((s) => s.columns.includes(flattened));
    const position = findName(this.sql, name, qualifier);
    if (flattenedExists)
      return this.error(
        'model_missing_column',
        `${capitalize(this.owner.label)} reads ${qualifier}.${name}${this.at(position)} as column \`${name}\` of a table \`${qualifier}\`, but the column is named \`${flattened}\`.`,
        `Write it in square brackets: [${flattened}].`,
      );
    return this.error(
      'model_missing_table',
      `${capitalize(this.owner.label)} reads \`${qualifier}.${name}\`${this.at(position)}, but \`${qualifier}\` is not ` +
        `${isTable ? 'in its FROM or JOIN' : 'a table or alias of the query'}; it reads ${aliases.length ? listNames(aliases) : 'no table'}.`,
      isTable
        ? `Add \`${qualifier}\` to the FROM or a JOIN, or use one of the aliases listed.`
        : 'Use one of the tables or aliases listed before the dot.',
    );
  }

  private ambiguous(name: string, aliases: string[]): TapdashError {
    return this.error(
      'model_ambiguous_column',
      `${capitalize(this.owner.label)} reads \`${name}\`${this.at(findName(this.sql, name))}, which is a column of ${aliases.map((a) => `\`${a}\``).join(' and ')}.`,
      `Say which one: ${aliases.map((a) => `${a}.${name}`).join(' or ')}.`,
    );
  }

  private unnamed(column: AstNode): TapdashError {
    const text = safeText(column);
    return this.error(
      'model_unnamed_column',
      `${capitalize(this.owner.label)} computes \`${text}\` without naming it.`,
      `Name it, for example: ${text} AS total. The name becomes the column header on the model's tab.`,
    );
  }

  private duplicate(name: string): TapdashError {
    return this.error(
      'model_duplicate_column',
      `${capitalize(this.owner.label)} returns two columns named \`${name}\`${this.at(findName(this.sql, name))}.`,
      `Give one of them another name with AS, for example ${name} AS ${name}_2.`,
    );
  }
}

function safeText(node: AstNode): string {
  try {
    return String(node.toString());
  } catch {
    return 'an expression';
  }
}

function quoteForFix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `\`${name}\`` : `[${name}]`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
