import fc from 'fast-check';
import {
  type ChartSlotContent,
  chartRect,
  GRID,
  layoutDashboard,
} from '../../src/dashboard/dashboard-layout';
import type { TileContent } from '../../src/dashboard/kpi-tiles';

const HEADER = { title: 'Acme', refreshed: 'Last refreshed Mar 3, 2026 at 9:00 AM', warning: '' };

function tile(n: number): TileContent {
  return {
    label: `Metric ${n}`,
    value: `='Model'!B${n + 1}`,
    change: '=1',
    sparkline: `=SPARKLINE('Model'!B2:B${n + 1})`,
    valueFormat: '$#,##0',
    changeColor: '#188038',
  };
}

const chart = (n: number): ChartSlotContent => ({ key: `c${n}`, kind: 'chart' });

describe('Dashboard layout', () => {
  it('fits a laptop screen at 100% zoom: the grid is under 1,200 px wide', () => {
    const layout = layoutDashboard(HEADER, [tile(1)], [chart(1)]);
    const width = layout.columnWidths.reduce((sum, c) => sum + c.width, 0);
    expect(width).toBeLessThanOrEqual(1200);
    expect(layout.columnWidths).toEqual([
      { column: 1, width: 24 },
      { column: 2, width: 290 },
      { column: 3, width: 290 },
      { column: 4, width: 290 },
      { column: 5, width: 290 },
    ]);
  });

  it('puts the header first: title, refresh time, then the warning line', () => {
    const layout = layoutDashboard({ ...HEADER, warning: '⚠ Stripe sync is failing.' }, [], []);
    expect(layout.block.values.slice(0, 3).map((r) => r[1])).toEqual([
      "'Acme",
      "'Last refreshed Mar 3, 2026 at 9:00 AM",
      "'⚠ Stripe sync is failing.",
    ]);
    expect(layout.block.fontColors[2][1]).toBe('#b3261e');
  });

  it('stores titles as literal text, so a name starting with = is not a formula', () => {
    expect(layoutDashboard({ ...HEADER, title: '=IMPORTXML("x")' }, [], []).block.values[0][1]).toBe(
      `'=IMPORTXML("x")`,
    );
  });

  it('lays tiles four to a row: label, value, change, sparkline', () => {
    const layout = layoutDashboard(HEADER, [1, 2, 3, 4, 5].map(tile), []);
    const column = (c: number) => layout.block.values.map((r) => r[c]);
    expect(column(1).slice(4, 8)).toEqual(["'Metric 1", "='Model'!B2", '=1', "=SPARKLINE('Model'!B2:B2)"]);
    expect(column(4).slice(4, 8)).toEqual(["'Metric 4", "='Model'!B5", '=1', "=SPARKLINE('Model'!B2:B5)"]);
    expect(column(1).slice(9, 13)).toEqual(["'Metric 5", "='Model'!B6", '=1', "=SPARKLINE('Model'!B2:B6)"]);
    expect(layout.block.numberFormats[5][1]).toBe('$#,##0');
    expect(layout.block.fontColors[6][1]).toBe('#188038');
  });

  it('places charts two per row, aligned to the tile columns', () => {
    const layout = layoutDashboard(HEADER, [], [chart(1), chart(2), chart(3)]);
    expect(layout.charts.map((c) => [c.key, c.position.row, c.position.column, c.position.offsetX])).toEqual([
      ['c1', 5, 2, 0],
      ['c2', 5, 4, 5],
      ['c3', 6, 2, 0],
    ]);
    expect(layout.rowHeights.find((r) => r.row === 5)?.height).toBe(GRID.chartRowHeight);
  });

  it('keeps a chart slot for a chart shown in the sidebar, with the reason in the cell', () => {
    const layout = layoutDashboard(
      HEADER,
      [],
      [
        { key: 'a', kind: 'placeholder', text: '“Cohorts” is shown in the Tapdash sidebar', tone: 'info' },
        chart(2),
      ],
    );
    expect(layout.block.values[4][1]).toBe("'“Cohorts” is shown in the Tapdash sidebar");
    expect(layout.charts.map((c) => [c.key, c.position.column])).toEqual([['c2', 4]]);
  });

  it('never overlaps charts, keeps each inside its row and the grid, below the tiles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 12 }), (tiles, charts) => {
        const layout = layoutDashboard(
          HEADER,
          Array.from({ length: tiles }, (_, i) => tile(i)),
          Array.from({ length: charts }, (_, i) => chart(i)),
        );
        const bottomOfRow = (row: number) =>
          layout.rowHeights.filter((r) => r.row <= row).reduce((s, r) => s + r.height, 0);
        const gridRight = layout.columnWidths.reduce((s, c) => s + c.width, 0);
        const rects = layout.charts.map((c) => ({ ...chartRect(c, layout), row: c.position.row }));
        for (const [i, r] of rects.entries()) {
          if (r.right > gridRight || r.top < bottomOfRow(r.row - 1) || r.bottom > bottomOfRow(r.row))
            return false;
          for (const o of rects.slice(i + 1)) {
            const apart = r.right <= o.left || o.right <= r.left || r.bottom <= o.top || o.bottom <= r.top;
            if (!apart) return false;
          }
        }
        return layout.charts.length === charts;
      }),
    );
  });
});
