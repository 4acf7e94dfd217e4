import { numberFormatToIcu, timeFormatToIcu } from '../../src/dashboard/chart-formats';

describe('d3 number formats to Sheets axis patterns', () => {
  it.each([
    ['$,.0f', '$#,##0'],
    ['$,.2f', '$#,##0.00'],
    [',.2f', '#,##0.00'],
    ['.1f', '0.0'],
    ['.2~f', '0.##'],
    ['d', '0'],
    [',d', '#,##0'],
    ['.0%', '0%'],
    ['.1%', '0.0%'],
    ['.2e', '0.00E+0'],
    ['+,.0f', '+#,##0;-#,##0'],
    ['(,.0f', '#,##0;(#,##0)'],
  ])('%s becomes %s', (d3, icu) => {
    expect(numberFormatToIcu(d3)).toEqual({ ok: true, pattern: icu });
  });

  it('maps SI abbreviations to Sheets short numbers and says how they differ', () => {
    expect(numberFormatToIcu('~s')).toEqual({
      ok: true,
      pattern: 'short',
      note: 'Sheets abbreviates large numbers as K/M/B where d3 uses SI prefixes (k/M/G)',
    });
  });

  it.each([
    ['.3r', 'number type "r" has no Sheets axis equivalent'],
    ['#x', 'number type "x" has no Sheets axis equivalent'],
    ['not a format', '"not a format" is not a d3 number format'],
  ])('reports %s as untranslatable', (d3, why) => {
    expect(numberFormatToIcu(d3)).toEqual({ ok: false, why });
  });
});

describe('d3 time formats to Sheets date patterns', () => {
  it.each([
    ['%Y', 'yyyy'],
    ['%b %Y', 'MMM yyyy'],
    ['%B %-d, %Y', 'MMMM d, yyyy'],
    ['%Y-%m-%d', 'yyyy-MM-dd'],
    ['%d/%m/%y', 'dd/MM/yy'],
    ['%H:%M', 'HH:mm'],
    ['%I %p', 'hh a'],
    ['Q%q %Y', "'Q'Q yyyy"],
    ['Week of %b %e', "'Week of 'MMM d"],
    ['100%%', '100%'],
  ])('%s becomes %s', (d3, icu) => {
    expect(timeFormatToIcu(d3)).toEqual({ ok: true, pattern: icu });
  });

  it('reports a directive Sheets lacks', () => {
    expect(timeFormatToIcu('%U')).toEqual({
      ok: false,
      why: 'the time directive %U has no Sheets equivalent',
    });
  });
});
