/**
 * Builds dist/, exactly what clasp pushes: Code.js (server), Sidebar.html (the Preact sidebar
 * with its JS and CSS inlined) and appsscript.json (with the generated urlFetchWhitelist).
 *
 *   tsx scripts/build.ts [--out dist]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { CONNECTORS } from '../connectors/index';
import { type BuildSettings, buildManifest, type Manifest } from './manifest';

const root = resolve(__dirname, '..');
const NAMESPACE = 'TAPDASH_';

export interface BuildResult {
  outDir: string;
  entryPoints: string[];
  codeBytes: number;
  sidebarBytes: number;
}

/** Server-side esbuild settings shared by the bundle and the export-listing pass. */
const serverOptions: esbuild.BuildOptions = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  // Apps Script has no Node: prefer packages' browser builds (alasql's Node build pulls in fs).
  mainFields: ['browser', 'module', 'main'],
  conditions: ['browser'],
  charset: 'utf8',
  legalComments: 'eof',
  logLevel: 'warning',
};

/** Names exported by src/main.ts: each becomes a top-level function Apps Script can call. */
async function listEntryPoints(): Promise<string[]> {
  const result = await esbuild.build({
    ...serverOptions,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'entry.js',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return [...output.exports].sort();
}

async function buildServer(outDir: string): Promise<{ bytes: number; entryPoints: string[] }> {
  const entryPoints = await listEntryPoints();
  const result = await esbuild.build({
    ...serverOptions,
    format: 'iife',
    globalName: NAMESPACE,
    write: false,
    outfile: 'Code.js',
    // The add-on refuses hosts the manifest does not allow, with a clear message (src/connect/url-allowlist-check.ts).
    define: { TAPDASH_EXTRA_ALLOWED_URLS: JSON.stringify(readBuildSettings().extraAllowedUrls ?? []) },
  });
  const bundle = result.outputFiles[0].text;
  // esbuild declares the namespace with `var`, which would make it a property of the global
  // object; `const` keeps it reachable from the stubs but invisible to google.script.run.
  const declaration = `var ${NAMESPACE} = `;
  if (bundle.split(declaration).length !== 2)
    throw new Error(`Expected one "${declaration}" in the server bundle`);
  const stubs = entryPoints
    .map((name) => `function ${name}() {\n  return ${NAMESPACE}.${name}.apply(this, arguments);\n}`)
    .join('\n\n');
  const code = [
    '// Tapdash server bundle, built by scripts/build.ts. Do not edit: change src/ and rebuild.',
    '// Apps Script calls the top-level functions below; each forwards to the bundle.',
    '',
    stubs,
    '',
    bundle.replace(/^"use strict";\n/, '').replace(declaration, `const ${NAMESPACE} = `),
  ].join('\n');
  writeFileSync(join(outDir, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), entryPoints };
}

/** Inlined <script> text must not close its own tag. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

async function bundleBrowser(entry: string): Promise<{ js: string; css: string }> {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    outdir: 'out',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

async function buildSidebar(outDir: string): Promise<number> {
  const app = await bundleBrowser('sidebar/main.tsx');
  const lazyEntry = join(root, 'sidebar/lazy-charts.ts');
  const lazy = existsSync(lazyEntry) ? await bundleBrowser('sidebar/lazy-charts.ts') : { js: '', css: '' };
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const html = template
    .replace('/*INLINE_CSS*/', () => app.css + lazy.css)
    .replace('/*INLINE_JS*/', () => scriptSafe(app.js))
    // The charting library (Vega) is parsed only after first paint: see sidebar/charts/load.ts.
    .replace('/*LAZY_JS*/', () => scriptSafe(lazy.js));
  writeFileSync(join(outDir, 'Sidebar.html'), html);
  return Buffer.byteLength(html);
}

function readBuildSettings(): BuildSettings {
  const file = join(root, 'tapdash.build.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as BuildSettings;
}

function writeManifest(outDir: string): void {
  const base = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as Manifest;
  const manifest = buildManifest(base, CONNECTORS, readBuildSettings());
  writeFileSync(join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function build(outDir = join(root, 'dist')): Promise<BuildResult> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const [server, sidebarBytes] = await Promise.all([buildServer(outDir), buildSidebar(outDir)]);
  writeManifest(outDir);
  return { outDir, entryPoints: server.entryPoints, codeBytes: server.bytes, sidebarBytes };
}

if (require.main === module) {
  const outFlag = process.argv.indexOf('--out');
  const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : undefined;
  build(outDir).then(
    (r) => {
      console.log(
        `Built ${r.outDir}: Code.js ${(r.codeBytes / 1024).toFixed(0)} KB (${r.entryPoints.length} entry points), ` +
          `Sidebar.html ${(r.sidebarBytes / 1024).toFixed(0)} KB, appsscript.json`,
      );
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
