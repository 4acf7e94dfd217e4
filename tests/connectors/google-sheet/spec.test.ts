import { googleSheet } from '../../../connectors/google-sheet/spec';
import { specProblems } from '../ga4/support/spec-sanity';

const ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const streamFor = (config: Record<string, string>) => googleSheet.streamsFor(config)[0];

describe('Google Sheets connector declaration', () => {
  it('passes the declaration checks', () => {
    expect(specProblems(googleSheet, googleSheet.streamsFor({ spreadsheet: ID, range: 'A:B' }))).toEqual([]);
  });

  it('asks only for drive.file and calls only the Sheets API host', () => {
    expect(googleSheet.oauthScopes).toEqual(['https://www.googleapis.com/auth/drive.file']);
    expect(googleSheet.allowedUrls).toEqual(['https://sheets.googleapis.com/']);
    expect(googleSheet.auth).toEqual({ type: 'google' });
  });

  it('reads the ID out of a pasted link for the values.get path, leaving the range to be encoded', () => {
    const stream = streamFor({
      spreadsheet: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`,
      range: 'A:B',
    });
    expect(stream.path).toBe(`/v4/spreadsheets/${ID}/values/{range}`);
    expect(stream.params).toEqual({
      majorDimension: 'ROWS',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
  });

  it('keys rows by the key column when one is set, and by nothing otherwise', () => {
    expect(streamFor({ spreadsheet: ID, primaryKey: ' email ' }).primaryKey).toEqual(['email']);
    expect(streamFor({ spreadsheet: ID }).primaryKey).toEqual([]);
  });

  it('is a full refresh: no incremental cursor, one request', () => {
    const stream = streamFor({ spreadsheet: ID });
    expect(stream.incremental).toBeUndefined();
    expect(stream.pagination).toEqual({ type: 'none' });
  });
});
