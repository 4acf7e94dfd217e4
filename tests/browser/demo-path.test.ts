import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { type RunningPlayground, startPlayground } from '../../playground/server';
import type { SheetView, WorkbookView } from '../../playground/sheet-view';
import { launchBrowser, screenshot } from '../support/browser';

/** The demo path: a first-timer clicks "Try it with demo data" and ends on a live Dashboard. */
describe('the demo path in the sidebar', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  const workbook = async () => (await (await fetch(`${playground.url}/api/workbook`)).json()) as WorkbookView;
  const sheet = async (name: string) =>
    (await (await fetch(`${playground.url}/api/sheet?name=${encodeURIComponent(name)}`)).json()) as SheetView;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapdash-demo-'));
    playground = await startPlayground({ port: 0, workbookFile: join(dir, 'workbook.json'), quiet: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
    sidebar = page.frameLocator('[data-testid="sidebar"]');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('welcomes a first-timer with the demo as the one primary action and a way to connect a source', async () => {
    await sidebar.getByTestId('panel-welcome').waitFor();
    expect(await sidebar.locator('button.primary').allTextContents()).toEqual(['Try it with demo data']);
    expect(await sidebar.getByTestId('welcome-connect').textContent()).toBe('Connect my first source');
    await screenshot(page, 'welcome');
  });

  it('shows its steps while it works, then ends on the Dashboard view with a Dashboard tab of tiles and charts', async () => {
    // The demo can finish in a second or two: record what the sidebar showed on the way.
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    await frame.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const steps = document.querySelector('[data-testid="demo-steps"]');
        const button = document.querySelector<HTMLButtonElement>('[data-testid="welcome-demo"]');
        if (!steps) return;
        const states = [...steps.querySelectorAll('li')].map((li) => li.dataset.state).join(',');
        const entry = `${states}|${button?.disabled ? 'disabled' : 'enabled'}`;
        if (seen[seen.length - 1] !== entry) seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await sidebar.getByTestId('welcome-demo').click();
    await sidebar.locator('[data-testid="nav-dashboard"][aria-current="page"]').waitFor({ timeout: 90_000 });
    await sidebar.getByTestId('panel-dashboard').waitFor();
    const seen = await frame.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(
      expect.arrayContaining([
        'active,todo,todo,todo|disabled',
        'done,active,todo,todo|disabled',
        'done,done,active,todo|disabled',
      ]),
    );

    const tabs = (await workbook()).sheets;
    expect(tabs.find((s) => s.name === 'Dashboard')).toMatchObject({ hidden: false });
    const dashboard = await sheet('Dashboard');
    const text = dashboard.values.flat().join(' ');
    expect(text).toMatch(/MRR/i);
    expect(dashboard.charts.length).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.getByTestId('sheet-chart').first().waitFor();
    await screenshot(page, 'demo-dashboard');
  });

  it('lists the demo source as healthy under Sources afterwards', async () => {
    await sidebar.getByTestId('nav-sources').click();
    const card = sidebar.getByTestId('connection-demo');
    await card.waitFor();
    expect(await card.getByTestId('connection-status').textContent()).toBe('Healthy');
    expect(await card.getByTestId('connection-last-sync').textContent()).toMatch(
      /Last synced just now · [\d,]+ rows/,
    );
    await screenshot(page, 'demo-sources');
  });
});
