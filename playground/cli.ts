/**
 * The tapdash CLI: the same built server code (dist/Code.js) on the emulator, against real APIs.
 *
 *   tapdash connectors
 *   tapdash sync    --config tapdash.json [--workbook FILE] [--connection ID]
 *   tapdash refresh [--workbook FILE]
 *   tapdash run     --config tapdash.json [--workbook FILE]      (sync, then refresh: what the schedule does)
 *   tapdash export  --workbook FILE --xlsx out.xlsx
 *   tapdash chart   SPEC.vl.json [--data FILE]
 */
import { resolve } from 'node:path';
import { CONNECTORS } from '../connectors/index';
import { chartCommand } from './cli/chart';
import { ConfigError, readCliConfig } from './cli/config-file';
import { ServerCallError } from './cli/server-calls';
import { applyConnections, refresh, syncAll } from './cli/sync-commands';
import { exportXlsx } from './emulator/xlsx';
import { Workspace } from './workspace';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIO: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

export class CliError extends Error {}

export function parseFlags(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = a.slice(2);
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        flags[key] = next;
        i++;
      } else {
        flags[key] = true;
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

function connectorsCommand(io: CliIO): number {
  for (const c of CONNECTORS) {
    io.out(`${c.id.padEnd(14)} ${c.label} — ${c.description}`);
    for (const f of c.fields) {
      const flags = [f.kind === 'secret' ? 'secret' : f.kind, f.required ? 'required' : 'optional'].join(
        ', ',
      );
      io.out(`    ${f.key.padEnd(16)} ${f.label} (${flags})${f.help ? `: ${f.help}` : ''}`);
    }
    // Every HTTP connector takes a baseUrl override (self-hosting, mock servers); say so once.
    if (c.baseUrl && !c.fields.some((f) => f.key === 'baseUrl'))
      io.out(`    ${'baseUrl'.padEnd(16)} API base URL (optional, default ${c.baseUrl})`);
  }
  return 0;
}

const USAGE = `Usage: tapdash <command> [options]

Commands:
  connectors                                   list connectors and their config fields
  sync --config FILE [--workbook FILE] [--connection ID]
                                               sync connections into the workbook's hidden tabs
  refresh [--workbook FILE]                    rebuild models, summary tabs and the Dashboard
  run --config FILE [--workbook FILE]          sync, then refresh (what the schedule does)
  export --workbook FILE --xlsx OUT            save the workbook as an .xlsx file
  chart SPEC.vl.json [--data FILE]             show how a Vega-Lite spec becomes a Sheets chart`;

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const { positional, flags } = parseFlags(argv);
  const command = positional[0];
  try {
    switch (command) {
      case 'connectors':
        return connectorsCommand(io);
      case 'sync':
      case 'run': {
        const configFile = flags.config;
        if (typeof configFile !== 'string')
          throw new CliError(
            `Which config? Usage: tapdash ${command} --config tapdash.json [--workbook FILE]`,
          );
        const ws = openWorkspace(flags.workbook);
        const wanted = typeof flags.connection === 'string' ? flags.connection : undefined;
        const connections = readCliConfig(resolve(configFile)).filter(
          (c) => !wanted || (c.id ?? c.connector) === wanted,
        );
        if (wanted && connections.length === 0)
          throw new CliError(`No connection "${wanted}" in ${configFile}.`);
        const ids = applyConnections(ws, connections);
        ws.save();
        io.out(`Syncing ${ids.join(', ')} into ${ws.file}`);
        let ok = syncAll(ws, ids, io);
        if (command === 'run') ok = refresh(ws, io) && ok;
        return ok ? 0 : 1;
      }
      case 'refresh': {
        const ws = openWorkspace(flags.workbook);
        return refresh(ws, io) ? 0 : 1;
      }
      case 'export': {
        const out = flags.xlsx;
        if (typeof out !== 'string')
          throw new CliError('Where to? Usage: tapdash export --workbook FILE --xlsx out.xlsx');
        const ws = openWorkspace(flags.workbook);
        await exportXlsx(ws.emu.workbook, resolve(out));
        io.out(`Wrote ${resolve(out)} (hidden tabs stay hidden).`);
        return 0;
      }
      case 'chart': {
        const spec = positional[1];
        if (!spec) throw new CliError('Which spec? Usage: tapdash chart SPEC.vl.json [--data FILE]');
        io.out(chartCommand(spec, typeof flags.data === 'string' ? flags.data : undefined));
        return 0;
      }
      case undefined:
      case 'help':
        io.out(USAGE);
        return command ? 0 : 1;
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof ConfigError || e instanceof ServerCallError) io.err(e.message);
    else io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

/** The workbook file (default: the playground's, so a CLI sync shows up in `npm start`). */
function openWorkspace(flag: string | true | undefined): Workspace {
  const file = typeof flag === 'string' ? resolve(flag) : resolve(__dirname, '../.tapdash/workbook.json');
  return Workspace.open(file);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
