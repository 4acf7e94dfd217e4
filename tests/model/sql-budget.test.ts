import { runModels } from '../../src/model/run-models';

function table(rows: number, keyEvery = 1): unknown[][] {
  const grid: unknown[][] = [['id', 'key', 'amount']];
  for (let i = 0; i < rows; i++) grid.push([i, Math.floor(i / keyEvery), i % 7]);
  return grid;
}

function run(sql: string, sources: Record<string, unknown[][]>) {
  return runModels({
    models: [{ name: 'm', sql }],
    sources: new Map(Object.entries(sources)),
    budget: { maxRowsExamined: 1_000_000, maxResultRows: 100_000 },
  })[0];
}

describe('the row budget', () => {
  it('refuses a runaway cross join before running it, saying why', () => {
    const result = run('SELECT a.id AS x, b.id AS y FROM a CROSS JOIN b', { a: table(2000), b: table(2000) });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('model_budget');
    expect(result.error?.message).toMatch(/up to 4,00\d,\d{3} rows, over the limit of 1,000,000/);
    expect(result.error?.message).toMatch(
      /pairs each of up to 2,000 rows with each of the 2,000 rows of `b`/,
    );
    expect(result.error?.fix).toMatch(/JOIN … ON a\.id = b\.id/);
  });

  it('counts a comma join as the cross join it is', () => {
    const result = run('SELECT a.id AS x FROM a, b WHERE a.id = b.id', { a: table(2000), b: table(2000) });
    expect(result.error?.code).toBe('model_budget');
  });

  it('lets a key join through, bounded by the real duplicates of the key', () => {
    const result = run('SELECT COUNT(*) AS n FROM a JOIN b ON b.key = a.id', {
      a: table(2000),
      b: table(4000, 2),
    });
    expect(result.status).toBe('ok');
    expect(result.rows).toEqual([[4000]]);
    expect(result.estimatedWork).toBeLessThan(20_000);
  });

  it('refuses a key join whose key repeats enough to explode', () => {
    const result = run('SELECT COUNT(*) AS n FROM a JOIN b ON b.key = a.key', {
      a: table(2000, 1000),
      b: table(2000, 1000),
    });
    expect(result.error?.message).toMatch(
      /joining `b` \(2,000 rows\) on `key` can repeat a row up to 1,000 times/,
    );
  });

  it('counts a correlated subquery once per outer row', () => {
    const result = run('SELECT a.id, (SELECT COUNT(*) AS n FROM b WHERE b.key = a.id) AS n FROM a', {
      a: table(2000),
      b: table(2000),
    });
    expect(result.error?.message).toMatch(/a subquery runs once for each of up to 2,000 rows/);
  });

  it('lets a modest query run', () => {
    expect(
      run('SELECT key, SUM(amount) AS revenue FROM a GROUP BY key', { a: table(5000, 10) }).rows,
    ).toHaveLength(500);
  });
});
