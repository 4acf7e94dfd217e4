import { Emulator } from '../../../playground/emulator/emulator';
import { startMockServer } from '../../../playground/emulator/mock-server';
import { runDueTriggers } from '../../../playground/emulator/scheduler';
import { createUi } from '../../../playground/emulator/services/ui';
import { emulator, START, thrown } from './helpers';

describe('ServicesState.toJSON / fromJSON (the workbook file round trip)', () => {
  it('restores properties, cache with expiry, triggers, outbox, UI, requests, quotas, logs and counters', async () => {
    const api = await startMockServer([{ path: '/ok', body: 'ok' }]);
    const emu = emulator({ quotas: { urlFetchPerDay: 1 }, costModel: { cacheMs: 0 } });
    const uuid = emu.run((gas) => {
      gas.PropertiesService.getDocumentProperties().setProperty('cursor', 'abc');
      gas.PropertiesService.getUserProperties().setProperty('key', 'v');
      gas.CacheService.getScriptCache().put('token', 't', 60);
      gas.ScriptApp.newTrigger('sync').timeBased().everyHours(1).create();
      gas.MailApp.sendEmail('a@example.com', 'subject', 'body');
      createUi(emu).createAddonMenu().addItem('Open', 'openSidebar').addToUi();
      gas.UrlFetchApp.fetch(`${api.url}/ok`);
      gas.Logger.log('hello');
      return gas.Utilities.getUuid();
    });
    const json = JSON.parse(JSON.stringify(emu.save()));
    await api.close();

    const back = Emulator.load(json, { realCpu: false });
    expect(back.services.toJSON()).toEqual(emu.services.toJSON());
    expect(back.run((gas) => gas.PropertiesService.getDocumentProperties().getProperty('cursor'))).toBe(
      'abc',
    );
    expect(back.run((gas) => gas.CacheService.getScriptCache().get('token'))).toBe('t');
    expect(back.services.outbox.map((m) => m.subject)).toEqual(['subject']);
    expect(back.services.ui.menus[0].items).toEqual([
      { kind: 'item', caption: 'Open', functionName: 'openSidebar' },
    ]);
    expect(back.services.requests.map((r) => r.status)).toEqual([200]);
    expect(back.services.logs.map((l) => l.message)).toEqual(['hello']);
    // The daily UrlFetch count survives: the one allowed call is used.
    expect(thrown(() => back.run((gas) => gas.UrlFetchApp.fetch('http://127.0.0.1:9/')))).toMatch(
      /too many times/,
    );
    // The uuid counter continues rather than repeating.
    expect(back.run((gas) => gas.Utilities.getUuid())).not.toBe(uuid);
  });

  it('keeps cache expiry instants, so an entry still expires on time after a reload', () => {
    const emu = emulator({ costModel: { cacheMs: 0 } });
    emu.run((gas) => gas.CacheService.getUserCache().put('k', 'v', 10));
    const back = Emulator.load(JSON.parse(JSON.stringify(emu.save())), {
      realCpu: false,
      costModel: { cacheMs: 0 },
    });
    back.clock.advance(10_000);
    expect(back.run((gas) => gas.CacheService.getUserCache().get('k'))).toBeNull();
  });

  it('keeps trigger schedules: a reloaded hourly trigger fires at the same minute', () => {
    const emu = emulator();
    emu.run((gas) => gas.ScriptApp.newTrigger('sync').timeBased().everyHours(1).create());
    const original: number[] = [];
    runDueTriggers(emu, { sync: () => original.push(emu.clock.now()) }, START + 2 * 3_600_000);
    const back = Emulator.load(JSON.parse(JSON.stringify(emu.save())), { realCpu: false });
    const after: number[] = [];
    runDueTriggers(back, { sync: () => after.push(back.clock.now()) }, START + 4 * 3_600_000);
    expect(after).toHaveLength(2);
    expect(after[0] - original[original.length - 1]).toBe(3_600_000);
  });

  it('does not save locks: they belong to running executions', () => {
    const emu = emulator();
    emu.run((gas) => {
      gas.LockService.getScriptLock().waitLock(100);
      expect(JSON.stringify(emu.save())).not.toMatch(/lock/i);
    });
  });

  it('starts empty from a missing or unknown services snapshot', () => {
    const emu = emulator();
    const back = Emulator.load({ ...emu.save(), services: undefined } as never, { realCpu: false });
    expect(back.services.toJSON()).toEqual(emulator().services.toJSON());
  });
});
