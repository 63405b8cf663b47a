/** eleventy.config.ts and `vitrine build` build the same site, byte for byte. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTo, listFiles } from './site-helpers.ts';
import { vitrineEleventy, type EleventyUserConfig } from '../../src/eleventy.ts';

const repo = resolve(import.meta.dirname, '../..');

describe('the Eleventy path', () => {
  it('builds the same files with the same bytes as vitrine build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-eleventy-'));
    const out = join(dir, '_site');
    // vitrine build first: it writes the secrets file the Eleventy run then reads (same folders).
    const viaVitrine = await buildTo(join(repo, 'content'), { secrets: join(dir, 'secrets.json') });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', `--output=${out}`, '--quiet'], {
      cwd: repo,
      env: { ...process.env, VITRINE_INPUT: 'content', VITRINE_SECRETS: join(dir, 'secrets.json') },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    // The protected view is left out of the Eleventy path, which says so (it cannot encrypt).
    expect(run.stderr).toMatch(/view "assessor-private" is protected and is left out.*\[ViewAccessNotEnforced\]/);
    const sealed = viaVitrine.result.value.views.find((v) => v.id === 'assessor-private')!.folder;
    const a = listFiles(out);
    // The marker file says "Vitrine built this folder"; Eleventy's own output folder has none.
    const b = listFiles(viaVitrine.out).filter((f) => f !== '.vitrine-site' && !f.startsWith(`${sealed}/`));
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(30);
    for (const f of a) expect(readFileSync(join(out, f)).equals(readFileSync(join(viaVitrine.out, f))), f).toBe(true);
  }, 120_000);

  it('ViewAccessNotEnforced: leaves a protected view out, at the view in the config, and registers none of its pages', async () => {
    const templates: string[] = [];
    const cfg: EleventyUserConfig = {
      setTemplateFormats: () => {},
      addTemplateFormats: () => {},
      addExtension: () => {},
      addTemplate: (path) => void templates.push(path),
      on: () => {},
    };
    const secrets = join(mkdtempSync(join(tmpdir(), 'vitrine-eleventy-secrets-')), 'secrets.json');
    const diagnostics = await vitrineEleventy(cfg, join(repo, 'content'), { secrets });
    const d = diagnostics.find((x) => x.code === 'ViewAccessNotEnforced');
    expect(d).toMatchObject({ severity: 'warning', location: { file: join(repo, 'content', 'vitrine.config.yaml'), line: expect.any(Number), column: 5 } });
    expect(d!.message).toContain('"assessor-private"');
    const folders = new Set(templates.map((t) => t.split('/')[1]));
    expect(folders.has('studio-nord')).toBe(true);
    expect([...folders].filter((f) => f && /^[a-z2-7]{26}$/.test(f))).toHaveLength(1); // the unlisted view only
  }, 60_000);
});
