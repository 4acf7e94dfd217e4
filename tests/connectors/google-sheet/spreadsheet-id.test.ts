import { SPREADSHEET_PATTERN, spreadsheetIdFrom } from '../../../connectors/google-sheet/spreadsheet-id';

const ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const pattern = new RegExp(SPREADSHEET_PATTERN);

describe('finding the spreadsheet ID in what the user pasted', () => {
  it.each([
    [ID],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`],
    [`https://docs.google.com/spreadsheets/d/${ID}`],
    [`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit`],
    [`https://drive.google.com/open?id=${ID}`],
    [`https://drive.google.com/file/d/${ID}/view`],
    [`  https://docs.google.com/spreadsheets/d/${ID}/edit  `],
  ])('finds the ID in %s, and the form accepts it', (text) => {
    expect(spreadsheetIdFrom(text)).toBe(ID);
    expect(pattern.test(text.trim())).toBe(true);
  });

  it('refuses a "Publish to web" link, which names a copy the Sheets API cannot read', () => {
    const published =
      'https://docs.google.com/spreadsheets/d/e/2PACX-1vQabcdefghijklmnopqrstuvwxyz0123456789/pubhtml';
    expect(spreadsheetIdFrom(published)).toBeUndefined();
    expect(pattern.test(published)).toBe(false);
  });

  it.each([
    '',
    'hello',
    'https://example.com/spreadsheets/d/' + ID,
    `http://docs.google.com/spreadsheets/d/${ID}`,
  ])('finds no ID in %p', (text) => {
    expect(spreadsheetIdFrom(text)).toBeUndefined();
    expect(pattern.test(text)).toBe(false);
  });
});
