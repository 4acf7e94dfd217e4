/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ContextProvider } from '../../../sidebar/context';
import { SettingsPanel } from '../../../sidebar/panels/SettingsPanel';
import { startScriptServer } from '../support/script-run';

const USER = 'owner@example.com';

function open() {
  const { emu, call } = startScriptServer({ owner: USER, timeZone: 'Europe/Paris' });
  call('saveCurrency', ['GBP']);
  render(
    <ContextProvider value={{ spreadsheetName: 'My business', timeZone: 'Europe/Paris', user: USER }}>
      <SettingsPanel />
    </ContextProvider>,
  );
  const props = () => emu.run((gas) => gas.PropertiesService.getDocumentProperties().getProperties());
  return { emu, props };
}

describe('the Settings panel', () => {
  it('shows the spreadsheet’s time zone and the saved currency', async () => {
    open();
    await waitFor(() => expect(screen.getByTestId('time-zone').textContent).toContain('Europe/Paris'));
    expect((screen.getByTestId('currency') as HTMLInputElement).value).toBe('GBP');
  });

  it('lists each problem of pasted JSON by field, and changes nothing', async () => {
    const { props } = open();
    const before = props();
    fireEvent.input(screen.getByTestId('import-text'), {
      target: { value: JSON.stringify({ tapdash: 1, currency: 12, reports: 'none' }) },
    });
    fireEvent.click(screen.getByTestId('import-run'));
    const problems = await screen.findByTestId('import-problems');
    expect([...problems.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'reports: Reports must be a list.',
      'currency: "12" is not a currency code. Use a three-letter currency code such as USD, EUR or GBP.',
    ]);
    expect(props()).toEqual(before);
  });

  it('says plainly when the pasted text is not JSON at all', async () => {
    open();
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: 'tapdash: yes' } });
    fireEvent.click(screen.getByTestId('import-run'));
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toMatch(/file: The file is not valid JSON/);
  });

  it('keeps Reset disabled until RESET is typed exactly (not "reset")', async () => {
    const { props } = open();
    const reset = screen.getByTestId('reset-run') as HTMLButtonElement;
    expect(reset.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('reset-confirm'), { target: { value: 'reset' } });
    expect(reset.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('reset-confirm'), { target: { value: 'RESET' } });
    expect(reset.disabled).toBe(false);
    fireEvent.click(reset);
    await screen.findByTestId('reset-done');
    expect(props()).toEqual({});
  });
});
