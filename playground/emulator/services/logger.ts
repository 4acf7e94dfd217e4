/**
 * Logger and console (https://developers.google.com/apps-script/reference/base/logger,
 * https://developers.google.com/apps-script/guides/logging). Lines are kept in the services
 * state with the execution that wrote them (the newest 1,000); set TAPDASH_EMULATOR_LOG=1 to
 * also print them to stderr.
 */
import { format } from 'node:util';
import type { Emulator } from '../emulator';
import { formatString } from './format-string';

export interface LogLine {
  at: number;
  executionId?: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  source: 'Logger' | 'console';
  message: string;
}

export const MAX_LOG_LINES = 1000;

function echo(line: LogLine): void {
  if (!process.env.TAPDASH_EMULATOR_LOG) return;
  process.stderr.write(
    `[apps-script${line.executionId ? ` #${line.executionId}` : ''} ${line.level}] ${line.message}\n`,
  );
}

function write(emu: Emulator, source: LogLine['source'], level: LogLine['level'], message: string): void {
  const line: LogLine = { at: emu.clock.now(), executionId: emu.current()?.id, level, source, message };
  emu.services.addLog(line);
  echo(line);
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export function createLogger(emu: Emulator): GoogleAppsScript.Base.Logger {
  const logger = {
    /** Logger.log(data) or Logger.log(format, values...) with %s-style placeholders. */
    log(data: unknown, ...values: unknown[]) {
      emu.call('Logger', 'log', 'local', emu.costs.localMs);
      const message = values.length ? formatString(String(data), values.map(show)) : show(data);
      write(emu, 'Logger', 'info', message);
      return logger;
    },
    /** This execution's Logger lines. */
    getLog() {
      emu.call('Logger', 'getLog', 'local', emu.costs.localMs);
      const id = emu.current()?.id;
      return emu.services.logs
        .filter((l) => l.source === 'Logger' && l.executionId === id)
        .map((l) => l.message)
        .join('\n');
    },
    clear() {
      emu.call('Logger', 'clear', 'local', emu.costs.localMs);
      const id = emu.current()?.id;
      emu.services.removeLogs((l) => l.source === 'Logger' && l.executionId === id);
    },
  };
  return logger as unknown as GoogleAppsScript.Base.Logger;
}

export function createConsole(emu: Emulator): Console {
  const timers = new Map<string, number>();
  const at =
    (level: LogLine['level'], method: string) =>
    (...args: unknown[]) => {
      emu.call('console', method, 'local', emu.costs.localMs);
      write(emu, 'console', level, format(...args));
    };
  return {
    log: at('info', 'log'),
    info: at('info', 'info'),
    debug: at('debug', 'debug'),
    warn: at('warn', 'warn'),
    error: at('error', 'error'),
    time(label = 'default') {
      timers.set(String(label), emu.clock.now());
    },
    timeEnd(label = 'default') {
      const start = timers.get(String(label));
      if (start === undefined) return;
      timers.delete(String(label));
      write(emu, 'console', 'info', `${label}: ${emu.clock.now() - start}ms`);
    },
  } as unknown as Console;
}
