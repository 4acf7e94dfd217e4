import { matchConnectors } from '../../../sidebar/sources/connector-search';
import { sidebarApi } from '../../../src/entry/api';

const connectors = sidebarApi.listConnectors(undefined as never);
const labels = (q: string) => matchConnectors(connectors, q).map((c) => c.label);

describe('searching the source picker', () => {
  it('lists every connector, in the declared order, before anything is typed', () => {
    expect(labels('  ')).toEqual(connectors.map((c) => c.label));
  });

  it('finds a connector by part of its name, whatever the case', () => {
    expect(labels('STRI')).toEqual(['Stripe']);
  });

  it('needs every typed word, so "google sheet" does not list Google Analytics', () => {
    const found = labels('google sheet');
    expect(found).toContain('Google Sheets');
    expect(found.some((l) => l.includes('Analytics'))).toBe(false);
  });

  it('searches the one-line description too', () => {
    expect(labels('sample')).toEqual(['Demo data']);
  });

  it('finds nothing for words no connector has', () => {
    expect(labels('salesforce')).toEqual([]);
  });
});
