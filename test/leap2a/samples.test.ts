/**
 * The Leap2A samples in ../shared build into sites where every entry has a page showing its
 * title and text, every file is published (images through the image pipeline, metadata
 * stripped), and both ends of every relation link to each other.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { textOf } from '../../src/model/sanitize.ts';
import type { Portfolio } from '../../src/model/types.ts';
import { hasShared, needs, sharedPath, skipNote } from '../support/env.ts';
import { buildTo, listFiles, page, resolveLink } from '../site/site-helpers.ts';

const ok = needs('../shared/samples/leap2a', hasShared('samples', 'leap2a'));
const inputs = ['samples/leap2a/mahara-1.3', 'samples/leap2a/test_valid_leap2a.xml'];

describe.skipIf(!ok)(skipNote('../shared/samples/leap2a', ok) || 'Leap2A samples as sites', () => {
  const built = new Map<string, { out: string; portfolio: Portfolio }>();
  beforeAll(async () => {
    for (const input of inputs) {
      const path = sharedPath(...input.split('/'));
      const { out, result } = await buildTo(path);
      expect(result.diagnostics.filter((d) => d.severity === 'error'), input).toEqual([]);
      built.set(input, { out, portfolio: (await readPortfolio(path)).value! });
    }
  }, 120_000);

  it('reads every entry of each sample as a part', () => {
    for (const input of inputs) {
      const xml = readFileSync(sharedPath(...input.split('/'), ...(input.endsWith('.xml') ? [] : ['leap2a.xml'])), 'utf8');
      const ids = [...xml.matchAll(/<entry>\s*<title>[^<]*<\/title>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
      expect(ids.length, input).toBeGreaterThan(5);
      expect(built.get(input)!.portfolio.parts.map((p) => p.id).sort(), input).toEqual([...ids].sort());
    }
  });

  it('gives every part a page with its title and text', () => {
    for (const [input, { out, portfolio }] of built) {
      const files = listFiles(out);
      for (const part of portfolio.parts) {
        const path = `preview/${part.slug}/index.html`;
        expect(files, `${input}: ${part.id}`).toContain(path);
        const text = page(out, path).querySelector('main')!.text.replace(/\s+/g, ' ');
        expect(text, `${input}: ${part.id} title`).toContain(part.title!.value.replace(/\s+/g, ' '));
        const short = part.description?.short?.value;
        if (short) expect(text, `${input}: ${part.id} summary`).toContain(short.replace(/\s+/g, ' ').trim());
        expect(text, `${input}: ${part.id} has no escaped markup`).not.toMatch(/(&lt;|<)(p|div)[\s>]/);
        // Free-text dates show as written (machine dates are formatted for the reader).
        for (const d of part.dates) if (d.value && !/^\d{4}/.test(d.value)) expect(text, `${input}: ${part.id} date ${d.value}`).toContain(d.value);
        const long = part.description?.long?.value;
        if (long) {
          const first = textOf(long).split(/\n+/).map((s) => s.trim()).find((s) => s.length > 3);
          if (first) expect(text, `${input}: ${part.id} text`).toContain(first.replace(/\s+/g, ' ').replace(/&nbsp;/g, '\u00a0').slice(0, 40));
        }
      }
    }
  });

  it('links both ends of every relation whose ends are in the export', () => {
    for (const [input, { out, portfolio }] of built) {
      const slug = new Map(portfolio.parts.map((p) => [p.id, p.slug]));
      let checked = 0;
      for (const rel of portfolio.relations) {
        const from = slug.get(rel.from);
        for (const to of rel.to.map((t) => slug.get(t))) {
          if (!from || !to) continue;
          const fromPage = `preview/${from}/index.html`;
          const toPage = `preview/${to}/index.html`;
          const a1 = page(out, fromPage).querySelectorAll('a').map((a) => resolveLink(fromPage, a.getAttribute('href') ?? ''));
          const a2 = page(out, toPage).querySelectorAll('a').map((a) => resolveLink(toPage, a.getAttribute('href') ?? ''));
          expect(a1, `${input}: ${rel.type} ${rel.from} → ${to}`).toContain(toPage);
          expect(a2, `${input}: ${rel.type} back to ${rel.from}`).toContain(fromPage);
          checked++;
        }
      }
      expect(checked, input).toBeGreaterThan(3);
    }
  });

  it('publishes the Mahara files: the photo as stripped image variants, on its page and in the blog post embedding it', () => {
    const { out, portfolio } = built.get('samples/leap2a/mahara-1.3')!;
    const files = listFiles(out);
    expect(portfolio.files.map((f) => f.path).sort()).toEqual(['2010-10-16mahara1-3/0-IMG_0883.JPG', '2010-10-16mahara1-3/1-me']);
    // The original JPEG (with EXIF GPS) is never published; its variants are.
    expect(files.some((f) => f.endsWith('0-IMG_0883.JPG'))).toBe(false);
    expect(files.some((f) => /^preview\/images\/0-IMG_0883-\d+\.[0-9a-f]+\.jpg$/.test(f))).toBe(true);
    expect(files.some((f) => /^preview\/images\/1-me-\d+\.[0-9a-f]+\.png$/.test(f))).toBe(true);
    const photo = portfolio.parts.find((p) => p.id === 'portfolio:artefact42')!;
    const post = portfolio.parts.find((p) => p.id === 'portfolio:artefact45')!;
    for (const p of [photo, post]) {
      const imgs = page(out, `preview/${p.slug}/index.html`).querySelectorAll('main img').map((i) => i.getAttribute('src') ?? '');
      expect(imgs.some((s) => /images\/0-IMG_0883-/.test(s)), p.id).toBe(true);
    }
    expect(portfolio.files.find((f) => f.path.endsWith('1-me'))?.mediaType).toBe('image/png');
  });

  it('keeps Mahara pages with their parts in order, and persons with their data', () => {
    const { portfolio } = built.get('samples/leap2a/mahara-1.3')!;
    const resume = portfolio.relations.find((r) => r.from === 'portfolio:view4' && r.type === 'has_part')!;
    expect(resume.to[0]).toBe('portfolio:artefact40');
    const employment = portfolio.relations.find((r) => r.from === 'portfolio:artefact30')!;
    expect(employment).toMatchObject({ to: ['portfolio:resumecomposite-30-child-1', 'portfolio:resumecomposite-30-child-2'], leap2a: { displayOrder: [1, 2] } });
    const me = portfolio.parts[0]!;
    expect(me).toMatchObject({ id: 'portfolio:artefactinternal', kind: 'identification' });
    expect(me.person?.contacts).toContainEqual({ kind: 'email', value: 'hans.muster@example.com' });
    expect(me.leap2a?.elements.filter((e) => e.name === 'persondata')).toHaveLength(15);
    // Mahara's free-text dates are the dates as written, and show on the page.
    const teacher = portfolio.parts.find((p) => p.id === 'portfolio:resumecomposite-30-child-1')!;
    expect(teacher.dates.map((d) => [d.type?.value, d.value])).toEqual([['Start', '1.1.2003'], ['Finish', '31.12.2007']]);
    const task = portfolio.parts.find((p) => p.id === 'portfolio:artefact86')!;
    expect(task).toMatchObject({ kind: 'goal', parent: 'portfolio:artefact85', status: { type: { value: 'planned' } } });
    expect(portfolio.parts.find((p) => p.id === 'portfolio:artefact12')?.title?.value).toBe("Hans Muster's Blog");
  });
});

