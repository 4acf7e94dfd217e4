/**
 * One browser test's world: the playground on a fresh temp workbook, headless Chromium with the
 * playground page open, and the sidebar iframe. Server functions are called through the
 * playground's /api/run, the same route the sidebar's google.script.run takes.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { type RunningPlayground, startPlayground } from '../../playground/server';
import type { SheetView, WorkbookView } from '../../playground/sheet-view';
import { ARTIFACTS, launchBrowser } from './browser';

export interface PlaygroundSessionOptions {
  /** Connect the demo source, sync it to the end and refresh, before the page opens. */
  demo?: boolean;
  /** The sidebar tab to open once the page is loaded (`nav-<tab>`). */
  tab?: string;
  /** The emulator's simulated start instant. */
  now?: number;
  /** Start the vendors' mock APIs (`npm start -- --mock-apis`). */
  mockApis?: boolean;
  viewport?: { width: number; height: number };
}

export interface PlaygroundSession {
  playground: RunningPlayground;
  browser: Browser;
  page: Page;
  sidebar: FrameLocator;
  /** Calls a server function as the sidebar would and returns its value (throws its error). */
  run<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  /** The workbook's tabs, as the playground page draws them. */
  workbook(): Promise<WorkbookView>;
  /** One tab as the playground page draws it, or null when there is no such tab. */
  sheet(name: string): Promise<SheetView | null>;
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

export async function openPlayground(options: PlaygroundSessionOptions = {}): Promise<PlaygroundSession> {
  const dir = mkdtempSync(join(tmpdir(), 'tapdash-browser-'));
  const playground = await startPlayground({
    port: 0,
    workbookFile: join(dir, 'workbook.json'),
    now: options.now,
    mockApis: options.mockApis,
    quiet: true,
  });
  const url = playground.url;
  let browser: Browser | undefined;
  try {
    if (options.demo) await prepareDemo(url);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    await page.goto(url);
    const sidebar = page.frameLocator('[data-testid="sidebar"]');
    if (options.tab) await sidebar.getByTestId(`nav-${options.tab}`).click();
    const opened = browser;
    return {
      playground,
      browser: opened,
      page,
      sidebar,
      run: (name, ...args) => runOn(url, name, args),
      workbook: async () => (await (await fetch(`${url}/api/workbook`)).json()) as WorkbookView,
      sheet: async (name) => {
        const res = await fetch(`${url}/api/sheet?name=${encodeURIComponent(name)}`);
        return res.ok ? ((await res.json()) as SheetView) : null;
      },
      close: async () => {
        await opened.close();
        await playground.close();
      },
    };
  } catch (e) {
    // A failed start must not leave a server or a browser behind to hang the run.
    await browser?.close();
    await playground.close();
    throw e;
  }
}

/** The sidebar iframe's document, once the iframe is on the page. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="sidebar"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sidebar iframe has no document');
  return frame;
}

/**
 * Saves the whole sidebar (artifacts/<name>.png): the viewport grows to the sidebar's content,
 * since the playground page is only as tall as the window.
 */
export async function sidebarScreenshot(page: Page, name: string): Promise<void> {
  const frame = await sidebarFrame(page);
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
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
