import {
  nextRunText,
  ownershipNote,
  scheduleNote,
  sharedMetricsNote,
} from '../../../sidebar/sources/connection-notes';
import type { ConfigField } from '../../../src/connect/connector-spec';

const KEYED: ConfigField[] = [{ key: 'apiKey', label: 'API key', kind: 'secret', required: true }];
const stripe = { createdBy: 'ada@example.com', label: 'Stripe' };
const daily = { kind: 'daily' as const, description: 'Every day around 6 AM', owner: 'ada@example.com' };

describe('when the schedule next syncs a connection', () => {
  it('names the schedule', () => {
    expect(nextRunText({ paused: false }, daily)).toBe('Next scheduled run: every day around 6 AM.');
  });
  it('says a paused connection is skipped', () => {
    expect(nextRunText({ paused: true }, daily)).toMatch(/^Paused: the schedule skips it/);
  });
  it('says nothing on a card when nothing is scheduled: the list says it once', () => {
    expect(nextRunText({ paused: false }, { kind: 'off', description: 'Off', owner: null })).toBeUndefined();
    expect(nextRunText({ paused: false }, { ...daily, kind: 'off' })).toBeUndefined();
  });
});

describe('what the Sources list says once about the schedule', () => {
  it('says when nothing is scheduled, and where to set it up', () => {
    expect(scheduleNote({ kind: 'off', description: 'Off', owner: null })).toMatch(
      /No schedule yet.*Set one up in Schedule/,
    );
  });
  it('says when the schedule is off', () => {
    expect(scheduleNote({ ...daily, kind: 'off' })).toMatch(/Schedule is off/);
  });
  it('says nothing when a schedule runs (each card names the next run)', () => {
    expect(scheduleNote(daily)).toBeUndefined();
  });
});

describe('whose key a connection uses', () => {
  it('says nothing to the owner when they also run the schedule', () => {
    expect(ownershipNote(stripe, KEYED, daily, 'ada@example.com')).toBeUndefined();
  });

  it('says nothing for a source without a key (the Demo)', () => {
    expect(ownershipNote(stripe, [], daily, 'bob@example.com')).toBeUndefined();
  });

  it('tells another editor who set it up, that the key is not theirs to see or use, and how to use their own', () => {
    const note = ownershipNote(stripe, KEYED, daily, 'bob@example.com')!;
    expect(note).toContain('ada@example.com set up Stripe');
    expect(note).toContain('you cannot see it, and Sync now from your account cannot use it');
    expect(note).toContain('Scheduled syncs run as them');
    expect(note).toContain('choose Edit and paste it');
  });

  it('warns that a schedule run by someone else skips the source', () => {
    const note = ownershipNote(stripe, KEYED, { ...daily, owner: 'bob@example.com' }, 'ada@example.com')!;
    expect(note).toMatch(
      /The schedule runs as bob@example.com, who has no key for it, so scheduled syncs skip it/,
    );
    expect(note).toMatch(/you take over the schedule/);
  });
});

describe('a second account of the same source', () => {
  const first = { id: 'stripe', connector: 'stripe', label: 'Stripe' };
  const second = { id: 'stripe_2', connector: 'stripe', label: 'Stripe' };

  it('says on the second account that it adds to the same metrics as the first', () => {
    expect(sharedMetricsNote(second, [first, second])).toBe(
      'Adds to the same Stripe metrics as stripe: the Dashboard counts both accounts.',
    );
  });

  it('says nothing on the first account, nor for a source connected once', () => {
    expect(sharedMetricsNote(first, [first, second])).toBeUndefined();
    expect(sharedMetricsNote(second, [second])).toBeUndefined();
  });

  it('counts only accounts of the same source, and names the connector’s own connection as the first', () => {
    const renamed = { id: 'acme_eu', connector: 'stripe', label: 'Stripe' };
    const github = { id: 'github', connector: 'github', label: 'GitHub' };
    expect(sharedMetricsNote(renamed, [renamed, github, first, second])).toBe(
      'Adds to the same Stripe metrics as stripe: the Dashboard counts all 3 accounts.',
    );
  });
});
