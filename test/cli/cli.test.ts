/** The command line contract: exit codes, output formats, and no output on untrustworthy input. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../support/cli.ts';
import { readPortfolio } from '../../src/index.ts';
import { lipFile, productSegment, writePackageFolder } from '../bad-input/make-package.ts';

const repo = resolve(import.meta.dirname, '../..');

const run = (args: string[], cwd = repo) => runCli(args, cwd);

describe('vitrine CLI', () => {
  it('prints help with exit 0, and usage errors with exit 2', async () => {
    expect((await run(['--help'])).code).toBe(0);
    expect((await run(['--help'])).out).toContain('pack [input] --format ims');
    expect((await run([])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['check', '--no-such-flag'])).code).toBe(2);
    expect((await run(['pack', 'content'])).code).toBe(2);
    expect((await run(['pack', 'content', '--format', 'zzz'])).code).toBe(2);
    expect((await run(['pack', '--help'])).out).toContain('--out FILE');
  });

  it('suggests the command or option meant, and exits 2', async () => {
    const cmd = await run(['biuld', 'content']);
    expect(cmd.code).toBe(2);
    expect(cmd.err).toContain('unknown command "biuld" (did you mean "build"?)');
    const opt = await run(['build', 'content', '--otu', 'x']);
    expect(opt.code).toBe(2);
    expect(opt.err).toContain('unknown option "--otu" (did you mean "--out"?)');
    const far = await run(['zzzzzzzz']);
    expect(far.code).toBe(2);
    expect(far.err).not.toContain('did you mean');
  });

  it('checks the bundled example with exit 0 and a summary', async () => {
    const r = await run(['check', join(repo, 'content')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/checked .*content: \d+ parts, \d+ relations/);
  });

  it('exits 1 on a missing input, with a coded diagnostic as a JSON line', async () => {
    const r = await run(['check', join(tmpdir(), 'does-not-exist-vitrine'), '--json']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { code: string; severity: string });
    expect(lines[0]).toMatchObject({ code: 'InputNotFound', severity: 'error' });
  });

  it('prints file:line:col  severity  message  [Code]', async () => {
    const dir = writePackageFolder({ 'a.xml': lipFile(productSegment('p1', 'x') + productSegment('p1', 'y')) });
    const r = await run(['check', dir]);
    expect(r.err).toMatch(new RegExp(`${join(dir, 'a.xml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  warning  .*  \\[DuplicatePartId\\]`));
    expect(r.code).toBe(0);
    expect((await run(['check', dir, '--strict'])).code).toBe(1);
  });

  it('packs to the default <portfolio-id>.zip, and the package reads back', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-cli-'));
    const r = await run(['pack', join(repo, 'content'), '--format', 'ims'], cwd);
    expect(r.code).toBe(0);
    const source = await readPortfolio(join(repo, 'content'));
    const zip = join(cwd, `${source.value!.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.zip`);
    expect(existsSync(zip)).toBe(true);
    const back = await readPortfolio(zip);
    expect(back.value!.parts.length).toBe(source.value!.parts.length);
  });

  it('writes nothing and keeps the previous package when the input has errors', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-cli-'));
    const out = join(cwd, 'out.zip');
    writeFileSync(out, 'previous package');
    const bad = writePackageFolder({ 'bad.xml': '<learnerinformation xmlns="http://www.imsglobal.org/xsd/imslip_v1p0"><goal>' });
    const r = await run(['pack', bad, '--format', 'ims', '--out', out], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[XmlMalformed]');
    expect(readFileSync(out, 'utf8')).toBe('previous package');
  });

  it('refuses a hostile zip with exit 1 and writes nothing', async () => {
    const { forgeZip, utf8 } = await import('../fixtures/hostile/forge-zip.ts');
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-cli-'));
    const zip = join(cwd, 'evil.zip');
    writeFileSync(zip, forgeZip([{ name: 'imsmanifest.xml', data: utf8('<manifest/>') }, { name: '../../escaped.txt', data: utf8('gotcha') }]));
    const r = await run(['pack', zip, '--format', 'ims', '--out', join(cwd, 'out.zip')], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[ZipEntryOutsideRoot]');
    expect(existsSync(join(cwd, 'out.zip'))).toBe(false);
    expect(existsSync(resolve(cwd, '../../escaped.txt'))).toBe(false);
    const b = await run(['build', zip, '--out', join(cwd, 'site')], cwd);
    expect(b.code).toBe(1);
    expect(existsSync(join(cwd, 'site'))).toBe(false);
  });

  it('runs as a real process through bin/vitrine.js', () => {
    const out = execFileSync(process.execPath, [join(repo, 'bin/vitrine.js'), '--version'], { encoding: 'utf8' });
    expect(out).toMatch(/^vitrine \d+\.\d+\.\d+/);
  });
});

