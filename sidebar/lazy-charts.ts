/**
 * The charting library, bundled apart from the sidebar: the build inlines it as an inert
 * <script type="text/x-tapdash-lazy"> that sidebar/dashboard/load-charts.ts runs only when a
 * chart is about to be drawn, so Vega's ~1 MB is never parsed before the first paint.
 */
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { ChartsLibrary } from './dashboard/load-charts';

const library: ChartsLibrary = {
  draw: async (element, spec) => {
    const result = await embed(element, spec as Parameters<typeof embed>[1], {
      renderer: 'svg',
      actions: false,
      // Expressions are interpreted, never compiled with new Function: whether the add-on's
      // sandboxed frame allows eval is undocumented (platform notes §3), and this needs nothing.
      ast: true,
      expr: expressionInterpreter,
      // Apps Script's sidebar sandbox forbids top navigation; no links out of a chart.
      loader: { target: '_blank' },
    });
    return () => result.finalize();
  },
};
window.tapdashCharts = library;
