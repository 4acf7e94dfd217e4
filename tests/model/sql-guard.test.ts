import { guardSql } from '../../src/model/sql-guard';
import { runOne, thrown } from './support';

const owner = { label: 'model `m`', where: 'm' };
const refusal = (sql: string) => thrown(() => guardSql(sql, owner));

describe('the SQL guard', () => {
  describe('refuses, with a reason in words,', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['a file source CSV() with a path', "SELECT * FROM CSV('/etc/passwd')", /CSV\(…\), a file or URL/],
      ['a file source XLSX()', "SELECT * FROM XLSX('book.xlsx')", /XLSX\(…\), a file or URL/],
      ['a file source XLS()', "SELECT * FROM XLS('book.xls')", /XLS\(…\), a file or URL/],
      [
        'a file source JSON()',
        "SELECT * FROM JSON('https://example.com/data.json')",
        /JSON\(…\), a file or URL/,
      ],
      ['a file source TXT()', "SELECT * FROM TXT('notes.txt')", /TXT\(…\), a file or URL/],
      ['a file source TAB()', "SELECT * FROM TAB('data.tab')", /TAB\(…\), a file or URL/],
      ['a file named by a bare string', "SELECT * FROM 'data.csv'", /CSV\(…\), a file or URL/],
      ['a file joined in', "SELECT * FROM t JOIN CSV('x.csv') ON 1 = 1", /not a table or a subquery/],
      ['SELECT INTO a table', 'SELECT * INTO copy FROM t', /INTO writes/],
      ['SELECT INTO a file', "SELECT * INTO XLSX('out.xlsx') FROM t", /INTO writes/],
      ['REQUIRE', "REQUIRE 'plugin'", /REQUIRE loads code/],
      ['SOURCE', "SOURCE 'https://example.com/x.sql'", /SOURCE runs SQL from a file/],
      ['ATTACH', "ATTACH FILESTORAGE DATABASE other ('data.json')", /ATTACH reaches a database outside/],
      ['DETACH', 'DETACH DATABASE other', /DETACH/],
      ['USE', 'USE other', /USE switches/],
      ['CREATE TABLE', 'CREATE TABLE x (a INT)', /CREATE TABLE/],
      ['CREATE VIEW', 'CREATE VIEW v AS SELECT * FROM t', /cannot run/],
      ['CREATE INDEX', 'CREATE INDEX i ON t (a)', /CREATE INDEX/],
      ['CREATE DATABASE', 'CREATE DATABASE other', /CREATE DATABASE/],
      ['DROP TABLE', 'DROP TABLE t', /DROP removes a table/],
      ['ALTER TABLE', 'ALTER TABLE t ADD COLUMN b INT', /ALTER changes a table/],
      ['INSERT', 'INSERT INTO t VALUES (1)', /INSERT changes data/],
      ['UPDATE', 'UPDATE t SET a = 1', /UPDATE changes data/],
      ['DELETE', 'DELETE FROM t', /DELETE changes data/],
      ['MERGE', 'MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE', /MERGE changes data/],
      ['SET', 'SET @a = 1', /SET changes/],
      ['DECLARE', 'DECLARE @a INT', /DECLARE creates a variable/],
      [
        'CREATE FUNCTION (user JavaScript)',
        'CREATE FUNCTION f AS ``function(){ return 1 }``',
        /runs JavaScript/,
      ],
      ['backtick JavaScript in an expression', 'SELECT ``process.exit()`` AS x FROM t', /runs JavaScript/],
      ['a JAVASCRIPT() call', "SELECT JAVASCRIPT('1') AS x FROM t", /JAVASCRIPT\(\)/],
      ['an @{} JavaScript object', 'SELECT @{a:1} AS x FROM t', /@\{…\}/],
      ['an @[] JavaScript array as a source', 'SELECT * FROM @[{a:1}]', /@\{…\}/],
      [
        'a user-defined (alasql.fn) function',
        'SELECT Date(a) AS x FROM t',
        /JavaScript function rather than an SQL one/,
      ],
      ['NEW object construction', 'SELECT NEW Date() AS x FROM t', /creates a JavaScript object/],
      ['an unknown function', 'SELECT launch(a) AS x FROM t', /not an SQL function AlaSQL knows/],
      ['a function that reaches other databases', "SELECT OBJECT_ID('t') AS x FROM t", /OBJECT_ID/],
      ['the -> property arrow', 'SELECT a->constructor AS x FROM t', /->/],
      ['the # object reference', 'SELECT #a AS x FROM t', /reaches stored objects/],
      ['REGEXP', "SELECT * FROM t WHERE a REGEXP '(a+)+$'", /REGEXP/],
      ['a parameter', 'SELECT ? AS x FROM t', /parameter/],
      ['an @variable', 'SELECT @x AS x FROM t', /@variable/],
      ['a table of another database', 'SELECT * FROM other.t', /another database/],
      ['multiple statements', 'SELECT * FROM t; SELECT * FROM u', /2 statements/],
      ['a write hidden after a SELECT', 'SELECT * FROM t; DELETE FROM t', /2 statements/],
      ['WITH RECURSIVE', 'WITH RECURSIVE r AS (SELECT 1 AS n) SELECT * FROM r', /RECURSIVE/],
      ['a window function', 'SELECT SUM(a) OVER (PARTITION BY b) AS s FROM t', /window function/],
      ['SELECT VALUE', 'SELECT VALUE COUNT(*) FROM t', /VALUE returns a single value/],
      ['PIVOT', "SELECT * FROM t PIVOT (SUM(a) FOR b IN ('x'))", /PIVOT/],
      ['a statement that is not a SELECT', 'SHOW TABLES', /not a SELECT/],
      ['an empty query', '   ', /empty/],
      [
        'a name with a backslash (it would reach the generated JavaScript)',
        'SELECT [a\\] AS x FROM t',
        /backslash/,
      ],
      ['an output name AlaSQL misreads', 'SELECT a AS [constructor] FROM t', /special meaning/],
    ];
    it.each(cases)('%s', (_what, sql, reason) => {
      const error = refusal(sql);
      expect(error.code).toBe('model_sql_refused');
      expect(error.message).toMatch(reason);
      expect(error.message).toMatch(/^The SQL of model `m` cannot run/);
      expect(error.fix).not.toBe('');
      expect(error.where).toBe('m');
    });
  });

  it('points at the offending keyword', () => {
    expect(refusal('SELECT *\nFROM t;\n\nDELETE FROM t').message).toMatch(/2 statements/);
    expect(refusal("SELECT a\n  FROM CSV('x.csv')").message).toMatch(/\(line 2, column 8\)/);
  });

  it('reports a syntax error with its line and column in plain words', () => {
    const error = refusalOrSyntax('SELECT a,\n  b FROM t WHERE (');
    expect(error.code).toBe('model_sql_syntax');
    expect(error.message).toBe(
      'The SQL of model `m` has a syntax error at line 2, column 19: the query ends too early (something is missing at the end).',
    );
    expect(refusalOrSyntax('SELECT [a FROM t').message).toMatch(
      /line 1, column 8: AlaSQL did not expect `\[a FROM t`/,
    );
  });

  it('says when a name is an SQL word and how to use it anyway', () => {
    const error = refusalOrSyntax('SELECT SUM(amount) AS total FROM t');
    expect(error.message).toMatch(/line 1, column 23: .* `total` is an SQL word\.$/);
    expect(error.fix).toBe('To use `total` as a name, put it in square brackets: [total].');
  });

  it('accepts read-only SELECTs with joins, CTEs, unions, subqueries and the usual functions', () => {
    const sqls = [
      'SELECT a, SUM(b) AS s FROM t WHERE c > 1 GROUP BY a HAVING SUM(b) > 0 ORDER BY s DESC LIMIT 10',
      'WITH x AS (SELECT a FROM t) SELECT x.a FROM x JOIN u ON x.a = u.a LEFT JOIN v USING (a)',
      'SELECT a FROM t UNION ALL SELECT a FROM u',
      'SELECT * FROM (SELECT a FROM t) AS s WHERE a IN (SELECT a FROM u) AND EXISTS (SELECT 1 AS one FROM v)',
      "SELECT CASE WHEN a > 1 THEN 'big' ELSE NULL END AS c, CAST(a AS STRING) AS d, COALESCE(a, 0) AS e FROM t",
      "SELECT MONTH_START(d) AS m, COUNT(DISTINCT a) AS n, MEDIAN(b) AS med FROM t WHERE a LIKE '%x%' GROUP BY MONTH_START(d)",
      'SELECT YEAR(d) AS y, ROUND(AVG(b), 2) AS avg_b, UPPER(a) AS up FROM t GROUP BY YEAR(d), UPPER(a)',
      "SELECT CONVERT(STRING, d, 112) AS day, CAST(b AS DECIMAL(10,2)) AS amount, GROUP_CONCAT(a SEPARATOR '; ') AS names FROM t GROUP BY CONVERT(STRING, d, 112), CAST(b AS DECIMAL(10,2))",
    ];
    for (const sql of sqls) expect(() => guardSql(sql, owner)).not.toThrow();
  });

  it('lists the tables a query reads, without its CTE names', () => {
    expect(guardSql('WITH x AS (SELECT * FROM t) SELECT * FROM x JOIN u ON x.a = u.a', owner).reads).toEqual([
      't',
      'u',
    ]);
  });

  it('keeps a string in an IN list from reaching generated JavaScript', () => {
    const g = globalThis as { pwned?: number };
    g.pwned = 0;
    const result = runOne(`SELECT a FROM t WHERE a IN ('"]+(globalThis.pwned=1)+["')`, { t: [['a'], [1]] });
    expect(g.pwned).toBe(0);
    expect(result.error).toBeUndefined();
    expect(result.rows).toEqual([]);
  });

  it('matches IN lists by value, not by the values joined with commas', () => {
    const t = { t: [['a'], ['x'], ['x,y']] };
    expect(runOne("SELECT a FROM t WHERE a IN ('x,y')", t).rows).toEqual([['x,y']]);
    expect(runOne("SELECT a FROM t WHERE a IN ('x', 'y')", t).rows).toEqual([['x']]);
  });
});

function refusalOrSyntax(sql: string) {
  return thrown(() => guardSql(sql, owner));
}
