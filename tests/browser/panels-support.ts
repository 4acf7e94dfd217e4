/**
 * Shared set-up for the panel browser tests: a playground on a temp workbook with the demo source
 * connected, synced and refreshed through the playground's /api/run (the same server functions
 * the sidebar calls), then the page open with the sidebar on a given tab.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { type RunningPlayground, startPlayground } from '../../playground/server';
import { ARTIFACTS, launchBrowser } from '../support/browser';

export interface PanelSession {
  playground: RunningPlayground;
  browser: Browser;
  page: Page;
  sidebar: FrameLocator;
  /** Calls a server function as the sidebar would and returns its value (throws its error). */
  run<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function runOn<T>(url: string, name: string, args: unknown[]): Promise<T> {
  const res = await fetch(`${url}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, args }),
  });
  const body = (await res.json()) as { ok: boolean; result?: unknown; error?: string };
  if (!body.ok) throw new Error(`${name} failed: ${body.error}`);
  const result = body.result as { ok?: boolean; value?: T; error?: { message: string } } | null;
  if (result && typeof result === 'object' && 'ok' in result) {
    if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
    return result.value as T;
  }
  return result as T;
}

/** Connects the demo source and runs its sync to the end, then refreshes models and the Dashboard. */
export async function prepareDemo(url: string): Promise<void> {
  await runOn(url, 'saveConnection', [{ connector: 'demo', config: {} }]);
  for (let i = 0; i < 20; i++) {
    const p = await runOn<{ stopped?: string; done?: boolean }>(url, 'runSyncChunk', ['demo']);
    if (p.done || p.stopped !== 'deadline') break;
  }
  await runOn(url, 'refreshNow', []);
}

export async function openPanels(options: { demo: boolean; tab: string }): Promise<PanelSession> {
  const dir = mkdtempSync(join(tmpdir(), 'tapdash-panels-'));
  const playground = await startPlayground({
    port: 0,
    workbookFile: join(dir, 'workbook.json'),
    quiet: true,
  });
  if (options.demo) await prepareDemo(playground.url);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(playground.url);
  const sidebar = page.frameLocator('[data-testid="sidebar"]');
  await sidebar.getByTestId(`nav-${options.tab}`).click();
  return {
    playground,
    browser,
    page,
    sidebar,
    run: (name, ...args) => runOn(playground.url, name, args),
    close: async () => {
      await browser.close();
      await playground.close();
    },
  };
}

/** The sidebar iframe's document must not scroll sideways at 300 px. */
export async function sidebarOverflow(page: Page): Promise<number> {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  if (!frame) throw new Error('The sidebar frame is missing');
  return frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Saves the whole sidebar (artifacts/<name>.png): the viewport grows to the sidebar's content,
 * since the playground page is only as tall as the window.
 */
export async function sidebarScreenshot(page: Page, name: string): Promise<void> {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  const height = frame ? await frame.evaluate(() => document.documentElement.scrollHeight) : 900;
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: before.width, height: Math.min(Math.max(height + 140, 900), 8000) });
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator('[data-testid="sidebar"]').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  await page.setViewportSize(before);
}

/** Waits until `check` holds (the sidebar updates after a server round trip). */
export async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** axe-core's serious and critical findings in the sidebar, as "rule: target" lines. */
export async function seriousA11yProblems(page: Page): Promise<string[]> {
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  if (!frame) throw new Error('The sidebar frame is missing');
  // Judge the resting look: a hovered button has a lighter background.
  await page.mouse.move(0, 0);
  await frame.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? ''})`));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}
