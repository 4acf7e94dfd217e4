/**
 * Tapdash's private AlaSQL instance.
 *
 * Apps Script parses all of Code.js on every execution (each onOpen, each sidebar call), and
 * AlaSQL's browser build is half a megabyte whose start-up builds large parser tables. So the
 * bundle carries it as text and evaluates it here, the first time a model actually runs.
 * Under Node (jest) the same import resolves to the loaded module itself.
 */
/// <reference path="./alasql-source.d.ts" />
import source from '../../node_modules/alasql/dist/alasql.min.js' with { type: 'text' };
import { registerTapdashFunctions } from './sql-functions';

/** An AST node as AlaSQL's parser builds it: class instances with public fields. */
export type AstNode = Record<string, unknown>;

export interface AlaDatabase {
  databaseid: string;
  tables: Record<string, { data: unknown[] }>;
}

/** The part of AlaSQL we use (its own typings pull in xlsx and describe the global build). */
export interface AlaSQL {
  parse(sql: string): { statements: AstNode[] };
  yy: Record<string, new (params?: object) => AstNode>;
  Database: new (databaseid?: string) => AlaDatabase;
  Table: new (params?: object) => { data: unknown[] };
  databases: Record<string, unknown>;
  options: Record<string, unknown>;
  stdfn: Record<string, (...args: never[]) => unknown>;
  stdlib: Record<string, (...args: string[]) => string>;
  aggr: Record<string, unknown>;
  fn: Record<string, unknown>;
  precompile(statement: AstNode, databaseid: string, params: object): void;
}

let instance: AlaSQL | undefined;

export function getAlasql(): AlaSQL {
  if (instance) return instance;
  const loaded = typeof source === 'string' ? evaluate(source) : (source as unknown as AlaSQL);
  configure(loaded);
  instance = loaded;
  return loaded;
}

function evaluate(text: string): AlaSQL {
  const module = { exports: {} as unknown };
  // AlaSQL compiles every query with `new Function` anyway, so this adds no new capability.
  new Function('module', 'exports', text)(module, module.exports);
  return module.exports as AlaSQL;
}

function configure(alasql: AlaSQL): void {
  // The IN-list cache keys its sets by the values joined with commas and pastes that key into
  // generated JavaScript unescaped: a string value can break out of it, and IN ('a,b') collides
  // with IN ('a','b'). Each query is compiled once on a fresh database, so the cache buys nothing.
  alasql.options.cache = false;
  alasql.options.casesensitive = true;
  alasql.options.errorlog = false;
  // NOW() and friends return Dates, like every other date in a model.
  alasql.options.dateAsString = false;
  registerTapdashFunctions(alasql);
}
