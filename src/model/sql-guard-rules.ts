/**
 * What the guard (sql-guard.ts) lets through and what it refuses, with reasons in words. An
 * allowlist: node classes, operators, functions and aggregates not listed here are refused.
 */

/** Statement classes and what they would do, in words. */
export const STATEMENT_WORDS: Record<string, string> = {
  Insert: 'INSERT changes data',
  Update: 'UPDATE changes data',
  Delete: 'DELETE changes data',
  Merge: 'MERGE changes data',
  TruncateTable: 'TRUNCATE deletes data',
  CreateTable: 'CREATE TABLE creates a table',
  DropTable: 'DROP removes a table',
  AlterTable: 'ALTER changes a table',
  CreateIndex: 'CREATE INDEX changes a table',
  DropIndex: 'DROP INDEX changes a table',
  Reindex: 'REINDEX changes a table',
  CreateTrigger: 'CREATE TRIGGER attaches code to a table',
  DropTrigger: 'DROP TRIGGER changes a table',
  CreateVertex: 'CREATE VERTEX changes data',
  CreateEdge: 'CREATE EDGE changes data',
  CreateGraph: 'CREATE GRAPH changes data',
  CreateDatabase: 'CREATE DATABASE creates a database',
  DropDatabase: 'DROP DATABASE removes a database',
  AttachDatabase: 'ATTACH reaches a database outside the spreadsheet',
  DetachDatabase: 'DETACH changes the databases in use',
  UseDatabase: 'USE switches to another database',
  Require: 'REQUIRE loads code',
  Source: 'SOURCE runs SQL from a file or URL',
  SetVariable: 'SET changes a setting or variable',
  Declare: 'DECLARE creates a variable',
  JavaScript: 'it runs JavaScript (CREATE FUNCTION, ``code``)',
};

export const STATEMENT_KEYWORD: Record<string, string> = {
  Insert: 'INSERT',
  Update: 'UPDATE',
  Delete: 'DELETE',
  Merge: 'MERGE',
  TruncateTable: 'TRUNCATE',
  CreateTable: 'CREATE',
  DropTable: 'DROP',
  AlterTable: 'ALTER',
  CreateIndex: 'CREATE',
  DropIndex: 'DROP',
  CreateDatabase: 'CREATE',
  DropDatabase: 'DROP',
  AttachDatabase: 'ATTACH',
  DetachDatabase: 'DETACH',
  UseDatabase: 'USE',
  Require: 'REQUIRE',
  Source: 'SOURCE',
  SetVariable: 'SET',
  Declare: 'DECLARE',
};

/** Expression-level classes that are harmless; their fields are still walked. */
export const ALLOWED_CLASSES = new Set([
  'Select',
  'WithSelect',
  'Table',
  'Join',
  'Column',
  'AggrValue',
  'FuncValue',
  'Op',
  'UniOp',
  'Expression',
  'OrderExpression',
  'GroupExpression',
  'CaseValue',
  'NumValue',
  'StringValue',
  'LogicValue',
  'NullValue',
  'ExistsValue',
  'Convert',
  'ArrayValue',
]);

/** Classes refused inside a SELECT, with the reason. */
export const REFUSED_CLASSES: Record<string, string> = {
  JavaScript: 'it runs JavaScript (``code``)',
  Json: 'it uses an @{…} or @[…] JavaScript value',
  ParamValue: 'it uses a parameter (?, $name or :name), and models have none',
  VarValue: 'it uses an @variable',
  DomainValueValue: 'it uses VALUE, which only works in table definitions',
  Search: 'it uses SEARCH',
  Apply: 'it uses CROSS/OUTER APPLY',
  Over: 'it uses a window function (OVER …), which models do not support yet; use GROUP BY',
};

export const ALLOWED_OPS = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '==',
  '===',
  '!=',
  '<>',
  '!==',
  '!===',
  '>',
  '<',
  '>=',
  '<=',
  'AND',
  'OR',
  'IS',
  'IN',
  'NOT IN',
  'LIKE',
  'NOT LIKE',
  'ILIKE',
  'NOT ILIKE',
  'BETWEEN',
  'NOT BETWEEN',
  '||',
  '&',
  '|',
  '^',
  '<<',
  '>>',
]);

export const REFUSED_OPS: Record<string, string> = {
  '->': 'it reaches into JavaScript objects with -> (or names a column with more than one dot outside brackets; write [customer.email])',
  '!': 'it reaches into stored objects with !',
  REGEXP: 'it uses REGEXP, whose patterns can run for hours on some texts; use LIKE',
  GLOB: 'it uses GLOB; use LIKE',
};

export const ALLOWED_UNARY = new Set(['-', '+', 'NOT', '~']);

/** Built-in functions that reach outside the query or return JavaScript objects. */
export const REFUSED_FUNCTIONS = new Set([
  'OBJECT_ID',
  'USER',
  'CLONEDEEP',
  'EXTEND',
  'REGEXP_LIKE',
  'JAVASCRIPT',
]);

export const AGGREGATORS = new Set([
  'SUM',
  'COUNT',
  'MIN',
  'MAX',
  'AVG',
  'FIRST',
  'LAST',
  'AGGR',
  'TOTAL',
  'ARRAY',
]);

/** String fields that name tables, columns or aliases: AlaSQL pastes them into JavaScript. */
export const NAME_FIELDS = new Set(['columnid', 'tableid', 'as', 'name', 'alias', 'databaseid']);
