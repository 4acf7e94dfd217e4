import type { SidebarApi } from '../../src/entry/api';

export type RefreshOutcome = ReturnType<SidebarApi['refreshNow']>;

/**
 * What a refresh built, in one sentence: the summary tabs (by name, so the user can find them)
 * and the Dashboard's charts; failed reports are named with their reason.
 */
export function describeBuilt(result: RefreshOutcome): { text: string; failures: string[] } {
  const ok = result.models.filter((m) => m.status === 'ok');
  const charts = result.charts.filter((c) => c.shown === 'sheet' || c.shown === 'sidebar').length;
  const tabs =
    ok.length === 0
      ? 'no summary tabs'
      : `${ok.length} summary ${ok.length === 1 ? 'tab' : 'tabs'} (${names(ok.map((m) => m.label))})`;
  const text = `Built ${tabs} and the Dashboard with ${charts} ${charts === 1 ? 'chart' : 'charts'}.`;
  const failures = result.models
    .filter((m) => m.status === 'failed')
    .map((m) => `${m.label}: ${m.error?.message ?? 'it failed'}`);
  return { text, failures };
}

function names(labels: string[]): string {
  return labels.length <= 4
    ? labels.join(', ')
    : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`;
}
