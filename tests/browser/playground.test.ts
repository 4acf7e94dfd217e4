import { screenshot } from '../support/browser';
import { openPlayground, type PlaygroundSession, sidebarFrame } from '../support/playground-session';

describe('the playground in headless Chromium', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('shows the emulated spreadsheet with its name and tab strip', async () => {
    await s.page.getByTestId('spreadsheet-name').filter({ hasText: 'My business' }).waitFor();
    expect(await s.page.getByRole('tab').count()).toBeGreaterThan(0);
  });

  it('loads the built Sidebar.html whose google.script.run call is answered by the emulator', async () => {
    await s.sidebar.getByTestId('context').waitFor();
    expect(await s.sidebar.getByTestId('context').textContent()).toContain('My business');
    await screenshot(s.page, 'playground-sidebar');
  });
});

describe('the Dashboard tab drawn as Sheets shows it', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ demo: true, viewport: { width: 1400, height: 900 } });
    await s.page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
    await s.page.getByTestId('sheet-chart').first().waitFor();
  });

  afterAll(async () => {
    await s?.close();
  });

  it('shows KPI tiles with their formatted values in their big font, and sparklines', async () => {
    const sheet = s.playground.workspace.emu.globals.SpreadsheetApp.getActive().getSheetByName('Dashboard');
    const tile = sheet?.getRange('B6');
    const cell = s.page.locator('[data-cell="B6"]');
    expect(await cell.textContent()).toBe(tile?.getDisplayValue());
    expect(await cell.textContent()).toMatch(/^\$[\d,]+$/);
    // Sheets sizes fonts in points: 1 pt = 4/3 px.
    const px = Number.parseFloat(await cell.evaluate((el) => getComputedStyle(el).fontSize));
    expect(px).toBeCloseTo(((tile?.getFontSize() ?? 0) * 4) / 3, 2);
    expect(await s.page.getByTestId('sparkline').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'playground-dashboard-tiles');
  });

  it('draws every embedded chart at its anchor cell plus offsets', async () => {
    const sheet = s.playground.workspace.emu.globals.SpreadsheetApp.getActive().getSheetByName('Dashboard');
    const charts = sheet?.getCharts() ?? [];
    expect(await s.page.getByTestId('sheet-chart').count()).toBe(charts.length);
    const info = charts[1].getContainerInfo();
    const letter = String.fromCharCode(64 + info.getAnchorColumn());
    const anchor = await s.page.locator(`[data-cell="${letter}${info.getAnchorRow()}"]`).boundingBox();
    const chart = s.page.getByTestId('sheet-chart').nth(1);
    await chart.scrollIntoViewIfNeeded();
    const drawn = await chart.boundingBox();
    const cellNow = await s.page.locator(`[data-cell="${letter}${info.getAnchorRow()}"]`).boundingBox();
    expect(anchor).not.toBeNull();
    expect(Math.abs((drawn?.x ?? 0) - ((cellNow?.x ?? 0) + info.getOffsetX()))).toBeLessThanOrEqual(2);
    expect(Math.abs((drawn?.y ?? 0) - ((cellNow?.y ?? 0) + info.getOffsetY()))).toBeLessThanOrEqual(2);
    // Vega-Lite drew the chart's plan: an SVG with marks inside the chart box.
    expect(
      await chart.locator('svg .mark-area, svg .mark-rect, svg .mark-line, svg .mark-arc').count(),
    ).toBeGreaterThan(0);
    await screenshot(s.page, 'playground-dashboard-charts');
  });
});

describe('npm start -- --mock-apis', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ mockApis: true, viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('shows the demo Stripe key in the page banner', async () => {
    await s.page.getByTestId('mock-banner').waitFor();
    expect(await s.page.getByTestId('demo-key').textContent()).toBe('sk_test_tapdashdemo');
    await screenshot(s.page, 'playground-mock-banner');
  });

  it("answers the sidebar's Stripe connection test from the local mock", async () => {
    const frame = await sidebarFrame(s.page);
    const before = (await s.playground.mockApis?.requests('stripe'))?.length ?? 0;
    const result = (await frame.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google
            .script.run as unknown as {
            withSuccessHandler(f: (v: unknown) => void): {
              withFailureHandler(f: (e: unknown) => void): { testConnection(input: unknown): void };
            };
          };
          run
            .withSuccessHandler(resolve)
            .withFailureHandler(reject)
            .testConnection({ connector: 'stripe', config: { apiKey: 'sk_test_tapdashdemo' } });
        }),
    )) as { ok: boolean; value: { records: number } };
    expect(result.ok).toBe(true);
    expect(result.value.records).toBeGreaterThan(0);
    const after = (await s.playground.mockApis?.requests('stripe')) ?? [];
    expect(after.length).toBe(before + 1);
    expect(after[after.length - 1].path).toBe('/v1/customers');
  });
});
