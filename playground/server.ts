/**
 * `npm start`: the whole add-on on an emulated spreadsheet at http://localhost:8080.
 * The page shows the spreadsheet (tab strip, grid, hidden tabs behind a toggle, charts) with the
 * built Sidebar.html in a 300 px panel whose google.script.run calls reach the emulator.
 *
 *   npm start [-- --port 8080] [--fresh] [--mock-apis] [--workbook .tapdash/workbook.json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { build } from '../scripts/build';
import { fireOnOpen } from './emulator/scheduler';
import { routeHosts } from './emulator/services/url-fetch-routes';
import { type MockApis, startMockApis } from './mock-apis';
import { type SheetView, sheetView, workbookView } from './sheet-view';
import { Workspace } from './workspace';

const root = resolve(__dirname, '..');

export interface PlaygroundOptions {
  port: number;
  host?: string;
  workbookFile?: string;
  fresh?: boolean;
  /** Start the vendors' mock APIs for offline demos ("Connect Stripe" end to end). */
  mockApis?: boolean;
  /** Simulated start time (tests). */
  now?: number;
  quiet?: boolean;
}

export interface RunningPlayground {
  url: string;
  workspace: Workspace;
  /** The vendors' mock APIs, when started with `mockApis`. */
  mockApis?: MockApis;
  close(): Promise<void>;
}

/** What the page's banner shows: which vendors are mocked and the demo keys they accept. */
export interface PlaygroundInfo {
  mockApis: Array<{ id: string; label: string; host: string; demo: Record<string, string> }> | null;
}

/**
 * Starts the mock vendor APIs and routes their real hosts to them: from here on this emulator's
 * UrlFetchApp sends https://api.stripe.com/… to the local Stripe mock, and so on. Logged, so
 * nobody mistakes the demo for a real connection.
 */
async function startMocks(workspace: Workspace, quiet: boolean): Promise<MockApis> {
  const { emu } = workspace;
  const googleToken = String(
    emu.run((gas) => gas.ScriptApp.getOAuthToken(), { name: 'mock-apis', authMode: 'FULL' }),
  );
  const mocks = await startMockApis({ now: emu.clock.now(), googleToken });
  routeHosts(emu, mocks.routes);
  if (!quiet)
    for (const v of mocks.vendors)
      console.log(`Mock API: UrlFetchApp requests for https://${v.host}/ go to ${v.url} (${v.label})`);
  return mocks;
}

async function bundleWeb(entry: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  return out.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('The request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(text);
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  await build();
  const [pageJs, shimJs] = await Promise.all([
    bundleWeb('playground/web/app.tsx'),
    bundleWeb('playground/web/gas-shim.ts'),
  ]);
  const workbookFile = options.workbookFile ?? join(root, '.tapdash/workbook.json');
  if (options.fresh && existsSync(workbookFile)) {
    const { rmSync } = await import('node:fs');
    rmSync(workbookFile);
  }
  const workspace = Workspace.open(workbookFile, { now: options.now });
  const { emu } = workspace;

  // Opening the spreadsheet: the add-on is installed and enabled here, so onOpen runs LIMITED.
  fireOnOpen(emu, workspace.bundle, { authMode: 'LIMITED' });
  workspace.save();
  const mockApis = options.mockApis ? await startMocks(workspace, options.quiet === true) : undefined;
  const info: PlaygroundInfo = {
    mockApis: mockApis
      ? mockApis.vendors.map(({ id, label, host, demo }) => ({ id, label, host, demo }))
      : null,
  };

  const pageHtml = readFileSync(join(root, 'playground/web/index.html'), 'utf8').replace(
    '/*APP_JS*/',
    () => pageJs,
  );
  const sidebarHtml = () =>
    readFileSync(join(root, 'dist/Sidebar.html'), 'utf8').replace(
      '<head>',
      () => `<head><script>${shimJs}</script>`,
    );

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/')
        return send(res, 200, pageHtml, 'text/html; charset=utf-8');
      if (req.method === 'GET' && url.pathname === '/sidebar')
        return send(res, 200, sidebarHtml(), 'text/html; charset=utf-8');
      if (req.method === 'GET' && url.pathname === '/api/workbook') return send(res, 200, workbookView(emu));
      if (req.method === 'GET' && url.pathname === '/api/playground') return send(res, 200, info);
      if (req.method === 'GET' && url.pathname === '/api/sheet') {
        const view: SheetView | undefined = sheetView(
          emu,
          url.searchParams.get('name') ?? '',
          Number(url.searchParams.get('rows') ?? 200),
        );
        return view ? send(res, 200, view) : send(res, 404, { error: 'No such tab' });
      }
      if (req.method === 'POST' && url.pathname === '/api/run') {
        const { name, args } = (await readBody(req)) as { name: string; args: unknown[] };
        try {
          const result = workspace.invoke(String(name), Array.isArray(args) ? args : [], {
            kind: 'script-run',
            authMode: 'FULL',
          });
          workspace.save();
          return send(res, 200, { ok: true, result: result === undefined ? null : result });
        } catch (e) {
          workspace.save();
          return send(res, 200, { ok: false, error: e instanceof Error ? e.message : String(e) });
        }
      }
      if (req.method === 'POST' && url.pathname === '/api/menu') {
        const { handler } = (await readBody(req)) as { handler: string };
        workspace.invoke(String(handler), [], { kind: 'menu', authMode: 'FULL' });
        workspace.save();
        return send(res, 200, { ok: true });
      }
      return send(res, 404, { error: 'Not found' });
    } catch (e) {
      return send(res, 500, { error: e instanceof Error ? e.message : String(e) });
    }
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok) => server.listen(options.port, host, ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  return {
    url,
    workspace,
    mockApis,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await mockApis?.close();
    },
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const port = Number(value('--port') ?? process.env.PORT ?? 8080);
  startPlayground({
    port,
    fresh: flag('--fresh'),
    mockApis: flag('--mock-apis'),
    workbookFile: value('--workbook'),
  }).then(
    (p) => {
      console.log(
        `Tapdash playground running at ${p.url}\n(state is kept in .tapdash/; use --fresh to start over)`,
      );
      if (p.mockApis)
        console.log(`Offline demo: connect Stripe with the key ${p.mockApis.vendors[0].demo.apiKey}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
