import { readFileSync } from 'node:fs';
import {
  openPlayground,
  type PlaygroundSession,
  sidebarScreenshot,
  until,
} from '../support/playground-session';
import { expectFitsAndAccessible } from '../support/sidebar-checks';

type Config = Record<string, unknown> & { exportedAt: string };

const STRIPE_KEY = 'sk_test_SettingsExportSecret123';

describe('the Settings view', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ demo: true, tab: 'settings' });
  });

  afterAll(async () => {
    await s?.close();
  });

  const current = async () => {
    const c = await s.run<Config>('exportConfig');
    return { ...c, exportedAt: '' } as Config;
  };
  let exported: { path: string; text: string };

  it('shows the time zone and downloads the configuration as JSON, without secrets', async () => {
    const panel = s.sidebar.getByTestId('panel-settings');
    await panel.getByTestId('time-zone').filter({ hasText: 'America/New_York' }).waitFor();
    expect(await panel.getByTestId('currency').inputValue()).toBe('USD');
    const layout = {
      version: 2,
      tiles: ['demo_mrr'],
      charts: ['demo_mrr'],
      hiddenTiles: [],
      hiddenCharts: [],
    };
    await s.run('saveDashboardConfig', layout);
    await s.run('saveConnection', { connector: 'stripe', config: { apiKey: STRIPE_KEY } });

    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      panel.getByTestId('export-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tapdash-my-business-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    exported = { path, text };
    const file = JSON.parse(text);
    expect(file.tapdash).toBe(1);
    expect(file.connections.map((c: { id: string }) => c.id)).toEqual(['demo', 'stripe']);
    expect(text).not.toContain(STRIPE_KEY);
    expect(text).not.toContain('apiKey');
    expect(file.dashboard).toEqual(layout);
    expect(file.currency).toBe('USD');
    expect(await panel.getByTestId('export-text').inputValue()).toBe(text);
    await expectFitsAndAccessible(s.page, 'sidebar-settings-export');
  });

  it('imports the exported file back, restoring what was changed since (round trip)', async () => {
    const panel = s.sidebar.getByTestId('panel-settings');
    await panel.getByTestId('currency').fill('eur');
    await panel.getByTestId('save-currency').click();
    await panel.getByTestId('currency-saved').filter({ hasText: 'EUR' }).waitFor();
    await s.run('saveDashboardConfig', {
      version: 2,
      tiles: [],
      charts: [],
      hiddenTiles: ['demo_mrr'],
      hiddenCharts: ['demo_mrr'],
    });
    expect((await current()).currency).toBe('EUR');

    await panel.getByTestId('import-file').setInputFiles(exported.path);
    await panel.getByTestId('import-run').click();
    await panel.getByTestId('import-done').waitFor();
    expect(await panel.getByTestId('import-done').textContent()).toContain('Imported 2 sources');
    // The currency box shows the imported value.
    await until(async () => (await panel.getByTestId('currency').inputValue()) === 'USD');
    const after = await current();
    expect(after).toEqual({ ...JSON.parse(exported.text), exportedAt: '' });
  });

  it('refuses an invalid file, lists each problem by field, and changes nothing', async () => {
    const panel = s.sidebar.getByTestId('panel-settings');
    const before = await current();
    const bad = {
      tapdash: 1,
      connections: [{ id: 'shop', connector: 'nosuchsource', config: {} }],
      schedule: { schedule: { kind: 'hours', every: 3 } },
      currency: 'euros',
    };
    await panel.getByTestId('import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await panel.getByTestId('import-run').click();
    const problems = panel.getByTestId('import-problems');
    await problems.waitFor();
    const items = await problems.locator('li').allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^connections\[0\]\.connector: "nosuchsource" is not a source Tapdash knows/),
      'schedule: Choose every 1, 2, 4, 6, 8 or 12 hours.',
      expect.stringMatching(/^currency: "euros" is not a currency code/),
    ]);
    expect(await problems.textContent()).toContain('Nothing was imported');
    expect(await current()).toEqual(before);
    await sidebarScreenshot(s.page, 'sidebar-settings-import-error');
  });

  it('resets only after the typed confirmation, keeps the tabs unless asked, and lands on the Welcome view', async () => {
    const panel = s.sidebar.getByTestId('panel-settings');
    const run = panel.getByTestId('reset-run');
    expect(await run.isDisabled()).toBe(true);
    await panel.getByTestId('reset-confirm').fill('reset');
    expect(await run.isDisabled()).toBe(true);
    await panel.getByTestId('reset-confirm').fill('RESET');
    await run.click();
    await s.sidebar
      .getByTestId('welcome-reset-notice')
      .filter({ hasText: 'Your tabs are still there' })
      .waitFor();
    expect(await s.sidebar.getByTestId('panel-welcome').isVisible()).toBe(true);
    expect(await s.run('listConnections')).toEqual([]);
    const book = await s.workbook();
    expect(book.sheets.map((t) => t.name)).toContain('Dashboard');
  });
});
