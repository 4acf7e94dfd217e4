import { openPlayground, type PlaygroundSession } from '../support/playground-session';
import { expectFitsAndAccessible } from '../support/sidebar-checks';

describe('the Dashboard view in the sidebar', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ demo: true, tab: 'dashboard' });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('draws a chart far down the panel when it scrolls into view, not before', async () => {
    const boxes = s.sidebar.getByTestId('panel-dashboard').locator('.chart-box');
    await boxes.locator('svg').first().waitFor({ timeout: 30_000 });
    const last = boxes.last();
    expect(await last.locator('svg').count()).toBe(0);
    expect(await boxes.locator('svg').count()).toBeLessThan(await boxes.count());
    await last.scrollIntoViewIfNeeded();
    await last.locator('svg').waitFor({ timeout: 30_000 });
  });

  it('draws the Dashboard charts with Vega (an svg in the sidebar) and shows the KPI tiles', async () => {
    const panel = s.sidebar.getByTestId('panel-dashboard');
    // The charts in and near the view are drawn, each as Vega finishes it.
    await panel.locator('.chart-box svg').nth(1).waitFor({ timeout: 30_000 });
    const tiles = s.sidebar.getByTestId('tiles').locator('li');
    expect(await tiles.count()).toBeGreaterThan(0);
    expect(await tiles.first().locator('.tile-value').textContent()).not.toBe('—');
    await expectFitsAndAccessible(s.page, 'sidebar-dashboard');
  });

  it('shows a flow for its last complete week, with the number and change the Dashboard tab shows', async () => {
    const tile = s.sidebar.getByTestId('tile-demo_hours_to_merge');
    const period = (await tile.locator('.tile-period').textContent()) ?? '';
    expect(period).toMatch(/^week of [A-Z][a-z]{2} \d{1,2}$/);
    const tab = (await s.sheet('Dashboard'))!.values;
    const row = tab.findIndex((r) => r.includes(`Time to merge (median h) · ${period}`));
    expect(row).toBeGreaterThan(-1);
    const column = tab[row].indexOf(`Time to merge (median h) · ${period}`);
    expect(await tile.locator('.tile-value').textContent()).toBe(tab[row + 1][column]);
    const change = (await tile.locator('.tile-change').textContent()) ?? '';
    expect(change.replace(' vs the previous period', ' vs previous period')).toBe(tab[row + 2][column]);
  });

  it('hides a chart and moves another with the keyboard, and the saved layout says so', async () => {
    const charts = s.sidebar.getByTestId('layout-charts').locator('li');
    const first = (await charts.nth(0).getAttribute('data-testid'))!.replace('layout-item-chart-', '');
    const second = (await charts.nth(1).getAttribute('data-testid'))!.replace('layout-item-chart-', '');
    // Keyboard only: focus the second chart's "move up" button and press Enter.
    await s.sidebar.locator(`#move-up-chart-${second}`).focus();
    await s.page.keyboard.press('Enter');
    expect(await charts.nth(0).getAttribute('data-testid')).toBe(`layout-item-chart-${second}`);
    await s.sidebar.locator(`#show-chart-${first}`).focus();
    await s.page.keyboard.press('Space');
    await s.sidebar.getByTestId('save-layout').click();
    await s.sidebar.getByTestId('layout-saved').waitFor();
    expect(await s.sidebar.getByTestId('layout-saved').textContent()).toBe(
      'Layout saved. The Dashboard tab shows it now.',
    );
    const config = await s.run<{ charts: string[]; hiddenCharts: string[] }>('getDashboardConfig');
    expect(config.charts[0]).toBe(second);
    expect(config.hiddenCharts).toContain(first);
    expect(config.charts).not.toContain(first);
  });

  it('refreshes the dashboard with the one primary button, disabled while it runs', async () => {
    const button = s.sidebar.getByTestId('refresh-dashboard');
    expect(await s.sidebar.locator('button.primary').count()).toBe(1);
    await button.click();
    await s.sidebar.getByTestId('dashboard-refreshed').waitFor({ timeout: 60_000 });
    expect(await button.isEnabled()).toBe(true);
  });
});
