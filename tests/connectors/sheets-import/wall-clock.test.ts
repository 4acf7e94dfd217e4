import { tableImportHooks } from '../../../connectors/sheets-import/import-hooks';
import { wallClockInstant } from '../../../connectors/sheets-import/wall-clock';

describe('reading a wall-clock time in the spreadsheet’s zone', () => {
  it.each([
    ['2024-01-15T12:00:00', 'America/New_York', '2024-01-15T17:00:00.000Z'],
    ['2024-07-01T12:00:00', 'America/New_York', '2024-07-01T16:00:00.000Z'],
    ['2024-01-15T12:00:00.250', 'Asia/Kolkata', '2024-01-15T06:30:00.250Z'],
    ['2024-03-31T00:30:00', 'Europe/London', '2024-03-31T00:30:00.000Z'],
  ])('%s in %s is %s', (text, zone, instant) => {
    expect(wallClockInstant(text, zone)).toBe(instant);
  });

  it('leaves a time that names its offset alone', () => {
    expect(wallClockInstant('2024-01-15T12:00:00Z', 'America/New_York')).toBeUndefined();
    expect(wallClockInstant('2024-01-15T12:00:00+02:00', 'America/New_York')).toBeUndefined();
  });
});

describe('the table import hooks', () => {
  const hooks = tableImportHooks((body) => body as unknown[][], {
    headerRow: 1,
    dateOrder: 'auto',
    source: 'the test table',
    label: 'Test',
  });
  const table = [
    ['at', 'note'],
    ['2024-01-15 12:00', '2024-01-15T12:00:00'],
  ];

  it('reads date-time columns in the zone given, and no other column', () => {
    const [row] = hooks.selectRecords!(table);
    expect(hooks.mapRecord!(row, { config: {}, timeZone: 'America/New_York' })).toEqual({
      at: '2024-01-15T17:00:00.000Z',
      // A single date-time in a column is a date-time column too: both are read in the zone.
      note: '2024-01-15T17:00:00.000Z',
    });
  });

  it('keeps a text column that merely looks like a time as written', () => {
    const [row] = hooks.selectRecords!([['note'], ['2024-01-15T12:00:00'], ['soon']]);
    expect(hooks.mapRecord!(row, { config: {}, timeZone: 'America/New_York' })).toEqual({
      note: '2024-01-15T12:00:00',
    });
  });

  it('leaves wall-clock times as they are when no zone is known', () => {
    const [row] = hooks.selectRecords!(table);
    expect(hooks.mapRecord!(row, { config: {} })).toEqual({
      at: '2024-01-15T12:00:00',
      note: '2024-01-15T12:00:00',
    });
  });
});
