import { ga4 } from '../../../connectors/ga4/spec';
import { specProblems } from './support/spec-sanity';

const field = (key: string) => ga4.fields.find((f) => f.key === key)!;

describe('GA4 connector declaration', () => {
  it('passes the declaration checks (fields, allowlist, streams, keys, hints)', () => {
    expect(specProblems(ga4)).toEqual([]);
  });

  it('calls only the Data API host, with the Google token and the analytics.readonly scope', () => {
    expect(ga4.allowedUrls).toEqual(['https://analyticsdata.googleapis.com/']);
    expect(ga4.auth).toEqual({ type: 'google' });
    expect(ga4.oauthScopes).toEqual(['https://www.googleapis.com/auth/analytics.readonly']);
  });

  it('accepts a property ID of digits only and explains the G- measurement ID mix-up', () => {
    const property = new RegExp(field('propertyId').pattern!);
    expect(property.test('123456789')).toBe(true);
    expect(property.test('G-ABC123XYZ')).toBe(false);
    expect(property.test('properties/123')).toBe(false);
    expect(field('propertyId').patternMessage).toContain('measurement ID');
    expect(field('propertyId').helpUrl).toBe(
      'https://developers.google.com/analytics/devguides/reporting/data/v1/property-id',
    );
  });

  it('posts runReport for the configured property, paging by offset with rowCount as the total', () => {
    for (const stream of ga4.streams) {
      expect(stream.method).toBe('POST');
      expect(stream.path).toBe('/v1beta/properties/{propertyId}:runReport');
      expect(stream.pagination).toEqual({
        type: 'offset',
        offsetParam: 'offset',
        limitParam: 'limit',
        limit: 10_000,
        in: 'body',
        totalRecordsPath: 'rowCount',
      });
    }
  });

  it('keys daily rows by date and breakdown rows by the synthetic id', () => {
    expect(ga4.streams.map((s) => [s.name, s.primaryKey])).toEqual([
      ['daily', ['date']],
      ['traffic', ['id']],
    ]);
  });

  it('words the 403 hint for a founder: property access, and the API for self-hosters', () => {
    expect(ga4.errorHints['403']).toContain('Viewer role');
    expect(ga4.errorHints['403']).toContain('Google Analytics Data API');
  });
});
