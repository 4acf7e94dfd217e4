/**
 * Runs one guarded query on a fresh AlaSQL database that holds only the tables it reads, and
 * drops the database afterwards: no query sees another's tables, indexes or leftovers.
 */
import { TapdashError } from '../shared/errors';
import { getAlasql } from './alasql-runtime';
import { replaceMinMax } from './sql-functions';
import type { GuardedQuery, SqlOwner } from './sql-guard';
import { classOf } from './sql-guard';
import type { TableData } from './values';

export function executeQuery(
  guarded: GuardedQuery,
  tables: ReadonlyMap<string, TableData>,
  owner: SqlOwner,
): Record<string, unknown>[] {
  const alasql = getAlasql();
  const db = new alasql.Database();
  try {
    for (const name of guarded.reads) {
      const table = tables.get(name);
      if (!table) continue;
      const columns = table.columns.map((columnid) => ({ columnid }));
      // Declared columns let AlaSQL tell which table an unqualified column belongs to in a join.
      db.tables[name] = new alasql.Table({
        tableid: name,
        data: table.rows,
        columns,
        xcolumns: Object.fromEntries(columns.map((c) => [c.columnid, c])),
      });
    }
    replaceMinMax(guarded.statement);
    const statement = guarded.statement as { compile?: (id: string) => (params: object) => unknown };
    let result: unknown;
    if (classOf(guarded.statement) === 'Select' && statement.compile) {
      result = statement.compile(db.databaseid)({});
    } else {
      alasql.precompile(guarded.statement, db.databaseid, {});
      result = (guarded.statement as { execute: (id: string, params: object) => unknown }).execute(
        db.databaseid,
        {},
      );
    }
    if (!Array.isArray(result)) return [];
    return result as Record<string, unknown>[];
  } catch (error) {
    if (error instanceof TapdashError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // AlaSQL compiles SQL to JavaScript, so a text function on a number fails as "y.trim is not a function".
    const message = /is not a function|Cannot read properties/.test(detail)
      ? `a function got a value of the wrong type, for example TRIM or SUBSTRING of a number or a date (${detail})`
      : detail;
    throw new TapdashError(
      {
        code: 'model_runtime',
        message: `${owner.label.charAt(0).toUpperCase()}${owner.label.slice(1)} failed while running: ${message}.`,
        fix: 'Check the functions and types used around that part of the query (for example text compared with numbers), then refresh again.',
        where: owner.where,
      },
      { cause: error },
    );
  } finally {
    delete alasql.databases[db.databaseid];
  }
}
