/** `vitrine pack --format leap2a` and `vitrine build` on a Leap2A export, through the CLI. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../support/cli.ts';
import { readPortfolio } from '../../src/index.ts';

const repo = resolve(import.meta.dirname, '../..');
const quirks = join(repo, 'test/fixtures/leap2a/mahara-quirks');

const run = (args: string[]) => runCli(args);

describe('vitrine with Leap2A', () => {
  it('packs a Leap2A export as Leap2A, and the zip reads back with every part', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-')), 'export.zip');
    const r = await run(['pack', quirks, '--format', 'leap2a', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out + r.err).toContain('leap2a package');
    const back = await readPortfolio(out);
    expect(back.value?.parts).toHaveLength(10);
    expect(back.value?.files.map((f) => f.path).sort()).toEqual(['files/Ete-2024-photo.png', 'files/report-final.pdf']);
  });

  it('with --strict, the warnings of the input stop the write', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-')), 'export.zip');
    const r = await run(['pack', quirks, '--format', 'leap2a', '--out', out, '--strict']);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('[Leap2aFileMissing]');
    expect(existsSync(out)).toBe(false);
  });

  it('packs an IMS package as Leap2A, and a Leap2A export as IMS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-'));
    const toLeap = await run(['pack', join(repo, 'test/fixtures/ims-example'), '--format', 'leap2a', '--out', join(dir, 'a.zip')]);
    expect(toLeap.code, toLeap.err).toBe(0);
    expect((await readPortfolio(join(dir, 'a.zip'))).value!.parts.length).toBeGreaterThan(10);
    const toIms = await run(['pack', join(repo, 'test/fixtures/leap2a/ns-2010-07.xml'), '--format', 'ims', '--out', join(dir, 'b.zip')]);
    expect(toIms.code, toIms.err).toBe(0);
    expect((await readPortfolio(join(dir, 'b.zip'))).value!.parts.map((p) => p.id)).toContain('portfolio:skill');
  });

  it('moving in: pack --format authored proposes one unlisted view per Mahara page, and it builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-'));
    const folder = join(dir, 'mine');
    const r = await run(['pack', quirks, '--format', 'authored', '--out', folder]);
    expect(r.code, r.err).toBe(0);
    expect(r.out + r.err).toContain('vitrine.config.yaml: 2 unlisted views');
    const config = parseYaml(readFileSync(join(folder, 'vitrine.config.yaml'), 'utf8')) as { views: { id: string; title: string; access: string; select: unknown[] }[] };
    // view7 is a Webpage with three parts; view8 has no page type but is a Mahara page (its <mahara:view>).
    expect(config.views.map((v) => [v.id, v.access])).toEqual([['view7', 'unlisted'], ['view8', 'unlisted']]);
    expect(config.views[0]).toEqual({ id: 'view7', title: 'My page', access: 'unlisted', select: [{ id: 'portfolio:view7', with: ['parts', 'evidence', 'reflections'] }] });
    const site = join(dir, '_site');
    const b = await run(['build', folder, '--out', site, '--secrets', join(dir, 'secrets.json')]);
    expect(b.code, b.err).toBe(0);
    const tokens = readdirSync(site).filter((f) => /^[a-z2-7]{26}$/.test(f));
    expect(tokens.length, readdirSync(site).join(', ')).toBe(2);
    const token = tokens.find((t) => readFileSync(join(site, t, 'index.html'), 'utf8').includes('My page'))!;
    const front = readFileSync(join(site, token, 'index.html'), 'utf8');
    expect(front).toContain('noindex');
    expect(front).toContain('My page');
    // The root index does not list an unlisted view.
    expect(readFileSync(join(site, 'index.html'), 'utf8')).not.toContain(token);
  });

  it('proposes no view for a Moodle discussion (a grouping, not a page), and keeps a config the input has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-'));
    const r = await run(['pack', join(repo, 'test/fixtures/leap2a/moodle-forum'), '--format', 'authored', '--out', join(dir, 'a')]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, 'a', 'vitrine.config.yaml'))).toBe(false);
    // The IMS example has its own views: they are copied, not replaced by proposals.
    const ims = await run(['pack', join(repo, 'test/fixtures/ims-example'), '--format', 'authored', '--out', join(dir, 'b')]);
    expect(ims.code, ims.err).toBe(0);
    expect(readFileSync(join(dir, 'b', 'vitrine.config.yaml'), 'utf8')).toBe(readFileSync(join(repo, 'test/fixtures/ims-example/vitrine.config.yaml'), 'utf8'));
  });

  it('builds a site from a Leap2A export', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-')), '_site');
    const r = await run(['build', quirks, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(out, 'preview', 'view7', 'index.html'))).toBe(true);
  });
});

describe('IMS export of nesting IMS cannot write', () => {
  it('reports a part nested where IMS LIP has no place for it, instead of dropping it silently', async () => {
    const { exportPackage } = await import('../../src/index.ts');
    const p = (await readPortfolio(join(repo, 'test/fixtures/leap2a/ns-2010-07.xml'))).value!;
    p.parts.find((x) => x.id === 'portfolio:skill')!.parent = 'portfolio:page1';
    const out = exportPackage(p, 'ims');
    expect(out.diagnostics.find((d) => d.code === 'ExportFieldDropped' && d.message.includes('"portfolio:skill" (competency) is nested'))?.location).toMatchObject({ line: 33, column: 3 });
  });

  it('moving in from Mahara: every page and collection becomes a view, free-text dates stay as written, the language is set, and it builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-leap2a-cli-'));
    const folder = join(dir, 'mine');
    const r = await run(['pack', join(repo, 'test/fixtures/leap2a/mahara-pages'), '--format', 'authored', '--out', folder]);
    expect(r.code, r.err).toBe(0);
    const config = parseYaml(readFileSync(join(folder, 'vitrine.config.yaml'), 'utf8')) as { views: { id: string; access: string; select: { id: string }[] }[] };
    // The collection holds view11 and view12; view13 and view14 (no file links) are in none; the dashboard (view9) is a system page.
    expect(config.views.map((v) => v.select[0]!.id)).toEqual(['portfolio:view13', 'portfolio:view14', 'portfolio:collection3']);
    const yaml = parseYaml(readFileSync(join(folder, 'portfolio.yaml'), 'utf8')) as { title: string; lang: string };
    expect(yaml).toMatchObject({ title: 'Ana Lima', lang: 'en' });
    const record = readdirSync(join(folder, 'parts')).find((f) => f.includes('resumecomposite'))!;
    expect(readFileSync(join(folder, 'parts', record), 'utf8')).toMatch(/Start:\s+text: 2\/09\/2017/);
    const b = await run(['build', folder, '--out', join(dir, '_site'), '--secrets', join(dir, 'secrets.json')]);
    expect(b.code, b.err).toBe(0);
    expect(b.out + b.err).not.toContain('AuthoredDateInvalid');
    // Read back, the dates are the text Mahara wrote.
    const back = (await readPortfolio(folder)).value!;
    expect(back.parts.find((p) => p.id.includes('resumecomposite'))!.dates.map((d) => d.value)).toEqual(['2/09/2017', 'June 2021']);
    // Every page keeps its layout (Part.page), read back from the <mahara:view> the folder keeps.
    const first = (await readPortfolio(join(repo, 'test/fixtures/leap2a/mahara-pages'))).value!;
    const pages = first.parts.filter((p) => p.page);
    expect(pages.length).toBe(4); // three pages of the owner and the dashboard
    for (const p of pages) expect(back.parts.find((x) => x.id === p.id)?.page, p.id).toEqual(p.page);
  });
});
