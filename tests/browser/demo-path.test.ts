import { screenshot } from '../support/browser';
import { openPlayground, type PlaygroundSession, sidebarFrame } from '../support/playground-session';

/** The demo path: a first-timer clicks "Try it with demo data" and ends on a live Dashboard. */
describe('the demo path in the sidebar', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground();
  });

  afterAll(async () => {
    await s?.close();
  });

  it('welcomes a first-timer with the demo as the one primary action and a way to connect a source', async () => {
    await s.sidebar.getByTestId('panel-welcome').waitFor();
    expect(await s.sidebar.locator('button.primary').allTextContents()).toEqual(['Try it with demo data']);
    expect(await s.sidebar.getByTestId('welcome-connect').textContent()).toBe('Connect my first source');
    await screenshot(s.page, 'welcome');
  });

  it('shows its steps while it works, then ends on the Dashboard view with a Dashboard tab of tiles and charts', async () => {
    // The demo can finish in a second or two: record what the sidebar showed on the way.
    const frame = await sidebarFrame(s.page);
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
    await s.sidebar.getByTestId('welcome-demo').click();
    await s.sidebar
      .locator('[data-testid="nav-dashboard"][aria-current="page"]')
      .waitFor({ timeout: 90_000 });
    await s.sidebar.getByTestId('panel-dashboard').waitFor();
    const seen = await frame.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(
      expect.arrayContaining([
        'active,todo,todo,todo|disabled',
        'done,active,todo,todo|disabled',
        'done,done,active,todo|disabled',
      ]),
    );

    const tabs = (await s.workbook()).sheets;
    expect(tabs.find((t) => t.name === 'Dashboard')).toMatchObject({ hidden: false });
    const dashboard = (await s.sheet('Dashboard'))!;
    const text = dashboard.values.flat().join(' ');
    expect(text).toMatch(/MRR/i);
    expect(dashboard.charts.length).toBeGreaterThan(0);
    await s.page.reload();
    await s.page.getByRole('tab', { name: 'Dashboard' }).click();
    await s.page.getByTestId('sheet-chart').first().waitFor();
    await screenshot(s.page, 'demo-dashboard');
  });

  it('lists the demo source as healthy under Sources afterwards', async () => {
    await s.sidebar.getByTestId('nav-sources').click();
    const card = s.sidebar.getByTestId('connection-demo');
    await card.waitFor();
    expect(await card.getByTestId('connection-status').textContent()).toBe('Healthy');
    expect(await card.getByTestId('connection-last-sync').textContent()).toMatch(
      /Last synced just now · [\d,]+ rows/,
    );
    await screenshot(s.page, 'demo-sources');
  });
});
