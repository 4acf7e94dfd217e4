import { orderModels } from '../../src/model/model-graph';

describe('model dependency order', () => {
  it('runs each model after the models it reads, keeping the given order otherwise', () => {
    const { order, cycles } = orderModels([
      { name: 'report', sql: '', reads: ['mrr', 'stripe_charges'] },
      { name: 'mrr', sql: '', reads: ['subs'] },
      { name: 'subs', sql: '', reads: ['stripe_subscriptions'] },
      { name: 'other', sql: '', reads: [] },
    ]);
    expect(order).toEqual(['subs', 'mrr', 'report', 'other']);
    expect(cycles.size).toBe(0);
  });

  it('fails every model on a cycle, spelling the cycle out from its own point of view', () => {
    const { cycles } = orderModels([
      { name: 'a', sql: 'SELECT * FROM b', reads: ['b'] },
      { name: 'b', sql: 'SELECT *\nFROM c', reads: ['c'] },
      { name: 'c', sql: 'SELECT * FROM a', reads: ['a'] },
      { name: 'd', sql: 'SELECT * FROM a', reads: ['a'] },
    ]);
    expect([...cycles.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(cycles.get('b')?.message).toBe(
      'Model `b` reads `c` (line 2, column 6), and the models read each other in a circle: `b` → `c` → `a` → `b`. None of them can run first.',
    );
    expect(cycles.get('b')?.code).toBe('model_cycle');
  });

  it('treats a model reading itself as a cycle', () => {
    expect(orderModels([{ name: 'a', sql: 'SELECT * FROM a', reads: ['a'] }]).cycles.get('a')?.code).toBe(
      'model_cycle',
    );
  });
});
