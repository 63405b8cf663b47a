#!/usr/bin/env node
// The installed command runs the compiled JavaScript in dist/ (made by `npm run build`, which
// `npm ci`, `npm install` and `npm pack` run through `prepare`): nothing is transpiled at start.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/start.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('vitrine: dist/ is missing; in a clone of Vitrine, run "npm run build" (or "npm ci", which builds it)\n');
  process.exit(70);
}
await import(entry.href);
