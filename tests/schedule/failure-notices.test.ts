import { planNotices, type RunOutcome } from '../../src/schedule/failure-notices';

const fail = (code = 'auth'): RunOutcome => ({
  connection: 'stripe',
  label: 'Stripe',
  ok: false,
  code,
  message: 'Stripe rejected the API key (401).',
  fix: 'Paste a new key.',
});
const ok: RunOutcome = { connection: 'stripe', label: 'Stripe', ok: true };

describe('failure emails', () => {
  it('emails a failure with what happened and what to do', () => {
    const { notices } = planNotices([fail()], {}, '2026-11-25', 'Acme', 'https://sheet');
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toBe('Tapdash: Stripe could not sync');
    expect(notices[0].body).toContain('What happened: Stripe rejected the API key (401).');
    expect(notices[0].body).toContain('What to do: Paste a new key.');
  });

  it('sends at most one email per day per connection and error kind', () => {
    const first = planNotices([fail()], {}, '2026-11-25', 'Acme', 'u');
    expect(planNotices([fail()], first.log, '2026-11-25', 'Acme', 'u').notices).toHaveLength(0);
    expect(planNotices([fail('rate-limit')], first.log, '2026-11-25', 'Acme', 'u').notices).toHaveLength(1);
    expect(planNotices([fail()], first.log, '2026-11-26', 'Acme', 'u').notices).toHaveLength(1);
  });

  it('sends a short "fixed" note when a connection we emailed about succeeds, once', () => {
    const failed = planNotices([fail()], {}, 'd1', 'Acme', 'u');
    const fixed = planNotices([ok], failed.log, 'd1', 'Acme', 'u');
    expect(fixed.notices.map((n) => n.kind)).toEqual(['fixed']);
    expect(planNotices([ok], fixed.log, 'd1', 'Acme', 'u').notices).toHaveLength(0);
  });

  it('sends nothing for successes nobody was told about', () => {
    expect(planNotices([ok], {}, 'd1', 'Acme', 'u').notices).toHaveLength(0);
  });
});
