#!/usr/bin/env node
// `npx tapdash …`: the CLI is TypeScript, run through tsx so developers need no build step.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
const require = createRequire(import.meta.url);
const { main } = require('../playground/cli.ts');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
