/** `vitrine serve` names every view's address when it starts, unlisted and protected ones too. */
import { expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runServe } from '../../src/cli/commands/serve.ts';
import { loadSecrets } from '../../src/views/secrets.ts';
import { readViewConfig } from '../../src/views/index.ts';

it('lists the URL of every view, unlisted included, at start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-serve-list-'));
  let err = '';
  const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: dir };
  // A stop that has already come: the server starts, prints, and closes.
  const code = await runServe(resolve(import.meta.dirname, '../../content'), { port: 0, cache: join(dir, 'cache'), secrets: join(dir, 's.json') }, { json: false, quiet: true, debug: false, strict: false }, io, Promise.resolve());
  expect(code).toBe(0);
  const secrets = (await loadSecrets(join(dir, 's.json'))).value!;
  const token = secrets.views['recruiter-link']!.token;
  expect(err).toMatch(new RegExp(`http://127\\.0\\.0\\.1:\\d+/${token}/  unlisted \\(recruiter-link\\)`));
  expect(err).toMatch(/http:\/\/127\.0\.0\.1:\d+\/studio-nord\/ {2}public/);
  // One address per view the example configures, whatever their number.
  const views = (await readViewConfig(resolve(import.meta.dirname, '../../content'))).value.views;
  expect(views.length).toBeGreaterThan(5);
  expect(err.match(/^ {2}http:/gm)).toHaveLength(views.length);
}, 120_000);
