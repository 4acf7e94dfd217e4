import { move, toConfig, toggle } from '../../../sidebar/dashboard/layout';
import { alertOf, describeAlert, formOf, scheduleOf } from '../../../sidebar/schedule/schedule-form';

const items = [
  { id: 'a', label: 'A', shown: true },
  { id: 'b', label: 'B', shown: true },
  { id: 'c', label: 'C', shown: true },
];

describe('the Dashboard layout editor', () => {
  it('moves an item up or down, and leaves the ends alone', () => {
    expect(move(items, 'b', -1).map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(move(items, 'b', 1).map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(move(items, 'a', -1).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(move(items, 'c', 1).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('saves shown ids in order per kind and hidden ones apart, per kind', () => {
    const tiles = toggle(move(items, 'c', -1), 'a');
    expect(toConfig(tiles, [{ id: 'chart', label: 'Chart', shown: false }])).toEqual({
      version: 2,
      tiles: ['c', 'b'],
      charts: [],
      hiddenTiles: ['a'],
      hiddenCharts: ['chart'],
    });
  });

  it('keeps a hidden tile and a shown chart of the same id apart', () => {
    const config = toConfig([{ id: 'x', label: 'X', shown: false }], [{ id: 'x', label: 'X', shown: true }]);
    expect(config.hiddenTiles).toEqual(['x']);
    expect(config.hiddenCharts).toEqual([]);
    expect(config.charts).toEqual(['x']);
  });
});

describe('the schedule picker', () => {
  it('stands for the schedule it shows, both ways', () => {
    for (const s of [
      { kind: 'off' as const },
      { kind: 'hours' as const, every: 4 as const },
      { kind: 'daily' as const, hour: 6 },
      { kind: 'weekly' as const, weekday: 'FRIDAY' as const, hour: 17 },
    ]) {
      expect(scheduleOf(formOf(s))).toEqual(s);
    }
  });

  it('makes alert rules from the form, refusing what is not a number', () => {
    expect(alertOf('mrr', 'below', '10,000', 'x')).toEqual({
      rule: { id: 'x', metricId: 'mrr', kind: 'below', value: 10000 },
    });
    expect(alertOf('mrr', 'change', '20', 'y')).toEqual({
      rule: { id: 'y', metricId: 'mrr', kind: 'change', percent: 20 },
    });
    expect(alertOf('mrr', 'above', 'lots', 'z')).toEqual({ problem: 'Enter a number.' });
    expect(alertOf('mrr', 'change', '0', 'z')).toEqual({ problem: 'Enter a percentage greater than 0.' });
  });

  it('describes a rule in words', () => {
    expect(describeAlert({ id: 'x', metricId: 'mrr', kind: 'below', value: 10000 }, 'MRR')).toBe(
      'MRR goes below 10,000',
    );
    expect(describeAlert({ id: 'y', metricId: 'mrr', kind: 'change', percent: 20 }, 'MRR')).toBe(
      'MRR changes by more than 20%',
    );
  });
});
