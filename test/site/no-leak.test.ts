/**
 * Nothing leaks between views: markers planted in every text field, tag and file of every part
 * (file names, text files' bytes, images' EXIF, what the owner says about a file) must appear
 * in no output file of a view that did not select the part (pages, CSS, images, the view's
 * package once unzipped, a protected view's files once decrypted with its passphrase), and a
 * selected part's text markers must appear. Public, unlisted and protected views alike.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import AdmZip from 'adm-zip';
import fc from 'fast-check';
import sharp from 'sharp';
import { readPortfolio } from '../../src/index.ts';
import { makeFile } from '../../src/model/files.ts';
import type { Part, Portfolio, PortfolioFile } from '../../src/model/types.ts';
import { planViews, readSiteConfig } from '../../src/views/index.ts';
import type { SiteConfig, ViewConfig } from '../../src/views/types.ts';
import { renderSite } from '../../src/render/render-site.ts';
import { xslInputs } from '../../src/xsl-inputs.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { arbPortfolio } from '../support/generate-portfolio.ts';
import { decryptView, folderOf } from '../access/decrypt.ts';
import { checkProperty, propertySeeds } from '../support/property.ts';

const seeds = propertySeeds();
const thisFile = 'test/site/no-leak.test.ts';

/** Key derivation made cheap for this file only (the option the command line never sets). */
const kdfIterations = 1000;

const content = resolve(import.meta.dirname, '../../content');
const cache = mkdtempSync(`${tmpdir()}/vitrine-leak-cache-`);
const processImage = createImageProcessor(cache);

/** Planted in the portfolio's title and package metadata. */
const SITE_MARKER = 'QXSITE000Z';

/** Keys whose strings are structure, not the owner's text: markers there would break the model. */
const structural = new Set(['id', 'slug', 'kind', 'parent', 'file', 'carrier', 'mode', 'mimeType', 'refType', 'lang', 'sourceType', 'value@date', 'element', 'el', 'ref', 'type@node', 'ns', 'name', 'prefix', 'path', 'origin', 'after']);

/** Appends `marker` to every owner-text string inside a part (descriptions, comments, record fields). */
function plant(v: unknown, marker: string, key = ''): unknown {
  if (typeof v === 'string') return structural.has(key) ? v : `${v} ${marker}`;
  if (Array.isArray(v)) return v.map((x) => plant(x, marker, key));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const isXmlNode = o.type === 'element' || o.type === 'text';
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (isXmlNode && k === 'type') out[k] = x;
      else if (k === 'value' && typeof x === 'string' && /^\d{4}-\d{2}/.test(x)) out[k] = x; // dates stay dates
      else if (k === 'tags') out[k] = x;
      else out[k] = plant(x, marker, k);
    }
    return out;
  }
  return v;
}

/**
 * A JPEG's bytes with `marker` in its EXIF. Generated portfolios hold files that only claim to
 * be JPEGs (random bytes, or none at all): those keep their bytes. sharp throws synchronously on
 * an empty buffer ("Input Buffer is empty") and rejects on bytes it cannot decode, so both are
 * caught here, inside one async function.
 */
async function withExifMarker(bytes: Uint8Array, marker: string): Promise<Uint8Array> {
  if (bytes.length === 0) return bytes;
  try {
    return new Uint8Array(await sharp(Buffer.from(bytes)).withExif({ IFD0: { Artist: marker, ImageDescription: marker } }).jpeg().toBuffer());
  } catch {
    return bytes;
  }
}

/** The example portfolio with a unique marker in every part's texts and files. */
async function markedPortfolio(): Promise<{ portfolio: Portfolio; markers: Map<string, string>; fileMarkers: Map<string, string[]> }> {
  return await markPortfolio((await readPortfolio(content)).value!);
}

