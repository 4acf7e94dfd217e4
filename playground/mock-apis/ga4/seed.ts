/**
 * The GA4 demo property for `--mock-apis`: 13 months of daily traffic by source / medium and
 * country, growing slowly with a weekly rhythm (quieter weekends), a few percent converting.
 */
import type { Ga4Fact, Ga4MockState } from './mock-ga4';

const DAY = 86_400_000;
export const DEMO_GA4_PROPERTY = '314159265';

const SOURCES: Array<[string, number]> = [
  ['google / organic', 0.45],
  ['(direct) / (none)', 0.25],
  ['newsletter / email', 0.12],
  ['linkedin.com / referral', 0.1],
  ['google / cpc', 0.08],
];
const COUNTRIES: Array<[string, string, number]> = [
  ['United States', 'US', 0.55],
  ['United Kingdom', 'GB', 0.25],
  ['Germany', 'DE', 0.2],
];

export function demoGa4Property(now: number, token: string): Ga4MockState {
  let seed = 271_828;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const days = 400;
  const facts: Ga4Fact[] = [];
  for (let d = days; d >= 0; d--) {
    const at = now - d * DAY;
    const weekday = new Date(at).getUTCDay();
    const base = (300 + (days - d) * 1.2) * (weekday === 0 || weekday === 6 ? 0.6 : 1);
    for (const [source, share] of SOURCES)
      for (const [country, countryId, part] of COUNTRIES) {
        const sessions = Math.max(0, Math.round(base * share * part * (0.8 + random() * 0.4)));
        const totalUsers = Math.round(sessions * 0.82);
        const keyEvents = Math.round(sessions * (source.includes('cpc') ? 0.06 : 0.03) * random() * 2);
        facts.push({
          date: new Date(at).toISOString().slice(0, 10),
          sessionSourceMedium: source,
          country,
          countryId,
          sessions,
          totalUsers,
          newUsers: Math.round(totalUsers * 0.6),
          keyEvents,
          totalRevenue: Math.round(keyEvents * 49 * 100) / 100,
        });
      }
  }
  return {
    token,
    properties: [DEMO_GA4_PROPERTY],
    today: new Date(now).toISOString().slice(0, 10),
    facts,
    currencyCode: 'USD',
  };
}
