import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarChart } from '../../src/dashboard/sidebar-charts';
import { loadCharts } from './load-charts';
import { useNearView } from './use-visible';

/** Room for a chart inside the 300 px sidebar (panel and box padding taken off). */
const CHART_WIDTH = 236;
const CHART_HEIGHT = 140;

/** A spec sized for the sidebar; composite views (layers aside) keep their own sizes. */
export function fitToSidebar(spec: Record<string, unknown>): Record<string, unknown> {
  const composite = ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((k) => k in spec);
  // The panel shows the title above the chart; inside a 236 px drawing it would crowd the plot.
  const { title: _title, ...rest } = spec;
  // Legends go under the plot: beside it they would take half of the 236 px.
  const config = {
    ...(spec.config as Record<string, unknown> | undefined),
    legend: { orient: 'bottom', direction: 'horizontal', columns: 2, labelLimit: 100 },
  };
  if (composite) return { ...rest, config, autosize: { type: 'pad' } };
  return {
    ...rest,
    config,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit-x', contains: 'padding' },
  };
}

/** One Dashboard chart drawn with vega-embed, with the note on where it lives in the spreadsheet. */
export function ChartView({ chart }: { chart: SidebarChart }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const near = useNearView(box);

  useEffect(() => {
    const spec = chart.spec;
    if (!spec || !box.current || !near) return;
    let release: (() => void) | undefined;
    let cancelled = false;
    loadCharts()
      .then((lib) => lib.draw(box.current as HTMLElement, fitToSidebar(spec)))
      .then(
        (finalize) => {
          if (cancelled) finalize();
          else release = finalize;
        },
        (e: unknown) => {
          if (!cancelled) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
    return () => {
      cancelled = true;
      release?.();
    };
  }, [chart.spec, near]);

  return (
    <li class="chart-item" data-testid={`chart-${chart.id}`}>
      <h3>{chart.title}</h3>
      {chart.shown === 'sidebar' && (
        <p class="notice warn-notice small-text" data-testid="chart-note">
          {chart.detail}
        </p>
      )}
      {(chart.shown === 'waiting' || chart.shown === 'error') && (
        <p class={`notice small-text ${chart.shown === 'error' ? 'error-notice' : 'warn-notice'}`}>
          {chart.detail}
        </p>
      )}
      {chart.spec && <div class="chart-box" ref={box} role="img" aria-label={`Chart: ${chart.title}`} />}
      {failed && <p class="field-error">This chart could not be drawn here: {failed}</p>}
    </li>
  );
}