/** A portfolio with a unique marker in every part's texts, tags and files, and in its own title. */
async function markPortfolio(base: Portfolio): Promise<{ portfolio: Portfolio; markers: Map<string, string>; fileMarkers: Map<string, string[]> }> {
  const markers = new Map<string, string>();
  const renamed = new Map<string, string>();
  const files = new Map<string, PortfolioFile>(base.files.map((f) => [f.path, f]));
  const users = new Map<string, string[]>();
  for (const p of base.parts) for (const f of p.files) users.set(f, [...(users.get(f) ?? []), p.id]);
  base.parts.forEach((p, i) => markers.set(p.id, `QXMARK${String(i).padStart(3, '0')}Z`));
  // Files: a marker of their own (a file may be used by several parts) goes into the file name,
  // text files' bytes and images' EXIF. It may appear only in views selecting one of its users.
  const fileMarkers = new Map<string, string[]>();
  let n = 0;
  for (const [path, partIds] of users) {
    const f = files.get(path);
    if (!f) continue;
    const m = `QXFILE${String(n++).padStart(3, '0')}Z`;
    fileMarkers.set(m, partIds);
    const newPath = path.replace(/([^/]+)$/, `${m}-$1`);
    let bytes = f.bytes;
    if (/^text\//.test(f.mediaType)) bytes = new TextEncoder().encode(`${new TextDecoder().decode(f.bytes)}\n${m}-filetext\n`);
    if (f.mediaType === 'image/jpeg') bytes = await withExifMarker(f.bytes, `${m}-exif`);
    renamed.set(path, newPath);
    files.delete(path);
    // What the owner says about the file (title, alt text, caption) carries the marker too.
    files.set(newPath, { ...makeFile(newPath, bytes), about: { title: { value: `${m}-title` }, alt: { value: `${m}-alt` }, caption: { value: `${m}-caption` } } });
  }
  const rename = (p: string) => renamed.get(p) ?? p;
  const parts: Part[] = base.parts.map((p) => {
    const marked = plant(p, markers.get(p.id)!) as Part;
    // Tags stay (selectors match them) and gain one carrying the marker.
    marked.tags = [...p.tags, `${markers.get(p.id)!}-tag`];
    marked.files = p.files.map(rename);
    marked.description?.full.forEach((m) => m.file && (m.file = rename(m.file)));
    return marked;
  });
  const relations = base.relations.map((r) => plant(r, `REL${r.id}`) as typeof r);
  // The portfolio's own title and package metadata belong to no view: a view shows its own title
  // and the owner only through the identification part it selects.
  const ims = base.ims ? (plant(base.ims, SITE_MARKER) as typeof base.ims) : undefined;
  return { portfolio: { ...base, title: `${base.title ?? ''} ${SITE_MARKER}`, ...(ims ? { ims } : {}), parts, relations, files: [...files.values()] }, markers, fileMarkers };
}

/**
 * Every output file of one view as searchable text (zip entries expanded, binary as latin1);
 * a protected view's files are decrypted first, and its published (encrypted) files added too.
 */
function viewTexts(site: Map<string, Uint8Array>, plan: { folder: string; access: string; passphrase?: string }): Map<string, string> {
  const out = new Map<string, string>();
  const own = folderOf(site, plan.folder);
  const files = plan.access === 'protected' ? new Map([...own, ...[...decryptView(own, plan.passphrase!)].map(([p, b]) => [`decrypted:${p}`, b] as const)]) : own;
  for (const [path, bytes] of files) {
    out.set(path, Buffer.from(bytes).toString('latin1') + '\n' + Buffer.from(bytes).toString('utf8'));
    if (path.endsWith('.zip')) {
      for (const e of new AdmZip(Buffer.from(bytes)).getEntries()) {
        const data = e.getData();
        out.set(`${path}!/${e.entryName}`, `${e.entryName}\n${data.toString('latin1')}\n${data.toString('utf8')}`);
      }
    }
  }
  return out;
}

async function checkNoLeak(portfolio: Portfolio, markers: Map<string, string>, fileMarkers: Map<string, string[]>, config: SiteConfig, options: { shownOnlyIfTitled?: boolean } = {}): Promise<void> {
  const plans = planViews(portfolio, config).value;
  // Rendering alone, as build.ts does it: the XSL views' documents come from the pipeline.
  const site = await renderSite(plans, { processImage, kdfIterations, xslInputs: xslInputs() });
  for (const plan of plans) {
    const selected = new Set(plan.parts.map((p) => p.id));
    const texts = viewTexts(site.value, plan);
    if (plan.access === 'protected') {
      // In clear, a protected view shows no marker at all, selected or not.
      for (const [path, text] of texts) if (!path.startsWith('decrypted:')) expect(/QX(MARK|FILE)\d{3}Z/.test(text), `protected ${plan.id} shows ${path} in clear`).toBe(false);
    }
    const all = [...texts.values()].join('\n');
    for (const [id, marker] of markers) {
      if (selected.has(id)) continue;
      const hit = [...texts].find(([, t]) => t.includes(marker));
      expect(hit?.[0], `view ${plan.id} leaks part ${id} (${marker})`).toBeUndefined();
    }
    for (const [marker, users] of fileMarkers) {
      if (users.some((u) => selected.has(u))) continue;
      const hit = [...texts].find(([, t]) => t.includes(marker));
      expect(hit?.[0], `view ${plan.id} publishes a file of ${users.join(', ')} (${marker})`).toBeUndefined();
    }
    for (const [marker, users] of fileMarkers) {
      expect(all.includes(`${marker}-exif`), `view ${plan.id} publishes EXIF of a file of ${users.join(', ')}`).toBe(false);
    }
    expect(all.includes(SITE_MARKER), `view ${plan.id} shows the portfolio's own title or metadata`).toBe(false);
    for (const part of plan.parts) {
      // A generated part may have no text at all to carry its marker; its title, when it has one, is shown.
      if (options.shownOnlyIfTitled && !part.title) continue;
      const marker = markers.get(part.id)!;
      // A selected part's own texts are shown: its marker reaches the pages.
      expect(all.includes(marker), `view ${plan.id} does not show part ${part.id}`).toBe(true);
    }
  }
  // The site root and the theme carry no part content, and name no unlisted or protected view.
  for (const [path, bytes] of site.value) {
    if (plans.some((p) => path.startsWith(`${p.folder}/`))) continue;
    const text = Buffer.from(bytes).toString('utf8');
    for (const marker of [SITE_MARKER, ...markers.values(), ...fileMarkers.keys()]) expect(text.includes(marker), `${path} shows ${marker}`).toBe(false);
    for (const p of plans) if (p.access !== 'public') expect(text.includes(p.folder) || (p.title.length > 8 && text.includes(p.title)), `${path} names ${p.id}`).toBe(false);
  }
  // No view's pages name another view's hidden folder.
  for (const p of plans.filter((x) => x.access !== 'public')) {
    for (const [path, bytes] of site.value) {
      if (!path.startsWith(`${p.folder}/`)) expect(Buffer.from(bytes).toString('latin1').includes(p.folder), `${path} names ${p.id}'s folder`).toBe(false);
    }
  }
}

/** A random select entry of a view: one part by id, one with related parts, or one kind. */
function arbSelector(portfolio: Portfolio) {
  const ids = portfolio.parts.map((p) => p.id);
  const kinds = [...new Set(portfolio.parts.map((p) => p.kind))];
  return fc.oneof(
    fc.constantFrom(...ids).map((id) => ({ id })),
    fc.constantFrom(...ids).chain((id) => fc.subarray(['evidence', 'reflections', 'assertions', 'parts'] as const, { minLength: 1 }).map((w) => ({ id, with: [...w] }))),
    fc.constantFrom(...kinds).map((kind) => ({ kind })),
  );
}

describe('no leaks between views', () => {
  it('holds for the views of the example (public, unlisted, protected, XSL), with every field and file marked', async () => {
    const { portfolio, markers, fileMarkers } = await markedPortfolio();
    const config = (await readSiteConfig(content)).value;
    expect(config.views.map((v) => v.access)).toEqual(['public', 'public', 'public', 'unlisted', 'protected', 'public', 'public', 'public']);
    await checkNoLeak(portfolio, markers, fileMarkers, config);
  }, 120_000);

  it.each(seeds)('holds for random selections (property, seed %i)', async (seed) => {
    const { portfolio, markers, fileMarkers } = await markedPortfolio();
    const selector = arbSelector(portfolio);
    const access = fc.constantFrom('public', 'unlisted', 'protected');
    const view = (i: number) => fc.record({ select: fc.array(selector, { minLength: 1, maxLength: 4 }), package: fc.boolean(), access }).map((v) => ({ id: `v${i}`, lang: 'en', ...v }) as ViewConfig);
    await checkProperty(
      seed,
      fc.asyncProperty(fc.tuple(view(1), view(2)), async (views) => {
        await checkNoLeak(portfolio, markers, fileMarkers, { views, file: `${content}/vitrine.config.yaml` });
      }),
      { numRuns: Number(process.env.VITRINE_LEAK_RUNS ?? 12) },
      thisFile,
    );
  }, 300_000);

  it.each(seeds)('holds for generated portfolios and random selections and access levels (property, seed %i)', async (seed) => {
    const access = fc.constantFrom('public', 'unlisted', 'protected');
    await checkProperty(
      seed,
      fc.asyncProperty(
        arbPortfolio.chain((portfolio) => {
          const selector = arbSelector(portfolio);
          const view = (i: number) => fc.record({ select: fc.array(selector, { minLength: 1, maxLength: 3 }), package: fc.boolean(), access }).map((v) => ({ id: `g${i}`, lang: 'en', ...v }) as ViewConfig);
          return fc.tuple(fc.constant(portfolio), fc.tuple(view(1), view(2)));
        }),
        async ([base, views]) => {
          const { portfolio, markers, fileMarkers } = await markPortfolio(base);
          await checkNoLeak(portfolio, markers, fileMarkers, { views, file: `${content}/vitrine.config.yaml` }, { shownOnlyIfTitled: true });
        },
      ),
      { numRuns: Number(process.env.VITRINE_LEAK_RUNS ?? 8) },
      thisFile,
    );
  }, 300_000);
});
