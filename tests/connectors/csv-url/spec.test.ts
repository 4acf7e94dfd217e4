import { CSV_HOSTS, csvUrl } from '../../../connectors/csv-url/spec';
import { isUrlAllowed } from '../../../src/connect/allowlist';
import type { ConfigField } from '../../../src/connect/connector-spec';
import { specProblems } from '../ga4/support/spec-sanity';

const streamFor = (config: Record<string, string>) => csvUrl.streamsFor(config)[0];

describe('CSV connector declaration', () => {
  it('passes the declaration checks', () => {
    expect(specProblems(csvUrl, csvUrl.streamsFor({}))).toEqual([]);
  });

  it.each([
    'https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pub?output=csv',
    'https://doc-0s-1c-sheets.googleusercontent.com/pub/abc/def?output=csv',
    'https://raw.githubusercontent.com/acme/data/main/orders.csv',
    'https://acme-exports.s3.eu-west-1.amazonaws.com/orders.csv',
    'https://storage.googleapis.com/acme/orders.csv',
  ])('allows %s', (url) => {
    expect(isUrlAllowed(url, CSV_HOSTS)).toBe(true);
  });

  it('names the allowed hosts in the form', () => {
    const help = csvUrl.fields.find((f) => f.key === 'baseUrl')!.help!;
    expect(help).toContain('raw.githubusercontent.com');
    expect(help).toContain('*.googleusercontent.com');
  });

  it('parses with the separator chosen, a comma by default', () => {
    expect(streamFor({}).csv).toEqual({ delimiter: ',' });
    expect(streamFor({ delimiter: 'semicolon' }).csv).toEqual({ delimiter: ';' });
    expect(streamFor({ delimiter: 'tab' }).csv).toEqual({ delimiter: '\t' });
  });

  it('sends the optional token as a bearer header', () => {
    expect(csvUrl.auth).toEqual({
      type: 'header',
      header: 'Authorization',
      prefix: 'Bearer ',
      field: 'token',
    });
    const token: ConfigField | undefined = csvUrl.fields.find((f) => f.key === 'token');
    expect(token).toMatchObject({ kind: 'secret' });
    expect(token?.required).toBeUndefined();
  });
});
