/**
 * The emulated Apps Script services other than SpreadsheetApp and Charts. Each is a thin object
 * over the shared ServicesState; every call goes through `emu.call` (AuthMode, call count,
 * simulated cost, deadline).
 */
import type { Gas } from '../../../src/platform/gas';
import type { Emulator } from '../emulator';
import { createCacheService } from './cache';
import { createHtmlService } from './html';
import { createLockService } from './lock';
import { createConsole, createLogger } from './logger';
import { createMailApp } from './mail';
import { createPropertiesService } from './properties';
import { createScriptApp } from './script-app';
import { createSession } from './session';
import { createUrlFetchApp } from './url-fetch';
import { createUtilities } from './utilities';

export { ServicesState } from './state';

export type ServiceGlobals = Omit<Gas, 'SpreadsheetApp' | 'Charts'> & { console: Console };

export function createServices(emu: Emulator): ServiceGlobals {
  return {
    UrlFetchApp: createUrlFetchApp(emu),
    PropertiesService: createPropertiesService(emu),
    CacheService: createCacheService(emu),
    LockService: createLockService(emu),
    ScriptApp: createScriptApp(emu),
    Utilities: createUtilities(emu),
    MailApp: createMailApp(emu),
    Session: createSession(emu),
    HtmlService: createHtmlService(emu),
    Logger: createLogger(emu),
    console: createConsole(emu),
  };
}
