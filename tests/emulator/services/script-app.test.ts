import type { Emulator } from '../../../playground/emulator/emulator';
import { emulator, thrown } from './helpers';

const hourly = (emu: Emulator, handler = 'sync', user?: string) =>
  emu.run((gas) => gas.ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId(), {
    user,
  });

describe('ScriptApp enums (reference: script-app)', () => {
  it('are objects named by toString, compared by identity, not strings', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const full = gas.ScriptApp.AuthMode.FULL;
      return [
        String(full),
        full === gas.ScriptApp.AuthMode.FULL,
        (full as unknown) === 'FULL',
        JSON.stringify({ mode: full }),
        String(gas.ScriptApp.WeekDay.MONDAY),
        String(gas.ScriptApp.EventType.CLOCK),
        String(gas.ScriptApp.TriggerSource.SPREADSHEETS),
      ];
    });
    expect(got).toEqual(['FULL', true, false, '{"mode":"FULL"}', 'MONDAY', 'CLOCK', 'SPREADSHEETS']);
  });
});

describe('ScriptApp triggers (clock-trigger-builder; quotas page; editor add-on triggers)', () => {
  it('creates a clock trigger that reports its handler, event type, source and a numeric id', () => {
    const emu = emulator();
    const got = emu.run((gas) => {
      const t = gas.ScriptApp.newTrigger('sync').timeBased().everyHours(1).create();
      return [
        /^\d{19}$/.test(t.getUniqueId()),
        t.getHandlerFunction(),
        t.getEventType() === gas.ScriptApp.EventType.CLOCK,
        t.getTriggerSource() === gas.ScriptApp.TriggerSource.CLOCK,
        t.getTriggerSourceId(),
      ];
    });
    expect(got).toEqual([true, 'sync', true, true, null]);
  });

  it('creates spreadsheet open, edit and change triggers bound to the spreadsheet’s id', () => {
    const emu = emulator();
    const sheet = { getId: () => 'sheet-123' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const got = emu.run((gas) => {
      const b = () => gas.ScriptApp.newTrigger('handler').forSpreadsheet(sheet);
      return [b().onOpen().create(), b().onEdit().create(), b().onChange().create()].map((t) => [
        String(t.getEventType()),
        String(t.getTriggerSource()),
        t.getTriggerSourceId(),
      ]);
    });
    expect(got).toEqual([
      ['ON_OPEN', 'SPREADSHEETS', 'sheet-123'],
      ['ON_EDIT', 'SPREADSHEETS', 'sheet-123'],
      ['ON_CHANGE', 'SPREADSHEETS', 'sheet-123'],
    ]);
  });

  it.each([1, 5, 10, 15, 30])('accepts everyMinutes(%i) outside add-on mode', (n) => {
    const emu = emulator({ addOn: false });
    expect(() =>
      emu.run((gas) => gas.ScriptApp.newTrigger('f').timeBased().everyMinutes(n).create()),
    ).not.toThrow();
  });

  it.each([2, 3, 20, 60])('refuses everyMinutes(%i): only 1, 5, 10, 15 or 30 are allowed', (n) => {
    const emu = emulator({ addOn: false });
    expect(thrown(() => emu.run((gas) => gas.ScriptApp.newTrigger('f').timeBased().everyMinutes(n)))).toMatch(
      /1, 5, 10, 15 or 30/,
    );
  });

  it('allows at most 20 triggers per user per script; another user still has room', () => {
    const emu = emulator({ addOn: false });
    for (let i = 0; i < 20; i++) hourly(emu, `f${i}`, 'alice@example.com');
    expect(thrown(() => hourly(emu, 'f20', 'alice@example.com'))).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(() => hourly(emu, 'f0', 'bob@example.com')).not.toThrow();
  });

  it('gives an add-on one clock trigger per user per document', () => {
    const emu = emulator({ addOn: true });
    hourly(emu, 'sync');
    expect(thrown(() => hourly(emu, 'other'))).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(() => hourly(emu, 'sync', 'colleague@example.com')).not.toThrow();
  });

  it('lets an add-on have one trigger of each type side by side', () => {
    const emu = emulator({ addOn: true });
    const sheet = { getId: () => 's' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    emu.run((gas) => {
      gas.ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
      gas.ScriptApp.newTrigger('b').forSpreadsheet(sheet).onOpen().create();
      gas.ScriptApp.newTrigger('c').forSpreadsheet(sheet).onEdit().create();
      gas.ScriptApp.newTrigger('d').forSpreadsheet(sheet).onChange().create();
    });
    expect(emu.services.triggers.list.map((t) => t.eventType)).toEqual([
      'CLOCK',
      'ON_OPEN',
      'ON_EDIT',
      'ON_CHANGE',
    ]);
    expect(
      thrown(() => emu.run((gas) => gas.ScriptApp.newTrigger('e').forSpreadsheet(sheet).onEdit().create())),
    ).toMatch(/^This add-on has created too many edit triggers/);
  });

  it('refuses an add-on clock trigger that would run more often than once an hour', () => {
    const emu = emulator({ addOn: true });
    expect(
      thrown(() => emu.run((gas) => gas.ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create())),
    ).toMatch(/once per hour/);
    expect(emu.services.triggers.list).toEqual([]);
  });

  it('counts an add-on’s after() one-shot as its clock trigger', () => {
    const emu = emulator({ addOn: true });
    emu.run((gas) => gas.ScriptApp.newTrigger('continue').timeBased().after(60_000).create());
    expect(thrown(() => hourly(emu))).toMatch(/too many time-based triggers/);
  });

  it('shows each user only their own triggers, and lets them delete only their own', () => {
    const emu = emulator({ addOn: false });
    hourly(emu, 'a', 'alice@example.com');
    hourly(emu, 'b', 'bob@example.com');
    const aliceSees = emu.run(
      (gas) => gas.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()),
      { user: 'alice@example.com' },
    );
    expect(aliceSees).toEqual(['a']);
    const bobTrigger = emu.run((gas) => gas.ScriptApp.getProjectTriggers()[0], { user: 'bob@example.com' });
    emu.run((gas) => gas.ScriptApp.deleteTrigger(bobTrigger), { user: 'alice@example.com' });
    expect(emu.services.triggers.list.map((t) => t.handler)).toEqual(['a', 'b']);
    emu.run((gas) => gas.ScriptApp.deleteTrigger(bobTrigger), { user: 'bob@example.com' });
    expect(emu.services.triggers.list.map((t) => t.handler)).toEqual(['a']);
  });

  it('lists the user’s triggers in this spreadsheet with getUserTriggers', () => {
    const emu = emulator();
    hourly(emu, 'sync');
    const sheet = { getId: () => 's' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(emu.run((gas) => gas.ScriptApp.getUserTriggers(sheet).map((t) => t.getHandlerFunction()))).toEqual(
      ['sync'],
    );
  });

  it('needs AuthMode.FULL to manage triggers (script.scriptapp scope)', () => {
    const emu = emulator();
    expect(thrown(() => emu.run((gas) => gas.ScriptApp.getProjectTriggers(), { authMode: 'LIMITED' }))).toBe(
      'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  it('refuses a clock trigger without a schedule', () => {
    const emu = emulator();
    expect(thrown(() => emu.run((gas) => gas.ScriptApp.newTrigger('f').timeBased().create()))).toMatch(
      /schedule/,
    );
  });

  it('refuses an unknown time zone in inTimezone', () => {
    const emu = emulator();
    expect(
      thrown(() => emu.run((gas) => gas.ScriptApp.newTrigger('f').timeBased().inTimezone('Mars/Olympus'))),
    ).toBe('Invalid argument: timezone');
  });
});

describe('ScriptApp tokens and authorization', () => {
  it('gives each user a stable fake OAuth token shaped like a Google access token', () => {
    const emu = emulator();
    const [a1, a2] = [1, 2].map(() =>
      emu.run((gas) => gas.ScriptApp.getOAuthToken(), { user: 'a@example.com' }),
    );
    const b = emu.run((gas) => gas.ScriptApp.getOAuthToken(), { user: 'b@example.com' });
    expect(a1).toMatch(/^ya29\.emulated\.[0-9a-f]{40}$/);
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
  });

  it('refuses getOAuthToken outside AuthMode.FULL', () => {
    const emu = emulator();
    expect(thrown(() => emu.run((gas) => gas.ScriptApp.getOAuthToken(), { authMode: 'LIMITED' }))).toMatch(
      /^You do not have permission to call ScriptApp.getOAuthToken/,
    );
  });

  it('reports NOT_REQUIRED with a null URL by default, REQUIRED with a URL once authorization is needed', () => {
    const emu = emulator();
    const check = () =>
      emu.run((gas) => {
        const info = gas.ScriptApp.getAuthorizationInfo(gas.ScriptApp.AuthMode.FULL);
        return [String(info.getAuthorizationStatus()), info.getAuthorizationUrl()];
      });
    expect(check()).toEqual(['NOT_REQUIRED', null]);
    emu.services.authorizationRequired.add('owner@example.com');
    const [status, url] = check();
    expect(status).toBe('REQUIRED');
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/d\/.+\/authorize/);
  });

  it('reads authorization info in any AuthMode, even NONE', () => {
    const emu = emulator();
    expect(
      emu.run(
        (gas) =>
          String(gas.ScriptApp.getAuthorizationInfo(gas.ScriptApp.AuthMode.FULL).getAuthorizationStatus()),
        { authMode: 'NONE' },
      ),
    ).toBe('NOT_REQUIRED');
  });

  it('creates state tokens that carry the callback name and arguments', async () => {
    const { readStateToken } = await import('../../../playground/emulator/services/script-app');
    const emu = emulator();
    const token = emu.run((gas) =>
      gas.ScriptApp.newStateToken()
        .withMethod('authCallback')
        .withArgument('connector', 'stripe')
        .withTimeout(120)
        .createToken(),
    );
    expect(readStateToken(token)).toEqual({
      method: 'authCallback',
      args: { connector: 'stripe' },
      timeout: 120,
      user: 'owner@example.com',
      expiresAt: expect.any(Number),
    });
  });
});
