import sheetsHandler, { parseRange, type SheetsMockState } from './mock-google-sheet';

const ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';

function state(overrides: Partial<SheetsMockState> = {}): SheetsMockState {
  return {
    token: 'tok',
    files: {
      [ID]: {
        granted: true,
        tabs: {
          Sheet1: [
            ['id', 'amount', 'paid', 'on'],
            ['a', 10, true, { serial: 45306, shown: '1/15/2024' }],
            ['b', 12.5, false, null],
            [null, null, null, null],
          ],
          'My data': [['x'], [1]],
        },
      },
      locked: { granted: false, tabs: { Sheet1: [] } },
    },
    ...overrides,
  };
}

const get = (range: string, query: Record<string, string> = {}, token = 'tok', id = ID) => ({
  method: 'GET',
  path: `/v4/spreadsheets/${id}/values/${encodeURIComponent(range)}`,
  query: { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING', ...query },
  headers: { authorization: `Bearer ${token}` },
});

describe('Sheets API mock', () => {
  it('returns a ValueRange with typed values, dates as shown, trailing empties left out', () => {
    expect(sheetsHandler(get('Sheet1'), state())?.body).toEqual({
      range: 'Sheet1!A1:D4',
      majorDimension: 'ROWS',
      values: [
        ['id', 'amount', 'paid', 'on'],
        ['a', 10, true, '1/15/2024'],
        ['b', 12.5, false],
      ],
    });
  });

  it('gives date serial numbers when dates are not asked for as text', () => {
    const body = sheetsHandler(get('Sheet1!D2', { dateTimeRenderOption: 'SERIAL_NUMBER' }), state())
      ?.body as {
      values: unknown[][];
    };
    expect(body.values).toEqual([[45306]]);
  });

  it('reads a quoted tab name with a space', () => {
    const body = sheetsHandler(get("'My data'!A:A"), state())?.body as { values: unknown[][] };
    expect(body.values).toEqual([['x'], [1]]);
  });

  it('leaves `values` out of an empty range', () => {
    expect(sheetsHandler(get('Sheet1!F1:G9'), state())?.body).not.toHaveProperty('values');
  });

  it('answers a range it cannot parse with 400, as the API does', () => {
    expect(sheetsHandler(get('Nope!A1'), state())).toMatchObject({
      status: 400,
      body: { error: { message: 'Unable to parse range: Nope!A1' } },
    });
  });

  it('refuses a file the user did not pick (drive.file) with 403 and an unknown one with 404', () => {
    expect(sheetsHandler(get('Sheet1', {}, 'tok', 'locked'), state())?.status).toBe(403);
    expect(sheetsHandler(get('Sheet1', {}, 'tok', 'gone'), state())?.status).toBe(404);
  });

  it('answers a wrong token with 401 UNAUTHENTICATED', () => {
    expect(sheetsHandler(get('Sheet1', {}, 'x'), state())).toMatchObject({
      status: 401,
      body: { error: { status: 'UNAUTHENTICATED' } },
    });
  });

  it('parses A1 ranges: whole columns, open ends and single cells', () => {
    const tabs = ['Sheet1'];
    expect(parseRange('Sheet1!B:C', tabs)).toEqual({ tab: 'Sheet1', c1: 1, r1: 0, c2: 2, r2: Infinity });
    expect(parseRange('A2:F', tabs)).toEqual({ tab: 'Sheet1', c1: 0, r1: 1, c2: 5, r2: Infinity });
    expect(parseRange('Sheet1!C3', tabs)).toEqual({ tab: 'Sheet1', c1: 2, r1: 2, c2: 2, r2: 2 });
  });
});
