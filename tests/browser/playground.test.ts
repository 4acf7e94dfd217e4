import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type RunningPlayground, startPlayground } from '../../playground/server';
import { launchBrowser, screenshot } from '../support/browser';

describe('the playground in headless Chromium', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapdash-pg-'));
    playground = await startPlayground({ port: 0, workbookFile: join(dir, 'workbook.json') });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('shows the emulated spreadsheet with its name and tab strip', async () => {
    await page.getByTestId('spreadsheet-name').filter({ hasText: 'My business' }).waitFor();
    expect(await page.getByRole('tab').count()).toBeGreaterThan(0);
  });

  it('loads the built Sidebar.html whose google.script.run call is answered by the emulator', async () => {
    const sidebar = page.frameLocator('[data-testid="sidebar"]');
    await sidebar.getByTestId('context').waitFor();
    expect(await sidebar.getByTestId('context').textContent()).toContain('My business');
    await screenshot(page, 'playground-sidebar');
  });
});
