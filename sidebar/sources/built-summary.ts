import type { SidebarApi } from '../../src/entry/api';

export type RefreshOutcome = ReturnType<SidebarApi['refreshNow']>;

/**
 * What a refresh built for one source, in one sentence: that source's summary tabs (by name, so
 * the user can find them) and the Dashboard's charts; failed reports are named with their reason.
 * A refresh rebuilds every source's tabs, but after connecting Stripe the user wants to hear about
 * Stripe's, not the Demo's forty.
 */
export function describeBuilt(
  result: RefreshOutcome,
  connector: string,
): { text: string; failures: string[] } {
  const ok = result.models.filter((m) => m.status === 'ok' && isPackageModelOf(m.name, connector));
  const charts = result.charts.filter((c) => c.shown === 'sheet' || c.shown === 'sidebar').length;
  const chartText = `the Dashboard with ${charts} ${charts === 1 ? 'chart' : 'charts'}`;
  const text =
    ok.length === 0
      ? `Updated ${chartText}.`
      : `Built ${ok.length} summary ${ok.length === 1 ? 'tab' : 'tabs'} (${names(ok.map((m) => m.label))}) and ${chartText}.`;
  const failures = result.models
    .filter((m) => m.status === 'failed')
    .map((m) => `${m.label}: ${m.error?.message ?? 'it failed'}`);
  return { text, failures };
}

/**
 * Package models are named `<connector>_<what>` (tests/sidebar/sources/built-summary.test.ts
 * holds every shipped package to it); the sidebar goes by the name so that it need not bundle
 * the packages' SQL to know whose model is whose.
 */
export function isPackageModelOf(modelName: string, connector: string): boolean {
  return modelName.startsWith(`${connector}_`);
}

function names(labels: string[]): string {
  return labels.length <= 4
    ? labels.join(', ')
    : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`;
}
