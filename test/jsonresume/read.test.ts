/** Reading JSON Resume: detection, diagnostics at file:line:col, photos beside the file, and the site it builds. */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/api.ts';
import { runCli } from '../support/cli.ts';

const require = createRequire(import.meta.url);
const sample = readFileSync(require.resolve('@jsonresume/schema/sample.resume.json'), 'utf8');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-jsonresume-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading a JSON Resume', () => {
  it('reports broken JSON at its line and column, and reads nothing', async () => {
    const file = join(dir, 'resume.json');
    await writeFile(file, '{\n  "basics": { "name": "A" },\n  "work": [ { "name": "B", } ]\n}\n');
    const r = await readPortfolio(file);
    expect(r.value).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'JsonResumeInvalid');
    expect(d?.location).toMatchObject({ file, line: 3 });
    expect(d?.location?.column).toBeGreaterThan(20);
  });

  it('keeps a value of the wrong shape as written, with a warning at its line', async () => {
    const file = join(dir, 'odd.json');
    await writeFile(file, JSON.stringify({ basics: { name: 'A' }, work: [{ name: 'B', highlights: 'one string, not a list' }] }, null, 2));
    const r = await readPortfolio(file);
    const d = r.diagnostics.find((x) => x.code === 'JsonResumeValueInvalid');
    expect(d?.message).toContain('work.0.highlights');
    expect(d?.location?.line).toBe(8);
    const work = r.value!.parts.find((p) => p.id === 'work-1')!;
    expect(work.jsonresume?.extra).toEqual({ highlights: 'one string, not a list' });
  });

  it('does not take any JSON file for a résumé', async () => {
    const file = join(dir, 'package.json');
    await writeFile(file, JSON.stringify({ name: 'x', version: '1.0.0' }));
    const r = await readPortfolio(file);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).not.toContain('JsonResumeInvalid');
  });

  it('takes an image beside resume.json as the photo, and leaves a URL as written', async () => {
    const folder = join(dir, 'with-photo');
    await mkdir(folder);
    await writeFile(join(folder, 'me.png'), await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } }).png().toBuffer());
    await writeFile(join(folder, 'resume.json'), JSON.stringify({ basics: { name: 'A', image: 'me.png' } }));
    const r = await readPortfolio(folder);
    const basics = r.value!.parts.find((p) => p.kind === 'identification')!;
    expect(basics.person?.photo).toBe('me.png');
    expect(r.value!.files.map((f) => f.path)).toEqual(['me.png']);
    await writeFile(join(folder, 'resume.json'), JSON.stringify({ basics: { name: 'A', image: 'https://example.org/me.png' } }));
    const remote = await readPortfolio(folder);
    expect(remote.value!.files).toEqual([]);
    expect(remote.value!.parts[0]!.jsonresume?.extra).toEqual({ image: 'https://example.org/me.png' });
  });

  it('says which wins when a folder holds both portfolio.yaml and resume.json', async () => {
    const folder = join(dir, 'both');
    await mkdir(folder);
    await writeFile(join(folder, 'portfolio.yaml'), 'title: Both\n');
    await writeFile(join(folder, 'resume.json'), sample);
    const r = await readPortfolio(folder);
    expect(r.value?.title).toBe('Both');
    expect(r.diagnostics.find((d) => d.code === 'JsonResumeShadowed')?.location?.file).toContain('resume.json');
  });
});

describe('the site of a JSON Resume', () => {
  it("builds the schema's sample into pages showing every entry", async () => {
    const folder = join(dir, 'sample');
    await mkdir(folder);
    await writeFile(join(folder, 'resume.json'), sample);
    const out = join(dir, 'sample-site');
    const res = await runCli(['build', folder, '--out', out]);
    expect(res.code, res.err).toBe(0);
    const resume = JSON.parse(sample) as Record<string, Record<string, unknown>[]>;
    const front = parse(readFileSync(join(out, 'preview', 'index.html'), 'utf8'));
    const text = front.textContent.replace(/\s+/g, ' ');
    // Every entry is on the front page, named as a CV names it.
    const names: Record<string, string> = { work: 'position', volunteer: 'position', education: 'studyType', awards: 'title', publications: 'name', skills: 'name', languages: 'language', interests: 'name', references: 'name', projects: 'name' };
    for (const [section, key] of Object.entries(names)) {
      for (const e of resume[section]!) expect(text, `${section}: ${String(e[key])}`).toContain(String(e[key]));
    }
    // A work entry's page shows where, and its highlights.
    const work = parse(readFileSync(join(out, 'preview', 'work-1', 'index.html'), 'utf8'));
    const rows = new Map(work.querySelectorAll('.details dl > div').map((d) => [d.querySelector('dt')!.textContent.trim(), d.querySelector('dd')!.textContent.trim()]));
    expect(rows.get('Employer')).toBe('Pied Piper');
    expect(rows.get('Highlights')).toContain('Successfully won Techcrunch Disrupt');
    expect(work.querySelector('.details a[href="http://piedpiper.example.com"]')).not.toBeNull();
  });
});
