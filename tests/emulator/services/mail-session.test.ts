import { emulator, START, thrown } from './helpers';

describe('MailApp (reference: mail-app; limits: quotas page)', () => {
  it('captures a message in the outbox with who sent it and when', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.MailApp.sendEmail('founder@example.com', 'Sync failed', 'Stripe returned 401', {
        htmlBody: '<b>Stripe</b> returned 401',
        name: 'Tapdash',
        cc: 'cofounder@example.com',
      }),
    );
    expect(emu.services.outbox).toEqual([
      {
        at: START + 300,
        from: 'owner@example.com',
        executionId: 1,
        to: ['founder@example.com'],
        cc: ['cofounder@example.com'],
        bcc: [],
        subject: 'Sync failed',
        body: 'Stripe returned 401',
        htmlBody: '<b>Stripe</b> returned 401',
        name: 'Tapdash',
      },
    ]);
  });

  it('accepts the message-object form with comma-separated recipients', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.MailApp.sendEmail({
        to: 'a@example.com, b@example.com',
        subject: 'Digest',
        body: 'Weekly',
        replyTo: 'r@example.com',
      }),
    );
    expect(emu.services.outbox[0]).toMatchObject({
      to: ['a@example.com', 'b@example.com'],
      replyTo: 'r@example.com',
    });
  });

  it('accepts the four-string form (recipient, replyTo, subject, body)', () => {
    const emu = emulator();
    emu.run((gas) => gas.MailApp.sendEmail('to@example.com', 'reply@example.com', 'S', 'B'));
    expect(emu.services.outbox[0]).toMatchObject({
      to: ['to@example.com'],
      replyTo: 'reply@example.com',
      subject: 'S',
    });
  });

  it('refuses more than 50 recipients in one message', () => {
    const emu = emulator();
    const to = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
    expect(thrown(() => emu.run((gas) => gas.MailApp.sendEmail(to, 's', 'b')))).toBe(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(emu.services.outbox).toEqual([]);
  });

  it('refuses a message without a recipient', () => {
    const emu = emulator();
    expect(thrown(() => emu.run((gas) => gas.MailApp.sendEmail({ subject: 's', body: 'b' })))).toBe(
      'Failed to send email: no recipient',
    );
  });

  it('counts recipients against the daily quota and reports what remains', () => {
    const emu = emulator({ quotas: { mailRecipientsPerDay: 3 } });
    const remaining = emu.run((gas) => {
      gas.MailApp.sendEmail({ to: 'a@example.com', cc: 'b@example.com', subject: 's', body: 'b' });
      return gas.MailApp.getRemainingDailyQuota();
    });
    expect(remaining).toBe(1);
    expect(
      thrown(() =>
        emu.run((gas) => gas.MailApp.sendEmail({ to: 'a@x.com, b@x.com', subject: 's', body: 'b' })),
      ),
    ).toBe('Service invoked too many times for one day: email.');
  });

  it('needs AuthMode.FULL (script.send_mail scope)', () => {
    const emu = emulator();
    expect(
      thrown(() =>
        emu.run((gas) => gas.MailApp.sendEmail('a@example.com', 's', 'b'), { authMode: 'LIMITED' }),
      ),
    ).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});

describe('Session (reference: session; AuthMode table)', () => {
  it('gives the execution’s user email in AuthMode.FULL', () => {
    const emu = emulator();
    expect(
      emu.run((gas) => [gas.Session.getActiveUser().getEmail(), gas.Session.getEffectiveUser().getEmail()], {
        user: 'alice@example.com',
      }),
    ).toEqual(['alice@example.com', 'alice@example.com']);
  });

  it('hides the email (empty string) outside AuthMode.FULL but still gives the locale', () => {
    const emu = emulator({ locale: 'fr_FR' });
    expect(
      emu.run((gas) => [gas.Session.getActiveUser().getEmail(), gas.Session.getActiveUserLocale()], {
        authMode: 'LIMITED',
      }),
    ).toEqual(['', 'fr_FR']);
  });

  it('gives the script time zone, not the spreadsheet’s', () => {
    const emu = emulator({ scriptTimeZone: 'Europe/Paris', timeZone: 'America/New_York' });
    expect(emu.run((gas) => gas.Session.getScriptTimeZone())).toBe('Europe/Paris');
  });

  it('gives each user a stable temporary key that differs between users', () => {
    const emu = emulator();
    const key = (user: string) => emu.run((gas) => gas.Session.getTemporaryActiveUserKey(), { user });
    expect(key('a@example.com')).toBe(key('a@example.com'));
    expect(key('a@example.com')).not.toBe(key('b@example.com'));
    expect(key('a@example.com')).not.toContain('a@example.com');
  });
});
