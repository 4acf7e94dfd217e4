import type { Gas } from './gas';

/**
 * The real Apps Script services, read from the global scope at call time. This and main.ts
 * are the only places that name Apps Script globals; everything else receives a `Gas`.
 */
export function liveGas(): Gas {
  return {
    SpreadsheetApp,
    UrlFetchApp,
    PropertiesService,
    CacheService,
    LockService,
    ScriptApp,
    Utilities,
    MailApp,
    Session,
    HtmlService,
    Charts,
    Logger,
  };
}
