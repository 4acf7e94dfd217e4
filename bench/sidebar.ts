/**
 * The sidebar's weight and speed (issue #6 targets: interactive in under 1 s on the playground,
 * dist/Sidebar.html under 1.5 MB with Vega included): its bytes and gzip bytes, and the time
 * from navigation to the first painted panel in headless Chromium, median of N cold loads.
 *
 * "First painted panel" is the first frame after an element `[data-testid^="panel-"]` enters
 * the document (a MutationObserver installed before any of the page's scripts, then a
 * requestAnimationFrame): what the user sees once the sidebar's first two server calls
 * (getContext, listConnections) have answered and the view is chosen.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startPlayground } from '../playground/server';
import { launchBrowser } from '../tests/support/browser';

const RUNS = 7;
const SIZE_LIMIT = 1.5 * 1024 * 1024;
const INTERACTIVE_MS = 1000;

interface Target {
  what: string;
  measured: string;
  ok: boolean;
}

export interface SidebarBench {
  bytes: number;
  gzipBytes: number;
  /** Whether Vega ships inside Sidebar.html (the Dashboard view's charts). */
  includesVega: boolean;
  cases: Array<{ name: string; panel: string; runsMs: number[]; medianMs: number; firstPaintMs: number }>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Records when the first panel is painted, on the page's own clock (navigation start = 0).
 * Plain text, not a function: tsx's name-keeping helpers would not exist in the page.
 */
const PROBE = `
  const observer = new MutationObserver(() => {
    const panel = document.querySelector('[data-testid^="panel-"]');
    if (!panel || window.__panelSeen) return;
    window.__panelSeen = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__panel = { at: performance.now(), id: panel.getAttribute('data-testid') || '' };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
`;

export async function benchSidebar(runs = RUNS): Promise<SidebarBench> {
  const dir = mkdtempSync(join(tmpdir(), 'tapdash-bench-sidebar-'));
  const playground = await startPlayground({
    port: 0,
    workbookFile: join(dir, 'workbook.json'),
    quiet: true,
  });
  const html = readFileSync(join(__dirname, '../dist/Sidebar.html'));
  const browser = await launchBrowser();
  const cases: SidebarBench['cases'] = [];
  try {
    const measure = async (name: string) => {
      const runsMs: number[] = [];
      const paints: number[] = [];
      let panel = '';
      for (let i = 0; i < runs; i++) {
        // A new context each time: a cold load, nothing cached.
        const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
        const page = await context.newPage();
        await page.addInitScript({ content: PROBE });
        await page.goto(`${playground.url}/sidebar`);
        const seen = (await (
          await page.waitForFunction(() => (window as unknown as { __panel?: unknown }).__panel, undefined, {
            timeout: 30_000,
          })
        ).jsonValue()) as { at: number; id: string };
        const fcp = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        );
        runsMs.push(seen.at);
        paints.push(fcp);
        panel = seen.id;
        await context.close();
      }
      cases.push({ name, panel, runsMs, medianMs: median(runsMs), firstPaintMs: median(paints) });
    };
    await measure('First-timer (no connections: Welcome)');
    playground.workspace.invoke('saveConnection', [{ connector: 'demo', config: {} }], {
      kind: 'script-run',
      authMode: 'FULL',
    });
    await measure('Returning user (one connection: Sources)');
  } finally {
    await browser.close();
    await playground.close();
  }
  return {
    bytes: html.byteLength,
    gzipBytes: gzipSync(html, { level: 9 }).byteLength,
    includesVega: /vega-lite|vega-embed|\bvega\b/i.test(html.toString('utf8')),
    cases,
  };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** bench/run.ts's section: a markdown table and the targets. */
export async function benchSidebarReport(): Promise<{ markdown: string; targets: Target[] }> {
  const r = await benchSidebar();
  const markdown = [
    `\`dist/Sidebar.html\`: ${kb(r.bytes)} (${kb(r.gzipBytes)} gzipped), Vega ${r.includesVega ? 'included' : 'not included'}.`,
    '',
    `Time to the first painted panel in headless Chromium on the playground (cold load of the built Sidebar.html at 300 px, its google.script.run calls answered by the emulator; median of ${RUNS}):`,
    '',
    '| Case | Panel | First contentful paint | First panel painted (median) | Runs |',
    '|---|---|---|---|---|',
    ...r.cases.map(
      (c) =>
        `| ${c.name} | ${c.panel} | ${c.firstPaintMs.toFixed(0)} ms | ${c.medianMs.toFixed(0)} ms | ${c.runsMs.map((m) => m.toFixed(0)).join(', ')} ms |`,
    ),
  ].join('\n');
  const slowest = Math.max(...r.cases.map((c) => c.medianMs));
  return {
    markdown,
    targets: [
      {
        what: `Sidebar.html under 1.5 MB${r.includesVega ? ' with Vega included' : ' (Vega not yet included)'}`,
        measured: kb(r.bytes),
        ok: r.bytes < SIZE_LIMIT,
      },
      {
        what: 'Sidebar interactive in under 1 s (first panel painted)',
        measured: `${slowest.toFixed(0)} ms`,
        ok: slowest < INTERACTIVE_MS,
      },
    ],
  };
}

if (require.main === module) {
  benchSidebarReport().then(
    (r) => {
      console.log(r.markdown);
      for (const t of r.targets) console.log(`${t.ok ? 'met' : 'NOT met'}: ${t.what} — ${t.measured}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
