/** `vitrine init` and `vitrine pack --format authored` from the command line. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { readPortfolio } from '../../src/index.ts';
import { normalise } from '../ims/helpers.ts';
import { imsExampleDir } from './paths.ts';

const run = (args: string[], cwd: string) => runCli(args, cwd);

describe('vitrine init', () => {
  it('writes a starter that builds at once, in an empty folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-init-'));
    const r = await run(['init', 'mine'], cwd);
    expect(r.code, r.err).toBe(0);
    const dir = join(cwd, 'mine');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['.vitrine-secrets.json', '_site/']));
    // The schema references resolve to this Vitrine's schemas.
    const yaml = readFileSync(join(dir, 'portfolio.yaml'), 'utf8');
    const ref = /\$schema=(\S+)/.exec(yaml)![1]!;
    expect(existsSync(join(dir, ref))).toBe(true);
    const part = readFileSync(join(dir, 'parts/work/site-redesign.md'), 'utf8');
    expect(existsSync(join(dir, 'parts/work', /\$schema=(\S+)/.exec(part)![1]!))).toBe(true);

    const check = await run(['check', dir, '--strict'], cwd);
    expect(check.code, check.err).toBe(0);
    const out = join(cwd, 'site');
    const b = await run(['build', dir, '--out', out, '--cache', join(cwd, 'cache'), '--strict'], cwd);
    expect(b.code, b.err).toBe(0);
    expect(existsSync(join(out, 'portfolio', 'index.html'))).toBe(true);
    const p = (await readPortfolio(dir)).value!;
    expect(p.relations.map((x) => `${x.from} ${x.type} ${x.to.join(',')}`).sort()).toEqual(['site-redesign Evidences teamwork', 'site-redesign-reflection ReflectsOn site-redesign']);
  }, 60_000);

  it('refuses a folder that holds anything, and writes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-init-'));
    writeFileSync(join(cwd, 'notes.txt'), 'mine');
    const r = await run(['init'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[OutputNotASite]');
    expect(readdirSync(cwd)).toEqual(['notes.txt']);
    // A second init over a first one is refused too.
    expect((await run(['init', 'p'], cwd)).code).toBe(0);
    const before = readFileSync(join(cwd, 'p', 'portfolio.yaml'), 'utf8');
    const again = await run(['init', 'p'], cwd);
    expect(again.code).toBe(1);
    expect(again.err).toContain('portfolio.yaml');
    expect(readFileSync(join(cwd, 'p', 'portfolio.yaml'), 'utf8')).toBe(before);
  });
});

describe('vitrine pack --format authored', () => {
  it('writes an authored folder that reads back as the same portfolio, and never over a folder in use', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-pack-authored-'));
    const r = await run(['pack', imsExampleDir, '--format', 'authored', '--out', 'lea'], cwd);
    expect(r.code, r.err).toBe(0);
    const a = (await readPortfolio(imsExampleDir)).value!;
    const b = (await readPortfolio(join(cwd, 'lea'))).value!;
    expect(normalise(b.parts)).toEqual(normalise(a.parts));
    // The views came along.
    expect(readFileSync(join(cwd, 'lea', 'vitrine.config.yaml'), 'utf8')).toBe(readFileSync(join(imsExampleDir, 'vitrine.config.yaml'), 'utf8'));
    const again = await run(['pack', imsExampleDir, '--format', 'authored', '--out', 'lea'], cwd);
    expect(again.code).toBe(1);
    expect(again.err).toContain('[OutputNotASite]');
  });
});
