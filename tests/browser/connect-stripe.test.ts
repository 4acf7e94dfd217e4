import { type StripeMock, startStripeMock } from '../connectors/stripe/mock-stripe';
import { NOW, SAAS_BY_ENDPOINT } from '../connectors/stripe/support/saas-fixture';
import { screenshot } from '../support/browser';
import { openPlayground, type PlaygroundSession } from '../support/playground-session';
import { expectNoHorizontalScroll, seriousAxeViolations } from '../support/sidebar-checks';

const RIGHT_KEY = 'rk_test_51TapdashSidebar000000000';
const WRONG_KEY = 'sk_test_51ThisKeyIsWrong000000000';

/** Adding Stripe from the sidebar against the mock Stripe API: a wrong key first, then the right one. */
describe('connecting Stripe in the sidebar', () => {
  let mock: StripeMock;
  let s: PlaygroundSession;

  beforeAll(async () => {
    mock = await startStripeMock({
      apiKey: RIGHT_KEY,
      data: SAAS_BY_ENDPOINT,
    });
    s = await openPlayground({ now: Date.parse(NOW) });
  });

  afterAll(async () => {
    await s?.close();
    await mock?.close();
  });

  it('goes from the welcome to a searchable list of sources and opens Stripe’s form', async () => {
    await s.sidebar.getByTestId('welcome-connect').click();
    await s.sidebar.getByTestId('connector-picker').waitFor();
    expect(await seriousAxeViolations(s.page)).toEqual([]);
    await screenshot(s.page, 'source-picker');
    await s.sidebar.getByLabel('Search sources').fill('stri');
    expect(await s.sidebar.locator('[data-testid^="connector-"] .connector-label').allTextContents()).toEqual(
      ['Stripe'],
    );
    await s.sidebar.getByTestId('connector-stripe').click();
    await s.sidebar.getByTestId('setup-form').waitFor();
    expect(await seriousAxeViolations(s.page)).toEqual([]);
    await screenshot(s.page, 'stripe-form');
    expect(await s.sidebar.getByLabel('Secret or restricted API key').getAttribute('type')).toBe('password');
    expect(await s.sidebar.getByRole('link', { name: 'Where do I find this?' }).getAttribute('href')).toBe(
      'https://dashboard.stripe.com/apikeys',
    );
  });

  it('at 300 px keeps Cancel beside Save and sync, and leaves the Tapdash title to Sheets', async () => {
    const save = await s.sidebar.getByTestId('setup-save').boundingBox();
    const cancel = await s.sidebar.getByTestId('setup-cancel').boundingBox();
    expect(cancel?.y).toBe(save?.y);
    expect(await s.sidebar.getByRole('heading', { level: 1, name: 'Tapdash' }).count()).toBe(1);
    // Visually hidden: a 1 px box, still read out by screen readers.
    const title = await s.sidebar.getByRole('heading', { level: 1 }).boundingBox();
    expect(title?.width).toBeLessThanOrEqual(1);
  });

  it('says as the user types that a publishable key cannot read data', async () => {
    await s.sidebar.getByLabel('Secret or restricted API key').fill('pk_live_abcdefghijkl');
    await s.sidebar.getByText(/Publishable keys \(pk_…\) cannot read data/).waitFor();
  });

  it('shows Stripe’s refusal of a wrong key and saves nothing', async () => {
    await s.sidebar.getByLabel('Secret or restricted API key').fill(WRONG_KEY);
    await s.sidebar.getByTestId('setup-advanced').click();
    await s.sidebar.getByLabel('API base URL (optional)').fill(mock.url);
    await s.sidebar.getByTestId('setup-test').click();
    const error = s.sidebar.getByTestId('setup-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Stripe rejected the API key/);
    await s.sidebar.getByTestId('setup-save').click();
    await s.sidebar.getByTestId('setup-save').filter({ hasText: 'Save and sync' }).waitFor();
    expect(await error.textContent()).toMatch(/Stripe rejected the API key/);
    expect(await error.textContent()).not.toContain(WRONG_KEY);
    expect(await s.run('listConnections')).toEqual([]);
    await expectNoHorizontalScroll(s.page);
    await screenshot(s.page, 'stripe-wrong-key');
  });

  it('with the right key saves, shows the sync’s progress, and builds the Stripe summary tabs', async () => {
    await s.sidebar.getByLabel('Secret or restricted API key').fill(RIGHT_KEY);
    await s.sidebar.getByTestId('setup-test').click();
    await s.sidebar.getByTestId('setup-tested').waitFor();
    expect(await s.sidebar.getByTestId('setup-tested').textContent()).toMatch(
      /^Connected to Stripe: [\d,]+ customers on the first page\.$/,
    );
    await s.sidebar.getByTestId('setup-save').click();
    await s.sidebar.getByTestId('sync-progress').waitFor();
    await s.sidebar.getByTestId('sync-done').waitFor({ timeout: 60_000 });
    expect(await s.sidebar.getByTestId('sync-counts').textContent()).toMatch(
      /^8 of 8 streams · [\d,]+ rows loaded$/,
    );
    expect(await s.sidebar.getByTestId('sync-streams').locator('li').count()).toBe(8);
    expect(await s.sidebar.getByTestId('sync-done').textContent()).toMatch(
      /Stripe is synced\. Built \d+ summary tabs \(Stripe/,
    );
    await expectNoHorizontalScroll(s.page);
    await screenshot(s.page, 'stripe-sync-progress');

    const visible = (await s.workbook()).sheets.filter((t) => !t.hidden).map((t) => t.name);
    expect(visible.filter((n) => n.startsWith('Stripe')).length).toBeGreaterThan(3);
    expect(visible).toContain('Dashboard');
    const saved =
      await s.run<Array<{ id: string; secretsSaved: string[]; config: Record<string, string> }>>(
        'listConnections',
      );
    expect(saved).toMatchObject([{ id: 'stripe', secretsSaved: ['apiKey'], config: { baseUrl: mock.url } }]);
    expect(JSON.stringify(saved)).not.toContain(RIGHT_KEY);
    await s.page.reload();
    await s.page.getByRole('tab', { name: 'Dashboard' }).click();
    await screenshot(s.page, 'stripe-synced');
  });

  it('lists Stripe afterwards; editing it never shows the saved key, only that it is kept when left blank', async () => {
    await s.sidebar.getByTestId('connection-stripe').waitFor();
    expect(
      await s.sidebar.getByTestId('connection-stripe').getByTestId('connection-status').textContent(),
    ).toBe('Healthy');
    await s.sidebar.getByTestId('connection-edit').click();
    const key = s.sidebar.getByLabel('Secret or restricted API key (optional)');
    expect(await key.inputValue()).toBe('');
    await s.sidebar.getByText('Saved — leave blank to keep it.').waitFor();
    expect(await s.sidebar.locator('body').innerHTML()).not.toContain(RIGHT_KEY);
    expect(await seriousAxeViolations(s.page)).toEqual([]);
    await screenshot(s.page, 'stripe-edit');
  });
});
