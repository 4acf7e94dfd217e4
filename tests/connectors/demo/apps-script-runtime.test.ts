/**
 * The generator runs where Apps Script runs it: bundled by esbuild like the server code, in a
 * bare V8 context with only JavaScript's built-ins (no require, process, timers, fetch, Buffer).
 */
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import { demoData, NOW } from './support/demo-data';

const bundle = buildSync({
  entryPoints: ['connectors/demo/spec.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'DemoSource',
  platform: 'neutral',
  target: 'es2020',
  write: false,
  logLevel: 'silent',
}).outputFiles[0].text;

describe('the Demo source in a bare JavaScript context', () => {
  const context = vm.createContext({});
  vm.runInContext(bundle, context);

  it('has none of the Node or browser globals Apps Script lacks', () => {
    const missing = [
      'require',
      'process',
      'setTimeout',
      'fetch',
      'structuredClone',
      'TextEncoder',
      'Buffer',
    ].map((name) => vm.runInContext(`typeof ${name}`, context));
    expect(missing).toEqual(Array(7).fill('undefined'));
  });

  it('generates the same records there as in Node', () => {
    const generate = (stream: string) =>
      JSON.parse(
        vm.runInContext(
          `JSON.stringify(DemoSource.demoConnector.generate({ stream: ${JSON.stringify(stream)}, now: new Date(${NOW.getTime()}), config: {} }))`,
          context,
        ),
      );
    expect(generate('subscriptions')).toEqual(demoData().subscriptions);
    expect(generate('web_sessions')).toEqual(demoData().web_sessions);
  });
});
