#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build`, which `npm ci` runs on prepare).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('concert: the compiled CLI is missing; run `npm run build` first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
