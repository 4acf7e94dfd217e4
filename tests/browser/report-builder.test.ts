import { openPlayground, type PlaygroundSession } from '../support/playground-session';
import { expectFitsAndAccessible } from '../support/sidebar-checks';

describe('the report builder in the sidebar', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ demo: true, tab: 'reports' });
  });

  afterAll(async () => {
    await s?.close();
  });

  it('offers each table once, by a readable name, in two groups and without internal tabs', async () => {
    const picker = s.sidebar.getByTestId('report-table');
    expect(
      await picker.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label'))),
    ).toEqual(['Your data', 'Reports and metrics']);
    const options = await picker
      .locator('option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toContainEqual(['demo_customers', 'Demo data · Customers (Stripe)']);
    const labels = options.map(([, label]) => label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.filter((l) => /_chart_data|\(loading\)|^demo_/.test(l ?? ''))).toEqual([]);
  });

  it('says why it cannot save while the report has no name', async () => {
    const b = s.sidebar.getByTestId('report-builder');
    await b.getByTestId('report-title').fill('');
    expect(await b.getByTestId('save-report').isDisabled()).toBe(true);
    expect(await b.getByTestId('save-why').textContent()).toBe('Give the report a name to save it.');
  });

  it('builds a report without SQL, previews it live, and saves it as a tab', async () => {
    const b = s.sidebar.getByTestId('report-builder');
    await b.getByTestId('report-table').selectOption('demo_customers');
    await b.getByTestId('add-dimension').click();
    // The first date column is picked, grouped by month; make it by year.
    expect(await b.getByTestId('dim-0').inputValue()).toBe('created');
    await b.getByTestId('grain-0').selectOption('year');
    await b.getByTestId('add-measure').click();
    await b.getByTestId('measure-1').selectOption('count_distinct');
    await b.getByTestId('measure-1-column').selectOption('address.country');
    await b.locator('#sort-by').selectOption('Rows');

    await b.getByTestId('report-sql').filter({ hasText: 'COUNT(DISTINCT' }).waitFor({ state: 'attached' });
    await b.locator('summary', { hasText: 'The SQL Tapdash runs' }).click();
    expect(await b.getByTestId('report-sql').textContent()).toMatch(/YEAR_START[\s\S]*COUNT\(DISTINCT/);
    const headers = await b.getByTestId('preview').locator('th').allTextContents();
    expect(headers).toEqual(['created (year)', 'Rows', 'Count distinct of address.country']);
    await b
      .getByTestId('preview-count')
      .filter({ hasText: /^First \d+ of \d+ rows?$/ })
      .waitFor();

    await b.getByTestId('report-title').fill('Customers by year');
    await b.getByTestId('save-report').click();
    await b.getByTestId('report-saved').filter({ hasText: 'The “Customers by year” tab has' }).waitFor({
      timeout: 60_000,
    });
    const tab = await s.sheet('Customers by year');
    expect(tab?.values[0]).toEqual(['created (year)', 'Rows', 'Count distinct of address.country']);
    expect(tab!.totalRows).toBeGreaterThan(1);
    await s.sidebar.getByTestId('model-customers_by_year').filter({ hasText: 'Your report' }).waitFor();
    await b.getByTestId('report-title').fill('customers by year');
    await b.getByText('Replaces your saved report “Customers by year” and its tab.').waitFor();
    expect(await s.sidebar.getByTestId('model-list').textContent()).toContain('Built-in ·');
    await expectFitsAndAccessible(s.page, 'sidebar-report-builder');
  });

  it('explains what is wrong in words and will not save until it is fixed', async () => {
    const b = s.sidebar.getByTestId('report-builder');
    await b.locator('#report-limit').fill('0');
    const problems = b.getByTestId('report-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/limit/i);
    expect(await b.getByTestId('save-report').isDisabled()).toBe(true);
    expect(await b.getByTestId('save-why').textContent()).toBe(
      'Fix the problems listed under Preview to save it.',
    );
    await b.locator('#report-limit').fill('');
    await problems.waitFor({ state: 'detached' });
    expect(await b.getByTestId('save-report').isEnabled()).toBe(true);
  });

  it('previews hand-written SQL in the SQL view', async () => {
    await s.sidebar.locator('summary', { hasText: 'Write SQL instead' }).click();
    const editor = s.sidebar.getByTestId('sql-editor');
    await editor.getByTestId('sql-text').fill('SELECT COUNT(*) AS customers FROM demo_customers');
    await editor.getByTestId('sql-preview').click();
    await editor.getByTestId('sql-preview-rows').waitFor();
    expect(await editor.getByTestId('sql-preview-rows').locator('th').allTextContents()).toEqual([
      'customers',
    ]);
    await editor.getByTestId('sql-text').fill('DELETE FROM demo_customers');
    await editor.getByTestId('sql-preview').click();
    const error = editor.getByTestId('sql-error');
    await error.waitFor();
    expect(await error.textContent()).not.toMatch(/at .*\.ts|Error:/);
  });

  it('deletes a saved report after asking, keeping its tab', async () => {
    const item = s.sidebar.getByTestId('model-customers_by_year');
    await item.getByRole('button', { name: 'Delete Customers by year' }).click();
    expect(await item.textContent()).toContain('its tab stays');
    await item.getByTestId('confirm-delete-customers_by_year').click();
    await item.waitFor({ state: 'detached' });
    const models = await s.run<Array<{ name: string }>>('listModels');
    expect(models.map((m) => m.name)).not.toContain('customers_by_year');
    expect(await s.sheet('Customers by year')).not.toBeNull();
  });
});
