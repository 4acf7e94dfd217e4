/**
 * Only read-only SELECTs over the in-memory tables run. The SQL is parsed with AlaSQL's own
 * parser and its AST walked against an allowlist: every node class, operator, function and
 * aggregate must be known to be harmless, so a construct AlaSQL adds later is refused until
 * someone looks at it. The statement that runs is the AST checked here, never the text again.
 */
import { TapdashError } from '../shared/errors';
import { type AstNode, getAlasql } from './alasql-runtime';
import {
  AGGREGATORS,
  ALLOWED_CLASSES,
  ALLOWED_OPS,
  ALLOWED_UNARY,
  NAME_FIELDS,
  REFUSED_CLASSES,
  REFUSED_FUNCTIONS,
  REFUSED_OPS,
  STATEMENT_KEYWORD,
  STATEMENT_WORDS,
} from './sql-guard-rules';
import { identifierProblem } from './sql-identifiers';
import { describePosition, findKeyword, findName, type SqlPosition, syntaxProblem } from './sql-text';

export interface GuardedQuery {
  /** The one statement, a Select or a WithSelect: what runs. */
  statement: AstNode;
  /** Tables the query reads (tab or model names), first appearance first; CTE names excluded. */
  reads: string[];
}

/** Which model (or report) the SQL belongs to, for messages. */
export interface SqlOwner {
  /** "model `mrr_by_month`" or "this report". */
  label: string;
  where?: string;
}

const REFUSE_FIX =
  'Write the model as one SELECT that reads your tabs and other models; Tapdash writes its result to the model’s tab for you.';

export function guardSql(sql: string, owner: SqlOwner): GuardedQuery {
  const alasql = getAlasql();
  let statements: AstNode[];
  try {
    statements = alasql.parse(sql).statements;
  } catch (error) {
    throw syntaxError(sql, owner, error);
  }
  const real = statements.filter((s) => s !== undefined && s !== null);
  if (real.length === 0) throw refusal(owner, 'the SQL is empty', undefined, 'Write a SELECT query.');
  if (real.length > 1)
    throw refusal(
      owner,
      `it holds ${real.length} statements; a model is exactly one SELECT`,
      undefined,
      'Keep one SELECT. To build on another query, save that query as its own model and read it by name.',
    );
  const statement = real[0];
  const cls = classOf(statement);
  if (cls !== 'Select' && cls !== 'WithSelect') {
    const reason = STATEMENT_WORDS[cls] ?? `it is a ${cls} statement, not a SELECT`;
    const keyword = STATEMENT_KEYWORD[cls];
    throw refusal(owner, reason, keyword ? findKeyword(sql, keyword) : undefined);
  }
  const walker = new Walker(sql, owner);
  walker.visit(statement, []);
  return { statement, reads: walker.reads };
}

class Walker {
  readonly reads: string[] = [];
  private readonly seen = new Set<unknown>();

  constructor(
    private readonly sql: string,
    private readonly owner: SqlOwner,
  ) {}

