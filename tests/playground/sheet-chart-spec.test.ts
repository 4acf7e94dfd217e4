/** The playground draws a native chart's axes with the formats the chart plan gave Sheets. */
import { icuDateToD3, icuNumberToD3, sheetChartToVegaLite } from '../../playground/web/sheet-chart-spec';

describe('axis formats from Google Charts (ICU) to Vega-Lite (d3)', () => {
  it.each([
    ['$#,##0', '$,.0f'],
    ['#,##0.00', ',.2f'],
    ['0.0%', '.1%'],
    ['0', '.0f'],
  ])('reads the number pattern %s as %s', (icu, d3) => {
    expect(icuNumberToD3(icu)).toBe(d3);
  });

  it.each([
    ['MMM yyyy', '%b %Y'],
    ['yyyy-MM-dd', '%Y-%m-%d'],
    ["'Q'Q yyyy", 'Q%q %Y'],
  ])('reads the date pattern %s as %s', (icu, d3) => {
    expect(icuDateToD3(icu)).toBe(d3);
  });

  it('leaves patterns it cannot read to the default', () => {
    expect(icuNumberToD3('# ?/?')).toBeUndefined();
    expect(icuDateToD3('GGGG')).toBeUndefined();
  });

  it("puts the chart's formats on its axes", () => {
    const spec = sheetChartToVegaLite(
      {
        type: 'AREA',
        options: { 'hAxis.format': 'MMM yyyy', 'vAxis.format': '$#,##0' },
        ranges: [
          {
            a1: 'MRR!A1:B3',
            values: [
              ['month', 'mrr'],
              ['2025-01-01T05:00:00.000Z', 100],
              ['2025-02-01T05:00:00.000Z', 120],
            ],
          },
        ],
      },
      400,
      200,
    ) as { encoding: { x: { axis: { format: string } }; y: { axis: { format: string } } } };
    expect(spec.encoding.x.axis.format).toBe('%b %Y');
    expect(spec.encoding.y.axis.format).toBe('$,.0f');
  });
});
