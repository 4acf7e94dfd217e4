/**
 * Website traffic, GA4-style: sessions by day × source/medium × country. Self-serve signups are
 * drawn from these sessions, so analytics conversions and new Stripe customers agree.
 */
import type { Random } from './random';
import { DAY, firstHour, HOUR, weekday, ymd } from './time';

// Local copies: global lookups are slow in sandboxed runtimes and this loop runs ~20,000 times.
const { exp, floor, max, min, round } = Math;

export interface Channel {
  source: string;
  medium: string;
  /** Share of traffic at launch and two years later (SEO grows, paid shrinks). */
  shareAtLaunch: number;
  shareLater: number;
  /** Sessions that end in a signup. */
  conversion: number;
  /** Share of users who are new to the site. */
  newUserShare: number;
  /** The same channel in HubSpot's `hs_analytics_source` vocabulary. */
  hubspotSource: string;
}

export const CHANNELS: readonly Channel[] = [
  {
    source: 'google',
    medium: 'organic',
    shareAtLaunch: 0.22,
    shareLater: 0.4,
    conversion: 0.0045,
    newUserShare: 0.72,
    hubspotSource: 'ORGANIC_SEARCH',
  },
  {
    source: 'google',
    medium: 'cpc',
    shareAtLaunch: 0.25,
    shareLater: 0.18,
    conversion: 0.0075,
    newUserShare: 0.85,
    hubspotSource: 'PAID_SEARCH',
  },
  {
    source: '(direct)',
    medium: '(none)',
    shareAtLaunch: 0.3,
    shareLater: 0.22,
    conversion: 0.0038,
    newUserShare: 0.35,
    hubspotSource: 'DIRECT_TRAFFIC',
  },
  {
    source: 'linkedin.com',
    medium: 'social',
    shareAtLaunch: 0.13,
    shareLater: 0.1,
    conversion: 0.0028,
    newUserShare: 0.78,
    hubspotSource: 'SOCIAL_MEDIA',
  },
  {
    source: 'newsletter',
    medium: 'email',
    shareAtLaunch: 0.1,
    shareLater: 0.1,
    conversion: 0.0085,
    newUserShare: 0.12,
    hubspotSource: 'EMAIL_MARKETING',
  },
];

export interface Country {
  name: string;
  code: string;
  share: number;
  /** Relative likelihood that a session converts. */
  conversion: number;
}

export const COUNTRIES: readonly Country[] = [
  { name: 'United States', code: 'US', share: 0.46, conversion: 1.1 },
  { name: 'United Kingdom', code: 'GB', share: 0.15, conversion: 1.0 },
  { name: 'Germany', code: 'DE', share: 0.12, conversion: 0.9 },
  { name: 'India', code: 'IN', share: 0.17, conversion: 0.45 },
  { name: 'Canada', code: 'CA', share: 0.1, conversion: 1.0 },
];

export interface Signup {
  at: number;
  channel: Channel;
  country: Country;
  /** GA4 misses some conversions (consent banners, blockers), as real analytics does. */
  trackedByAnalytics: boolean;
  row: SessionDay;
}

export interface SessionDay {
  day: number;
  channel: Channel;
  country: Country;
  sessions: number;
  totalUsers: number;
  newUsers: number;
  signups: Signup[];
  /** Filled in by billing: what checkout charged that day, in dollars (GA4's totalRevenue). */
  revenue: number;
}

const WEEKDAY = [0.58, 1.1, 1.14, 1.12, 1.07, 0.94, 0.6];
/** Summer and year-end dips, an autumn peak: B2B traffic's usual year. */
const MONTH = [1.0, 1.02, 1.05, 1.0, 0.98, 0.94, 0.88, 0.82, 1.04, 1.08, 1.04, 0.86];

function isHoliday(day: number): boolean {
  const d = new Date(day);
  const m = d.getUTCMonth();
  const dom = d.getUTCDate();
  return (m === 11 && dom >= 22) || (m === 0 && dom <= 2);
}

export function generateWeb(
  r: Random,
  start: number,
  end: number,
): { days: SessionDay[]; signups: Signup[] } {
  const days: SessionDay[] = [];
  const signups: Signup[] = [];
  const totalDays = round((end - start) / DAY);
  let noise = 0;
  for (let d = 0; d < totalDays; d++) {
    const day = start + d * DAY;
    const launchBoost = 1 + 2.5 * exp(-d / 3);
    noise = 0.7 * noise + 0.05 * r.normal();
    const total =
      (56 + 460 * (1 - exp(-d / 480))) *
      launchBoost *
      WEEKDAY[weekday(day)] *
      MONTH[new Date(day).getUTCMonth()] *
      (isHoliday(day) ? 0.6 : 1) *
      exp(noise);
    const progress = min(1, d / 730);
    const shareSum = CHANNELS.reduce(
      (s, c) => s + c.shareAtLaunch + (c.shareLater - c.shareAtLaunch) * progress,
      0,
    );
    for (const channel of CHANNELS) {
      const share =
        (channel.shareAtLaunch + (channel.shareLater - channel.shareAtLaunch) * progress) / shareSum;
      for (const country of COUNTRIES) {
        const sessions = r.poisson(total * share * country.share * r.lognormal(1, 0.12));
        if (sessions === 0) continue;
        const totalUsers = max(1, round(sessions * r.uniform(0.72, 0.82)));
        const newUsers = min(totalUsers, round(totalUsers * channel.newUserShare * r.uniform(0.9, 1.1)));
        const row: SessionDay = {
          day,
          channel,
          country,
          sessions,
          totalUsers,
          newUsers,
          signups: [],
          revenue: 0,
        };
        const launchConversion = d < 30 ? 1.8 : 1;
        const count = min(
          sessions,
          r.poisson(sessions * channel.conversion * country.conversion * launchConversion),
        );
        for (let i = 0; i < count; i++) {
          const signup: Signup = {
            at: day + floor(r.uniform(firstHour(d, 0) * HOUR, DAY)),
            channel,
            country,
            trackedByAnalytics: r.chance(0.92),
            row,
          };
          row.signups.push(signup);
          signups.push(signup);
        }
        days.push(row);
      }
    }
  }
  signups.sort((a, b) => a.at - b.at);
  return { days, signups };
}

/** GA4 Data API rows (date × sessionSource × sessionMedium × country) for the days finished by `now`. */
export function sessionRecords(days: readonly SessionDay[], now: number): Array<Record<string, unknown>> {
  const today = floor(now / DAY) * DAY;
  return days
    .filter((row) => row.day < today)
    .map((row) => ({
      date: ymd(row.day),
      sessionSource: row.channel.source,
      sessionMedium: row.channel.medium,
      country: row.country.name,
      sessions: row.sessions,
      totalUsers: row.totalUsers,
      newUsers: row.newUsers,
      keyEvents: row.signups.filter((s) => s.trackedByAnalytics && s.at <= now).length,
      totalRevenue: round(row.revenue * 100) / 100,
    }));
}
