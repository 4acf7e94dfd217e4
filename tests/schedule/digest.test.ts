import { composeDigest, type DigestLine } from '../../src/schedule/digest';

const body = (lines: DigestLine[]) => composeDigest('Acme', 'https://sheet', lines, []).body;

describe('the weekly digest', () => {
  it('names the period a flow covers, and gives a level as it is today', () => {
    const text = body([
      { label: 'Revenue', period: 'Nov 2026', value: '$11,800', change: 0.0727, goodDirection: 'up' },
      { label: 'MRR', value: '$83,032', change: 0.04, goodDirection: 'up' },
    ]);
    expect(text).toContain('• Revenue (Nov 2026): $11,800  ▲ 7.3% vs previous period (good)');
    expect(text).toContain('• MRR: $83,032  ▲ 4.0% vs previous period (good)');
  });

  it('calls a change that rounds to 0.0% no change, as the tiles do', () => {
    const text = body([{ label: 'Churn', value: '3.8%', change: -0.0004, goodDirection: 'down' }]);
    expect(text).toContain('• Churn: 3.8%  ■ no change vs previous period');
  });

  it('marks a fall in churn as good and a fall in revenue as one to watch', () => {
    const text = body([
      { label: 'Churn', value: '3.1%', change: -0.1, goodDirection: 'down' },
      { label: 'Revenue', value: '$9,000', change: -0.1, goodDirection: 'up' },
    ]);
    expect(text).toContain('• Churn: 3.1%  ▼ 10.0% vs previous period (good)');
    expect(text).toContain('• Revenue: $9,000  ▼ 10.0% vs previous period (watch)');
  });
});
