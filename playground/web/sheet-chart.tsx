/** A native Sheets chart drawn from its plan (type, options, live ranges) with Vega-Lite. */
import { useEffect, useRef } from 'preact/hooks';
import embed from 'vega-embed';
import type { ChartView } from '../sheet-view';
import { sheetChartToVegaLite } from './sheet-chart-spec';

export function SheetChart({ chart, left, top }: { chart: ChartView; left: number; top: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = Number(chart.options.width ?? 520);
  const height = Number(chart.options.height ?? 300);
  const key = JSON.stringify(chart);
  useEffect(() => {
    if (!ref.current) return;
    // The spec fits axes, labels and legends inside the box (less its 1px border), as Sheets does.
    const spec = sheetChartToVegaLite(chart, width - 2, height - 2);
    const result = embed(ref.current, spec as never, { actions: false, renderer: 'svg' });
    return () => {
      result.then((r) => r.finalize()).catch(() => undefined);
    };
  }, [key]);
  // vega-embed styles its own element (position: relative), so it gets an inner box.
  return (
    <figure
      class="chart"
      data-testid="sheet-chart"
      data-chart-type={chart.type}
      aria-label={String(chart.options.title ?? `${chart.type} chart`)}
      style={{ left, top, width, height }}
    >
      <div ref={ref} />
    </figure>
  );
}
