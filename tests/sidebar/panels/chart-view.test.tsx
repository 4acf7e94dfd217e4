/** @jest-environment jsdom */
import { render, screen } from '@testing-library/preact';
import { ChartView, fitToSidebar } from '../../../sidebar/dashboard/ChartView';

describe('a Dashboard chart in the sidebar', () => {
  it('carries the note when Sheets cannot draw the chart natively', () => {
    const detail =
      '“Funnel” is shown in the Tapdash sidebar, not as a Sheets chart: layer: Sheets charts have one mark.';
    render(
      <ul>
        <ChartView chart={{ id: 'funnel', title: 'Funnel', shown: 'sidebar', detail }} />
      </ul>,
    );
    expect(screen.getByTestId('chart-note').textContent).toBe(detail);
  });

  it('says what to wait for when the chart’s model has not been built yet', () => {
    const detail = '“MRR” appears here after the first refresh builds “demo_mrr”.';
    render(
      <ul>
        <ChartView chart={{ id: 'mrr', title: 'MRR', shown: 'waiting', detail }} />
      </ul>,
    );
    expect(screen.getByTestId('chart-mrr').textContent).toContain(detail);
    expect(screen.queryByTestId('chart-note')).toBeNull();
  });

  it('sizes single views to the sidebar and puts legends under the plot', () => {
    const spec = fitToSidebar({ title: 'MRR', mark: 'line', config: { axis: { grid: false } } });
    expect(spec).toMatchObject({ width: 236, height: 140, autosize: { type: 'fit-x' } });
    expect(spec.title).toBeUndefined();
    expect(spec.config).toEqual({
      axis: { grid: false },
      legend: expect.objectContaining({ orient: 'bottom' }),
    });
    expect(fitToSidebar({ facet: { row: { field: 'x' } }, spec: {} })).not.toHaveProperty('width');
  });
});
