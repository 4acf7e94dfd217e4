import {
  COUNTRY,
  COUNTRY_ID,
  DATE,
  headedRows,
  isoDay,
  metricValue,
  reportRequest,
  rowRecord,
  SOURCE_MEDIUM,
  startDate,
} from '../../../connectors/ga4/report';
import { ga4 } from '../../../connectors/ga4/spec';
import fragment from './payloads/runreport_row_fragment.json';

const TRAFFIC = [DATE, SOURCE_MEDIUM, COUNTRY, COUNTRY_ID];
const TRAFFIC_KEY = [DATE, SOURCE_MEDIUM, COUNTRY];

/** A runReport response in the documented shape (RunReportResponse), for the traffic report. */
const RESPONSE = {
  dimensionHeaders: [
    { name: 'date' },
    { name: 'sessionSourceMedium' },
    { name: 'country' },
    { name: 'countryId' },
  ],
  metricHeaders: [
    { name: 'sessions', type: 'TYPE_INTEGER' },
    { name: 'totalUsers', type: 'TYPE_INTEGER' },
    { name: 'newUsers', type: 'TYPE_INTEGER' },
    { name: 'keyEvents', type: 'TYPE_INTEGER' },
    { name: 'totalRevenue', type: 'TYPE_CURRENCY' },
  ],
  rows: [
    {
      dimensionValues: [
        { value: '20240601' },
        { value: 'google / organic' },
        { value: 'Japan' },
        { value: 'JP' },
      ],
      metricValues: [{ value: '15' }, { value: '12' }, { value: '4' }, { value: '2' }, { value: '37.5' }],
    },
  ],
  rowCount: 1,
  metadata: { currencyCode: 'JPY', timeZone: 'Asia/Tokyo' },
  kind: 'analyticsData#runReport',
};

describe('the runReport request', () => {
  it('asks for every dimension and metric, ordered by the dimensions so offsets stay stable', () => {
    const body = reportRequest(TRAFFIC, { config: { propertyId: '1' } });
    expect(body.dimensions).toEqual([
      { name: 'date' },
      { name: 'sessionSourceMedium' },
      { name: 'country' },
      { name: 'countryId' },
    ]);
    expect(body.metrics.map((m) => m.name)).toEqual([
      'sessions',
      'totalUsers',
      'newUsers',
      'keyEvents',
      'totalRevenue',
    ]);
    expect(body.orderBys.map((o) => o.dimension.dimensionName)).toEqual([
      'date',
      'sessionSourceMedium',
      'country',
      'countryId',
    ]);
  });

  it('reads the chosen history on a first sync, up to today', () => {
    expect(reportRequest([DATE], { config: { history: '730daysAgo' } }).dateRanges).toEqual([
      { startDate: '730daysAgo', endDate: 'today' },
    ]);
  });

  it('reads 13 months when no history was chosen', () => {
    expect(startDate({ config: {} })).toBe('395daysAgo');
  });

  it('starts from the bookmark (already moved back by the lookback) on later syncs', () => {
    expect(startDate({ config: { history: '90daysAgo' }, cursor: '2024-05-29' })).toBe('2024-05-29');
  });

  it('declares a three-day lookback so days GA4 is still processing are read again', () => {
    for (const stream of ga4.streams) expect(stream.incremental?.lookbackSeconds).toBe(3 * 86_400);
  });
});

describe('reading report rows', () => {
  it('names each value by its header and types metrics by their header type', () => {
    const [row] = headedRows(RESPONSE);
    expect(rowRecord(row, TRAFFIC_KEY)).toEqual({
      date: '2024-06-01',
      source_medium: 'google / organic',
      country: 'Japan',
      country_id: 'JP',
      sessions: 15,
      users: 12,
      new_users: 4,
      key_events: 2,
      revenue: 37.5,
      currency: 'JPY',
      id: '2024-06-01 | google / organic | Japan',
    });
  });

  it('follows the header order of the response, not the order asked for', () => {
    const swapped = {
      ...RESPONSE,
      dimensionHeaders: [
        { name: 'countryId' },
        { name: 'country' },
        { name: 'sessionSourceMedium' },
        { name: 'date' },
      ],
      rows: [
        {
          dimensionValues: [
            { value: 'JP' },
            { value: 'Japan' },
            { value: 'google / organic' },
            { value: '20240601' },
          ],
          metricValues: RESPONSE.rows[0].metricValues,
        },
      ],
    };
    expect(rowRecord(headedRows(swapped)[0], TRAFFIC_KEY)).toMatchObject({
      date: '2024-06-01',
      country_id: 'JP',
      id: '2024-06-01 | google / organic | Japan',
    });
  });

  it('gives daily rows no synthetic id: the date is their key', () => {
    const daily = {
      dimensionHeaders: [{ name: 'date' }],
      metricHeaders: [{ name: 'sessions', type: 'TYPE_INTEGER' }],
      rows: [{ dimensionValues: [{ value: '20240601' }], metricValues: [{ value: '3' }] }],
    };
    expect(rowRecord(headedRows(daily)[0], [DATE])).toEqual({
      date: '2024-06-01',
      sessions: 3,
      currency: null,
    });
  });

  it('reads the example row of Google’s reference, leaving out dimensions it does not map', () => {
    const body = {
      dimensionHeaders: fragment.request_fragment.dimensions,
      metricHeaders: [{ name: 'eventCount', type: 'TYPE_INTEGER' }],
      rows: [fragment.row],
    };
    expect(rowRecord(headedRows(body)[0], [DATE])).toEqual({ country_id: 'JP', currency: null });
  });

  it('finds no rows in an empty report, where GA4 leaves `rows` out', () => {
    expect(headedRows({ dimensionHeaders: [], metricHeaders: [], metadata: {} })).toEqual([]);
    expect(headedRows(null)).toEqual([]);
  });

  it('turns 20240601 into 2024-06-01 and leaves other text alone', () => {
    expect(isoDay('20240601')).toBe('2024-06-01');
    expect(isoDay('(other)')).toBe('(other)');
  });

  it('keeps a metric value that is not a number as text, and an empty one as empty', () => {
    expect(metricValue('12.5', 'TYPE_CURRENCY')).toBe(12.5);
    expect(metricValue('7', 'TYPE_INTEGER')).toBe(7);
    expect(metricValue('n/a', 'TYPE_FLOAT')).toBe('n/a');
    expect(metricValue(undefined, 'TYPE_FLOAT')).toBeNull();
  });
});
