/** @jest-environment jsdom */
import { render, screen } from '@testing-library/preact';
import { ContextProvider } from '../../../sidebar/context';
import { ModelList, when } from '../../../sidebar/reports/ModelList';
import type { ModelListing } from '../../../src/model/model-api';

const model: ModelListing = {
  name: 'stripe_mrr',
  label: 'Stripe · MRR',
  sql: 'SELECT 1',
  origin: 'package',
  lastRun: { at: '2026-03-05T22:47:00.000Z', status: 'ok', rows: 12, failedTests: [] },
};

describe('times in the Reports model list', () => {
  it("are the spreadsheet's time, as the Dashboard and the Sync log write them", () => {
    render(
      <ContextProvider
        value={{ spreadsheetName: 'Acme', timeZone: 'America/New_York', user: 'ada@example.com' }}
      >
        <ModelList models={[model]} onEdit={() => undefined} onChanged={() => undefined} />
      </ContextProvider>,
    );
    expect(screen.getByTestId('model-stripe_mrr').textContent).toContain('refreshed 2026-03-05 17:47');
  });

  it('move to the next day when the spreadsheet is east of the browser', () => {
    expect(when('2026-03-05T22:47:00.000Z', 'Asia/Tokyo')).toBe('2026-03-06 07:47');
  });

  it('show midnight as 00, not 24', () => {
    expect(when('2026-03-05T05:00:00.000Z', 'America/New_York')).toBe('2026-03-05 00:00');
  });

  it('fall back to UTC, said so, for a zone the browser does not know', () => {
    expect(when('2026-03-05T22:47:00.000Z', 'Mars/Olympus')).toBe('2026-03-05 22:47 UTC');
  });
});
