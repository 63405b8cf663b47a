#!/usr/bin/env node
// Compiles src/ to dist/ (what the `vitrine` command and the package's exports run), then copies
// the files that are not TypeScript (the browser's unlock script, the XSLT child process) beside
// their compiled neighbours, which load them by a path relative to themselves.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true }); // no stale module from a renamed source survives
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!/\.ts$/.test(name)) cpSync(path, join(dist, relative(src, path)));
  }
};
walk(src);
