/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/preact';
import { AlertRules } from '../../../sidebar/schedule/AlertRules';
import type { AlertRule } from '../../../src/schedule/alerts';

const metrics = [{ id: 'stripe_mrr', label: 'MRR', format: 'currency' as const, currency: 'USD' }];

function addAlert(kind: 'below' | 'change', typed: string) {
  const onChange = jest.fn<void, [AlertRule[]]>();
  render(<AlertRules rules={[]} metrics={metrics} onChange={onChange} />);
  fireEvent.change(screen.getByLabelText('Metric'), { target: { value: 'stripe_mrr' } });
  const kindSelect = document.getElementById('alert-kind') as HTMLSelectElement;
  fireEvent.change(kindSelect, { target: { value: kind } });
  fireEvent.input(document.getElementById('alert-amount')!, { target: { value: typed } });
  fireEvent.click(screen.getByTestId('add-alert'));
  return onChange;
}

describe('typing an alert amount as people write money', () => {
  it.each([
    ['$10,000', 10000],
    ['€ 2 500', 2500],
    ['-$500', -500],
  ])('reads %j as %d', (typed, value) => {
    const onChange = addAlert('below', typed);
    expect(onChange).toHaveBeenCalledWith([expect.objectContaining({ kind: 'below', value })]);
  });

  it('reads "5%" as a five percent change', () => {
    const onChange = addAlert('change', '5%');
    expect(onChange).toHaveBeenCalledWith([expect.objectContaining({ kind: 'change', percent: 5 })]);
  });

  it('still refuses text that is not a number', () => {
    const onChange = addAlert('below', 'ten thousand');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a number.')).toBeTruthy();
  });
});