  visit(value: unknown, ctes: readonly string[]): void {
    if (value === null || typeof value !== 'object') return;
    if (this.seen.has(value)) return;
    this.seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, ctes);
      return;
    }
    const node = value as AstNode;
    const cls = classOf(node);
    if (cls === 'Object') {
      this.visitFields(node, ctes);
      return;
    }
    if (REFUSED_CLASSES[cls]) throw this.refuse(REFUSED_CLASSES[cls]);
    if (STATEMENT_WORDS[cls]) throw this.refuse(STATEMENT_WORDS[cls]);
    if (!ALLOWED_CLASSES.has(cls)) throw this.refuse(`it uses ${cls}, which models do not support`);
    if (cls === 'WithSelect') {
      this.visitWith(node, ctes);
      return;
    }
    this.check(cls, node, ctes);
    this.visitFields(node, ctes);
  }

  private visitWith(node: AstNode, ctes: readonly string[]): void {
    const inScope = [...ctes];
    for (const w of node.withs as AstNode[]) {
      if (w.recursive)
        throw this.refuse('it uses WITH RECURSIVE, which can loop', findKeyword(this.sql, 'RECURSIVE'));
      this.checkName(w.name, 'name');
      this.visit(w.columns, inScope);
      this.visit(w.select, inScope);
      inScope.push(String(w.name));
    }
    this.visit(node.select, inScope);
  }

  private visitFields(node: AstNode, ctes: readonly string[]): void {
    for (const [key, field] of Object.entries(node)) {
      if (typeof field === 'string' && NAME_FIELDS.has(key)) this.checkName(field, key);
      else this.visit(field, ctes);
    }
  }

  private check(cls: string, node: AstNode, ctes: readonly string[]): void {
    switch (cls) {
      case 'Select':
        this.checkSelect(node);
        return;
      case 'Table':
        if (node.databaseid !== undefined)
          throw this.refuse(
            `it reads \`${node.databaseid}.${node.tableid}\` from another database`,
            findName(this.sql, String(node.databaseid)),
          );
        if (!ctes.includes(String(node.tableid)) && !this.reads.includes(String(node.tableid)))
          this.reads.push(String(node.tableid));
        return;
      case 'Join':
        if (!node.table && !node.select)
          throw this.refuse(
            'it joins something that is not a table or a subquery (a file, URL or parameter)',
          );
        return;
      case 'Column':
        if (node.databaseid !== undefined) throw this.refuse('it reads a column from another database');
        return;
      case 'AggrValue':
        this.checkAggregate(node);
        return;
      case 'FuncValue':
        this.checkFunction(node);
        return;
      case 'Op':
        this.checkOp(node);
        return;
      case 'UniOp':
        if (node.op !== undefined && node.op !== null && !ALLOWED_UNARY.has(String(node.op)))
          throw this.refuse(`it uses the operator ${String(node.op)}, which reaches stored objects`);
        return;
      case 'Convert':
        if (typeof node.dbtypeid === 'string' && !/^[A-Za-z_][A-Za-z0-9_ ]*$/.test(node.dbtypeid))
          throw this.refuse(`it converts to an unknown type ${node.dbtypeid}`);
        // AlaSQL pastes these into generated JavaScript; its grammar only lets numbers through.
        for (const field of ['dbsize', 'dbprecision', 'style'])
          if (node[field] !== undefined && !/^\d+$/.test(String(node[field])))
            throw this.refuse(`it converts with an unusual ${field}`);
        return;
    }
  }

  private checkSelect(node: AstNode): void {
    if (node.into !== undefined)
      throw this.refuse('SELECT … INTO writes to a table or a file', findKeyword(this.sql, 'INTO'));
    if (node.modifier !== undefined && node.modifier !== 'RECORDSET')
      throw this.refuse(
        `SELECT ${String(node.modifier)} returns a single value or a matrix, not rows`,
        findKeyword(this.sql, String(node.modifier)),
      );
    if (node.pivot !== undefined || node.unpivot !== undefined)
      throw this.refuse(
        'it uses PIVOT/UNPIVOT, which models do not support yet',
        findKeyword(this.sql, 'PIVOT'),
      );
    if (node.apply !== undefined) throw this.refuse(REFUSED_CLASSES.Apply);
    for (const from of (node.from as AstNode[] | undefined) ?? []) {
      const cls = classOf(from);
      if (cls === 'Table' || cls === 'Select') continue;
      if (cls === 'FuncValue')
        throw this.refuse(
          `it reads ${String(from.funcid)}(…), a file or URL, instead of a tab`,
          findName(this.sql, String(from.funcid)),
        );
      throw this.refuse(REFUSED_CLASSES[cls] ?? 'it reads from something that is not a tab or a model');
    }
  }

  private checkAggregate(node: AstNode): void {
    const id = String(node.aggregatorid).toUpperCase();
    if (node.over) throw this.refuse(REFUSED_CLASSES.Over, findKeyword(this.sql, 'OVER'));
    if (id === 'REDUCE') {
      // Built-in aggregates such as MEDIAN and GROUP_CONCAT; user aggregates cannot exist here
      // because CREATE AGGREGATE is refused, but the name is checked against the built-ins anyway.
      if (!builtinAggregates().has(String(node.funcid)))
        throw this.refuse(`it calls ${String(node.funcid)}, which is not a built-in aggregate`);
      return;
    }
    if (!AGGREGATORS.has(id)) throw this.refuse(`it uses the aggregate ${id}, which models do not support`);
  }

  private checkFunction(node: AstNode): void {
    const funcid = String(node.funcid);
    const upper = funcid.toUpperCase();
    const position = findName(this.sql, funcid);
    if (node.over) throw this.refuse(REFUSED_CLASSES.Over, findKeyword(this.sql, 'OVER'));
    if (node.newid) throw this.refuse(`NEW ${funcid}() creates a JavaScript object`, position);
    if (REFUSED_FUNCTIONS.has(upper))
      throw this.refuse(`it calls ${upper}(), which models may not use`, position);
    const alasql = getAlasql();
    // AlaSQL looks user functions up first, by exact name (Date, Number… are JavaScript's own).
    if (hasOwn(alasql.fn, funcid))
      throw this.refuse(`it calls ${funcid}(), a JavaScript function rather than an SQL one`, position);
    if (!hasOwn(alasql.stdlib, upper) && !hasOwn(alasql.stdfn, upper))
      throw this.refuse(`it calls ${funcid}(), which is not an SQL function AlaSQL knows`, position);
  }

  private checkOp(node: AstNode): void {
    const op = String(node.op);
    if (REFUSED_OPS[op])
      throw this.refuse(REFUSED_OPS[op], op === 'REGEXP' ? findKeyword(this.sql, op) : undefined);
    if (!ALLOWED_OPS.has(op)) throw this.refuse(`it uses the operator ${op}, which models do not support`);
  }

  private checkName(name: unknown, field: string): void {
    const text = String(name);
    if (field === 'columnid' && text === '*') return;
    const problem = identifierProblem(text);
    // `_` and `*` as a column are only odd (the analysis reports them as missing columns);
    // what matters here is that nothing reaches the generated JavaScript.
    if (problem && (/[\\'\n\r\u2028\u2029]/.test(text) || field === 'as' || field === 'name'))
      throw this.refuse(`the name "${text.replace(/[\n\r\u2028\u2029]/g, ' ')}" cannot be used: ${problem}`);
  }

  private refuse(reason: string, position?: SqlPosition): TapdashError {
    return refusal(this.owner, reason, position);
  }
}

function refusal(owner: SqlOwner, reason: string, position?: SqlPosition, fix = REFUSE_FIX): TapdashError {
  const at = position ? ` (${describePosition(position)})` : '';
  return new TapdashError({
    code: 'model_sql_refused',
    message: `The SQL of ${owner.label} cannot run${at}: ${reason}. Models may only read the spreadsheet's tabs and other models.`,
    fix,
    where: owner.where,
  });
}

function syntaxError(sql: string, owner: SqlOwner, error: unknown): TapdashError {
  const message = error instanceof Error ? error.message : String(error);
  const problem = syntaxProblem(sql, message);
  const where = problem.position ? ` at ${describePosition(problem.position)}` : '';
  const what = problem.atEnd
    ? 'the query ends too early (something is missing at the end)'
    : problem.near
      ? `AlaSQL did not expect \`${problem.near}\` there`
      : 'AlaSQL could not read it';
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(problem.near ?? '')?.[0];
  const keyword = word !== undefined && isReservedWord(word);
  return new TapdashError(
    {
      code: 'model_sql_syntax',
      message: `The SQL of ${owner.label} has a syntax error${where}: ${what}.${keyword ? ` \`${word}\` is an SQL word.` : ''}`,
      fix: keyword
        ? `To use \`${word}\` as a name, put it in square brackets: [${word}].`
        : 'Check the commas, brackets and quotes around that spot. Put names with spaces, dots or other symbols in square brackets, like [customer.email], and text in single quotes.',
      where: owner.where,
    },
    { cause: error },
  );
}

/** Whether AlaSQL reads the word as part of its grammar rather than as a name (TOTAL, KEY, VALUE…). */
function isReservedWord(word: string): boolean {
  try {
    getAlasql().parse(`SELECT 1 AS ${word} FROM t`);
    return false;
  } catch {
    return true;
  }
}

let classNames: Map<unknown, string> | undefined;

/** The AlaSQL class of a node by constructor identity (the browser build's class names are minified). */
export function classOf(node: unknown): string {
  if (node === null || typeof node !== 'object') return typeof node;
  const proto = Object.getPrototypeOf(node);
  if (proto === Object.prototype || proto === null) return 'Object';
  if (!classNames) {
    classNames = new Map();
    const yy = getAlasql().yy as Record<string, unknown>;
    for (const [name, ctor] of Object.entries(yy)) if (typeof ctor === 'function') classNames.set(ctor, name);
  }
  return classNames.get((node as { constructor: unknown }).constructor) ?? 'Unknown';
}

let aggregates: Set<string> | undefined;

function builtinAggregates(): Set<string> {
  aggregates ??= new Set(Object.keys(getAlasql().aggr));
  return aggregates;
}

/** Object.hasOwn is newer than the Apps Script runtime we can count on. */
function hasOwn(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}
