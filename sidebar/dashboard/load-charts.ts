/**
 * Loads the charting library (sidebar/lazy-charts.ts) on first use: its code sits in the page
 * as inert text, and running it costs a few hundred milliseconds we do not spend before the
 * sidebar is interactive.
 */
export interface ChartsLibrary {
  /** Draws a Vega-Lite spec into the element; the returned function releases it. */
  draw(element: HTMLElement, spec: Record<string, unknown>): Promise<() => void>;
}

declare global {
  interface Window {
    tapdashCharts?: ChartsLibrary;
  }
}

export const LAZY_SCRIPT_ID = 'tapdash-lazy-charts';

let loading: Promise<ChartsLibrary> | undefined;

export function loadCharts(): Promise<ChartsLibrary> {
  if (window.tapdashCharts) return Promise.resolve(window.tapdashCharts);
  loading ??= new Promise<ChartsLibrary>((resolve, reject) => {
    const code = document.getElementById(LAZY_SCRIPT_ID)?.textContent ?? '';
    if (!code.trim() || code.includes('/*LAZY_JS*/')) {
      reject(new Error('The charts could not be loaded: this sidebar was built without them.'));
      return;
    }
    const script = document.createElement('script');
    script.textContent = code;
    document.head.appendChild(script);
    if (window.tapdashCharts) resolve(window.tapdashCharts);
    else reject(new Error('The charts could not be loaded.'));
  }).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
