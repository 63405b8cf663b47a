/** `vitrine build` from the command line: one view, failures that keep the previous site, overlaps. */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { listFiles } from './site-helpers.ts';

const content = resolve(import.meta.dirname, '../../content');

async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  // The secrets of the example's unlisted and protected views go to the temp folder, not content/.
  const code = await main([...args, '--cache', join(cwd, '.cache'), '--secrets', join(cwd, 'secrets.json')], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd });
  return { code, out, err };
}

describe('vitrine build', () => {
  it('builds one view alone with --view, and says what it wrote', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
    const out = join(cwd, 'site');
    const r = await run(['build', content, '--out', out, '--view', 'studio-nord'], cwd);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/built .*site: \d+ files/);
    const files = listFiles(out);
    expect(files.some((f) => f.startsWith('studio-nord/'))).toBe(true);
    expect(files.some((f) => f.startsWith('ecole-design/'))).toBe(false);
  }, 60_000);

  it('ViewNotFound: an unknown --view is an error and writes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
    const r = await run(['build', content, '--out', join(cwd, 'site'), '--view', 'nope', '--json'], cwd);
    expect(r.code).toBe(1);
    const d = r.out.trim().split('\n').map((l) => JSON.parse(l) as { code: string; location?: { file: string } }).find((x) => x.code === 'ViewNotFound');
    expect(d?.location?.file).toBe(join(content, 'vitrine.config.yaml'));
    expect(existsSync(join(cwd, 'site'))).toBe(false);
  }, 60_000);

  it('keeps the previous site whole when a build fails', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
    const input = join(cwd, 'portfolio');
    cpSync(content, input, { recursive: true });
    // The example's XSL view names ../xsl/portfolio-pages.xsl: the stylesheets go beside it.
    cpSync(join(content, '..', 'xsl'), join(cwd, 'xsl'), { recursive: true });
    // Its French view uses ../docs/example-theme: the theme goes beside it too.
    cpSync(join(content, '..', 'docs', 'example-theme'), join(cwd, 'docs', 'example-theme'), { recursive: true });
    const out = join(cwd, 'site');
    expect((await run(['build', input, '--out', out], cwd)).code).toBe(0);
    const before = listFiles(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')]);
    // Break one part file: the next build must fail and leave the site as it was.
    writeFileSync(join(input, 'parts/6-plans/goal_accessible_curriculum.md'), '---\nkind: goal\ntags: [a\n---\n');
    const r = await run(['build', input, '--out', out], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[AuthoredYamlInvalid]');
    expect(r.err).toContain('is unchanged');
    expect(listFiles(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')])).toEqual(before);
  }, 60_000);

  it('OutputOverlapsInput: refuses an output folder that is or holds the input', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
    const input = join(cwd, 'portfolio');
    cpSync(content, input, { recursive: true });
    for (const out of [input, cwd]) {
      const r = await run(['build', input, '--out', out], cwd);
      expect(r.code).toBe(1);
      expect(r.err).toContain('[OutputOverlapsInput]');
    }
    expect(existsSync(join(input, 'portfolio.yaml'))).toBe(true);
    expect(listFiles(input).some((f) => f.endsWith('index.html'))).toBe(false);
  }, 60_000);
});

describe('output folders and files that are not Vitrine\'s', () => {
  it('OutputNotASite: never replaces a folder it did not build', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-build-'));
    const docs = join(cwd, 'docs-folder');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'thesis.txt'), 'draft');
    const r = await run(['build', content, '--out', docs], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[OutputNotASite]');
    expect(readFileSync(join(docs, 'thesis.txt'), 'utf8')).toBe('draft');
    // A site Vitrine built carries its marker and is replaced by the next build.
    const site = join(cwd, 'site');
    expect((await run(['build', content, '--out', site, '--view', 'studio-nord'], cwd)).code).toBe(0);
    expect(existsSync(join(site, '.vitrine-site'))).toBe(true);
    expect((await run(['build', content, '--out', site, '--view', 'ecole-design'], cwd)).code).toBe(0);
    expect(existsSync(join(site, 'studio-nord'))).toBe(false);
  }, 60_000);

  it('pack refuses to overwrite its input or write inside it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-pack-'));
    const run = async (args: string[], at: string) => {
      let err = '';
      const code = await main(args, { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: at });
      return { code, err };
    };
    const input = join(cwd, 'portfolio');
    cpSync(content, input, { recursive: true });
    const zip = join(cwd, 'p.zip');
    expect((await run(['pack', input, '--format', 'ims', '--out', zip], cwd)).code).toBe(0);
    const before = readFileSync(zip);
    const same = await run(['pack', zip, '--format', 'ims', '--out', zip], cwd);
    expect(same.code).toBe(1);
    expect(same.err).toContain('[OutputOverlapsInput]');
    expect(readFileSync(zip).equals(before)).toBe(true);
    const inside = await run(['pack', input, '--format', 'ims', '--out', join(input, 'p.zip')], cwd);
    expect(inside.code).toBe(1);
    expect(existsSync(join(input, 'p.zip'))).toBe(false);
  }, 60_000);
});
