import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { type RunningPlayground, startPlayground } from '../../playground/server';
import type { WorkbookView } from '../../playground/sheet-view';
import { type StripeMock, startStripeMock } from '../connectors/stripe/mock-stripe';
import { NOW, SAAS } from '../connectors/stripe/support/saas-fixture';
import { launchBrowser, screenshot } from '../support/browser';

const RIGHT_KEY = 'rk_test_51TapdashSidebar000000000';
const WRONG_KEY = 'sk_test_51ThisKeyIsWrong000000000';

/** Adding Stripe from the sidebar against the mock Stripe API: a wrong key first, then the right one. */
describe('connecting Stripe in the sidebar', () => {
  let mock: StripeMock;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let sidebar: FrameLocator;

  /** What the server has, asked the way the sidebar asks (google.script.run over the playground bridge). */
  async function server<T>(name: string, ...args: unknown[]): Promise<T> {
    const r = await fetch(`${playground.url}/api/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, args }),
    });
    const body = (await r.json()) as { ok: boolean; result: { ok: boolean; value: T } };
    return body.result.value;
  }
  /** Marketplace review: everything fits the 300 px sidebar, with no horizontal scroll. */
  async function fitsWithoutHorizontalScroll(): Promise<boolean> {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    return frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }
  /** axe-core's serious and critical findings in the sidebar, as "rule: target" lines. */
  async function seriousAxeViolations(): Promise<string[]> {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
      type AxeViolation = { id: string; impact: string; nodes: Array<{ target: string[] }> };
      const { violations } = await axe.run();
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    });
  }
  const workbook = async () => (await (await fetch(`${playground.url}/api/workbook`)).json()) as WorkbookView;

  beforeAll(async () => {
    mock = await startStripeMock({
      apiKey: RIGHT_KEY,
      data: {
        '/v1/customers': SAAS.customers,
        '/v1/subscriptions': SAAS.subscriptions,
        '/v1/prices': SAAS.prices,
        '/v1/invoices': SAAS.invoices,
        '/v1/charges': SAAS.charges,
        '/v1/balance_transactions': SAAS.balanceTransactions,
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'tapdash-stripe-'));
    playground = await startPlayground({
      port: 0,
      workbookFile: join(dir, 'workbook.json'),
      now: Date.parse(NOW),
      quiet: true,
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
    sidebar = page.frameLocator('[data-testid="sidebar"]');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await mock?.close();
  });

  it('goes from the welcome to a searchable list of sources and opens Stripe’s form', async () => {
    await sidebar.getByTestId('welcome-connect').click();
    await sidebar.getByTestId('connector-picker').waitFor();
    expect(await seriousAxeViolations()).toEqual([]);
    await screenshot(page, 'source-picker');
    await sidebar.getByLabel('Search sources').fill('stri');
    expect(await sidebar.locator('[data-testid^="connector-"] .connector-label').allTextContents()).toEqual([
      'Stripe',
    ]);
    await sidebar.getByTestId('connector-stripe').click();
    await sidebar.getByTestId('setup-form').waitFor();
    expect(await seriousAxeViolations()).toEqual([]);
    await screenshot(page, 'stripe-form');
    expect(await sidebar.getByLabel('Secret or restricted API key').getAttribute('type')).toBe('password');
    expect(await sidebar.getByRole('link', { name: 'Where do I find this?' }).getAttribute('href')).toBe(
      'https://dashboard.stripe.com/apikeys',
    );
  });

  it('says as the user types that a publishable key cannot read data', async () => {
    await sidebar.getByLabel('Secret or restricted API key').fill('pk_live_abcdefghijkl');
    await sidebar.getByText(/Publishable keys \(pk_…\) cannot read data/).waitFor();
  });

  it('shows Stripe’s refusal of a wrong key and saves nothing', async () => {
    await sidebar.getByLabel('Secret or restricted API key').fill(WRONG_KEY);
    await sidebar.getByTestId('setup-advanced').click();
    await sidebar.getByLabel('API base URL (optional)').fill(mock.url);
    await sidebar.getByTestId('setup-test').click();
    const error = sidebar.getByTestId('setup-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Stripe rejected the API key/);
    await sidebar.getByTestId('setup-save').click();
    await sidebar.getByTestId('setup-save').filter({ hasText: 'Save and sync' }).waitFor();
    expect(await error.textContent()).toMatch(/Stripe rejected the API key/);
    expect(await error.textContent()).not.toContain(WRONG_KEY);
    expect(await server('listConnections')).toEqual([]);
    expect(await fitsWithoutHorizontalScroll()).toBe(true);
    await screenshot(page, 'stripe-wrong-key');
  });

  it('with the right key saves, shows the sync’s progress, and builds the Stripe summary tabs', async () => {
    await sidebar.getByLabel('Secret or restricted API key').fill(RIGHT_KEY);
    await sidebar.getByTestId('setup-save').click();
    await sidebar.getByTestId('sync-progress').waitFor();
    await sidebar.getByTestId('sync-done').waitFor({ timeout: 60_000 });
    expect(await sidebar.getByTestId('sync-counts').textContent()).toMatch(
      /^8 of 8 streams · [\d,]+ rows loaded$/,
    );
    expect(await sidebar.getByTestId('sync-streams').locator('li').count()).toBe(8);
    expect(await sidebar.getByTestId('sync-done').textContent()).toMatch(
      /Stripe is synced\. Built \d+ summary tabs/,
    );
    expect(await fitsWithoutHorizontalScroll()).toBe(true);
    await screenshot(page, 'stripe-sync-progress');

    const visible = (await workbook()).sheets.filter((s) => !s.hidden).map((s) => s.name);
    expect(visible.filter((n) => n.startsWith('Stripe')).length).toBeGreaterThan(3);
    expect(visible).toContain('Dashboard');
    const saved =
      await server<Array<{ id: string; secretsSaved: string[]; config: Record<string, string> }>>(
        'listConnections',
      );
    expect(saved).toMatchObject([{ id: 'stripe', secretsSaved: ['apiKey'], config: { baseUrl: mock.url } }]);
    expect(JSON.stringify(saved)).not.toContain(RIGHT_KEY);
    await page.reload();
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await screenshot(page, 'stripe-synced');
  });

  it('lists Stripe afterwards; editing it never shows the saved key, only that it is kept when left blank', async () => {
    await sidebar.getByTestId('connection-stripe').waitFor();
    expect(
      await sidebar.getByTestId('connection-stripe').getByTestId('connection-status').textContent(),
    ).toBe('Healthy');
    await sidebar.getByTestId('connection-edit').click();
    const key = sidebar.getByLabel('Secret or restricted API key (optional)');
    expect(await key.inputValue()).toBe('');
    await sidebar.getByText('Saved — leave blank to keep it.').waitFor();
    expect(await sidebar.locator('body').innerHTML()).not.toContain(RIGHT_KEY);
    expect(await seriousAxeViolations()).toEqual([]);
    await screenshot(page, 'stripe-edit');
  });
});
