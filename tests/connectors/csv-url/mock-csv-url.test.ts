import csvHandler, { type CsvMockState } from './mock-csv-url';

const state = (): CsvMockState => ({
  files: { '/data.csv': { body: 'a,b\n1,2\n' }, '/private.csv': { body: 'x\n1\n', token: 's3cret' } },
  redirects: { '/spreadsheets/d/e/KEY/pub': '/data.csv' },
});
const get = (path: string, token?: string) => ({
  method: 'GET',
  path,
  headers: token ? { authorization: `Bearer ${token}` } : {},
});

describe('CSV file host mock', () => {
  it('serves a file as text/csv', () => {
    expect(csvHandler(get('/data.csv'), state())).toEqual({
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      body: 'a,b\n1,2\n',
    });
  });

  it('redirects a published link to the file, as docs.google.com does', () => {
    expect(csvHandler(get('/spreadsheets/d/e/KEY/pub'), state())).toMatchObject({
      status: 307,
      headers: { Location: '/data.csv' },
    });
  });

  it('wants the bearer token for a private file', () => {
    expect(csvHandler(get('/private.csv'), state())?.status).toBe(401);
    expect(csvHandler(get('/private.csv', 's3cret'), state())?.body).toBe('x\n1\n');
  });

  it('answers an unknown path with 404 and the sign-in path with an HTML page', () => {
    expect(csvHandler(get('/nope.csv'), state())?.status).toBe(404);
    expect(csvHandler(get('/signin'), state())?.headers?.['Content-Type']).toContain('text/html');
  });
});
