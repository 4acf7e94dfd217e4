/**
 * The GA4 mock follows the documented protocol; these tests call its handler directly (the
 * sync tests run it behind a real HTTP server).
 */
import ga4Handler, {
  type Ga4Fact,
  type Ga4MockState,
  resolveDate,
} from '../../../playground/mock-apis/ga4/mock-ga4';

const fact = (date: string, sessionSourceMedium: string, sessions: number): Ga4Fact => ({
  date,
  sessionSourceMedium,
  country: 'Japan',
  countryId: 'JP',
  sessions,
  totalUsers: sessions,
  newUsers: 1,
  keyEvents: 0,
  totalRevenue: 0,
});

function state(overrides: Partial<Ga4MockState> = {}): Ga4MockState {
  return {
    token: 'tok',
    properties: ['123'],
    today: '2024-06-03',
    facts: [fact('2024-06-01', 'a / b', 2), fact('2024-06-01', 'c / d', 3), fact('2024-06-02', 'a / b', 4)],
    ...overrides,
  };
}

const post = (body: unknown, token = 'tok', property = '123') => ({
  method: 'POST',
  path: `/v1beta/properties/${property}:runReport`,
  headers: { authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
});

const daily = (extra: Record<string, unknown> = {}) => ({
  dateRanges: [{ startDate: '7daysAgo', endDate: 'today' }],
  dimensions: [{ name: 'date' }],
  metrics: [{ name: 'sessions' }],
  ...extra,
});

describe('GA4 mock', () => {
  it('sums facts by the requested dimensions, with string values and YYYYMMDD dates', () => {
    const res = ga4Handler(post(daily()), state());
    expect(res?.status ?? 200).toBe(200);
    expect(res?.body).toMatchObject({
      dimensionHeaders: [{ name: 'date' }],
      metricHeaders: [{ name: 'sessions', type: 'TYPE_INTEGER' }],
      rows: [
        { dimensionValues: [{ value: '20240601' }], metricValues: [{ value: '5' }] },
        { dimensionValues: [{ value: '20240602' }], metricValues: [{ value: '4' }] },
      ],
      rowCount: 2,
      kind: 'analyticsData#runReport',
    });
  });

  it('pages by offset and limit while rowCount keeps the total', () => {
    const body = ga4Handler(post(daily({ offset: 1, limit: 1 })), state())?.body as {
      rows: unknown[];
      rowCount: number;
    };
    expect(body.rows).toHaveLength(1);
    expect(body.rowCount).toBe(2);
  });

  it('leaves rows and rowCount out of an empty report', () => {
    const body = ga4Handler(post(daily({ dateRanges: [{ startDate: 'today', endDate: 'today' }] })), state())
      ?.body as Record<string, unknown>;
    expect(body.rows).toBeUndefined();
    expect(body.rowCount).toBeUndefined();
  });

  it('answers a wrong token with Google’s 401 UNAUTHENTICATED envelope', () => {
    const res = ga4Handler(post(daily(), 'other'), state());
    expect(res?.status).toBe(401);
    expect(res?.body).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
  });

  it('answers a property the user cannot read with 403 PERMISSION_DENIED', () => {
    const res = ga4Handler(post(daily(), 'tok', '999'), state());
    expect(res?.status).toBe(403);
    expect(res?.body).toMatchObject({ error: { status: 'PERMISSION_DENIED' } });
  });

  it('rejects a field runReport does not have, as Google’s JSON parser does', () => {
    const res = ga4Handler(post(daily({ startDate: '2024-01-01' })), state());
    expect(res?.status).toBe(400);
    expect(res?.body).toMatchObject({
      error: { message: 'Invalid JSON payload received. Unknown name "startDate": Cannot find field.' },
    });
  });

  it('serves the queued faults first: 429 with Retry-After, then a malformed body', () => {
    const s = state({
      faults: [
        { status: 429, retryAfter: 2 },
        { status: 200, malformed: true },
      ],
    });
    const first = ga4Handler(post(daily()), s);
    expect(first).toMatchObject({ status: 429, headers: { 'Retry-After': '2' } });
    const second = ga4Handler(post(daily()), s);
    expect(typeof second?.body).toBe('string');
    expect(ga4Handler(post(daily()), s)?.status ?? 200).toBe(200);
  });

  it('resolves relative dates against the property’s today', () => {
    expect(resolveDate('today', '2024-03-01')).toBe('2024-03-01');
    expect(resolveDate('yesterday', '2024-03-01')).toBe('2024-02-29');
    expect(resolveDate('30daysAgo', '2024-03-01')).toBe('2024-01-31');
    expect(resolveDate('2023-12-31', '2024-03-01')).toBe('2023-12-31');
  });
});
