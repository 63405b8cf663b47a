/** eleventy.config.ts and `vitrine build` build the same site, byte for byte. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTo, listFiles } from './site-helpers.ts';

const repo = resolve(import.meta.dirname, '../..');

describe('the Eleventy path', () => {
  it('builds the same files with the same bytes as vitrine build', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitrine-eleventy-')), '_site');
    execFileSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', `--output=${out}`, '--quiet'], {
      cwd: repo,
      env: { ...process.env, VITRINE_INPUT: 'content' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const viaVitrine = await buildTo(join(repo, 'content'));
    const a = listFiles(out);
    // The marker file says "Vitrine built this folder"; Eleventy's own output folder has none.
    const b = listFiles(viaVitrine.out).filter((f) => f !== '.vitrine-site');
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(30);
    for (const f of a) expect(readFileSync(join(out, f)).equals(readFileSync(join(viaVitrine.out, f))), f).toBe(true);
  }, 120_000);
});
