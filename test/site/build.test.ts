/** The example portfolio builds into the site its three views promise, queried as HTML. */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTo, listFiles, page, resolveLink } from './site-helpers.ts';
import { readPortfolio } from '../../src/index.ts';
import { planViews, readSiteConfig } from '../../src/views/index.ts';

const content = resolve(import.meta.dirname, '../../content');
let out = '';
let files: string[] = [];
let secrets = '';
/** Folders of the built views by id (unlisted and protected ones are tokens). */
let folders = new Map<string, string>();

beforeAll(async () => {
  const built = await buildTo(content);
  secrets = built.secrets;
  folders = new Map(built.result.value.views.map((v) => [v.id, v.folder]));
  expect(built.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(built.result.value.written).toBe(true);
  out = built.out;
  files = listFiles(out);
}, 120_000);

describe('the example site', () => {
  it('has a chooser at the root listing the public views, and theme files without content', () => {
    const root = page(out, 'index.html');
    const hrefs = root.querySelectorAll('a').map((a) => a.getAttribute('href'));
    for (const v of ['studio-nord', 'ecole-design', 'accessibility-assessment', 'work', 'cv']) expect(hrefs).toContain(`${v}/index.html`);
    // Theme folders hold the themes' stylesheets and assets (fonts, images), never content.
    const themed = files.filter((f) => /^theme\/[^/]+\//.test(f));
    expect(themed.filter((f) => !/\.(css|woff2|svg|txt)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^theme\/settings-[0-9a-f]{10}\.css$/.test(f)).length).toBeGreaterThan(0);
    const top = files.filter((f) => !f.includes('/') || (f.startsWith('theme/') && !themed.includes(f) && !/^theme\/settings-/.test(f)));
    // The theme, the reader's display settings script, and one stylesheet per audience profile.
    const profiles = top.filter((f) => /^theme\/profile-[a-z0-9-_]+\.[0-9a-f]{10}\.css$/.test(f));
    expect(profiles.map((f) => f.split('.')[0]).sort()).toEqual(['theme/profile-captions-transcripts', 'theme/profile-high-contrast-dark', 'theme/profile-large-print']);
    expect(top.filter((f) => !profiles.includes(f)).sort()).toEqual(['.vitrine-site', 'index.html', 'robots.txt', 'theme/preferences.js', 'theme/vitrine.css']);
  });

  it('gives every selected part a page with its title, in the view language', async () => {
    const portfolio = (await readPortfolio(content)).value!;
    const plans = planViews(portfolio, (await readSiteConfig(content)).value).value;
    expect(plans.map((p) => p.id)).toEqual(['studio-nord', 'ecole-design', 'accessibility-assessment', 'recruiter-link', 'assessor-private', 'xsl-overview', 'work', 'cv']);
    // A protected view's pages are encrypted: test/access checks them once decrypted.
    for (const plan of plans.filter((p) => p.access !== 'protected').map((p) => ({ ...p, folder: folders.get(p.id)! }))) {
      const index = page(out, `${plan.folder}/index.html`);
      expect(index.querySelector('html')?.getAttribute('lang')).toBe(plan.lang);
      for (const part of plan.parts) {
        const path = `${plan.folder}/${part.slug}/index.html`;
        expect(files, path).toContain(path);
        const doc = page(out, path);
        expect(doc.querySelector('html')?.getAttribute('lang')).toBe(plan.lang);
        expect(doc.querySelector('h1')?.text.trim().length).toBeGreaterThan(0);
        expect(doc.querySelector('main')).not.toBeNull();
      }
      // No page for a part the view did not select.
      const pages = files.filter((f) => f.startsWith(`${plan.folder}/`) && f.endsWith('/index.html') && f !== `${plan.folder}/index.html` && f !== `${plan.folder}/search/index.html`);
      expect(pages.length).toBe(plan.parts.length);
    }
  });

  it('shows relations both ways, inside the view only', () => {
    const poster = page(out, 'studio-nord/product-poster-nord/index.html');
    const links = poster.querySelectorAll('a').map((a) => resolveLink('studio-nord/product-poster-nord/index.html', a.getAttribute('href') ?? ''));
    expect(links).toContain('studio-nord/competency-typography/index.html');
    expect(links).toContain('studio-nord/assertion-tutor-poster/index.html');
    const competency = page(out, 'studio-nord/competency-typography/index.html');
    const back = competency.querySelectorAll('a').map((a) => resolveLink('studio-nord/competency-typography/index.html', a.getAttribute('href') ?? ''));
    expect(back).toContain('studio-nord/product-poster-nord/index.html');
  });

  it('has no link that leaves its view or points at a missing file', () => {
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const view = f.split('/')[0]!;
      for (const el of page(out, f).querySelectorAll('a[href], img[src], link[href], script[src], source[srcset], track[src], audio[src], video[src]')) {
        const refs = [el.getAttribute('href'), el.getAttribute('src'), ...(el.getAttribute('srcset')?.split(',').map((s) => s.trim().split(' ')[0]) ?? [])].filter(
          (x): x is string => !!x && !/^(https?:|mailto:|tel:|#)/.test(x),
        );
        for (const ref of refs) {
          const target = resolveLink(f, ref);
          expect(existsSync(join(out, target)), `${f} → ${ref}`).toBe(true);
          // Outside its own folder a view reaches only the site-wide theme files (themes, profiles, settings).
          if (f !== 'index.html') expect(target === `theme/vitrine.css` || target === 'theme/preferences.js' || /^theme\/(profile|settings)-[^/]+\.css$/.test(target) || /^theme\/(studio|resume|dir-[a-z0-9-]+|pkg-[a-z0-9-]+)\/[^?#]+$/.test(target) || target.startsWith(`${view}/`), `${f} → ${ref}`).toBe(true);
          expect(ref.endsWith('/'), `${f} links a folder: ${ref}`).toBe(false);
        }
      }
    }
  });

  it('formats dates in the view language', () => {
    const en = page(out, 'studio-nord/product-poster-nord/index.html').querySelector('time')!;
    const fr = page(out, 'ecole-design/activity-editorial-studio/index.html').querySelector('time')!;
    expect(en.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}/);
    expect(en.text).toMatch(/[A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(fr.text).toMatch(/\d{1,2} [a-zéû]+ \d{4}/);
  });

  it('publishes images as stripped, sized variants with width and height', () => {
    const img = page(out, 'studio-nord/product-poster-nord/index.html').querySelector('main img')!;
    expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
    expect(files.some((f) => f.startsWith('studio-nord/images/') && f.endsWith('.webp'))).toBe(true);
    // The logo carries EXIF (Artist) in content/: no published byte may carry it.
    for (const f of files.filter((x) => /\.(jpe?g|webp|png)$/.test(x))) {
      expect(readFileSync(join(out, f)).includes('Moreau-Lindqvist'), f).toBe(false);
    }
  });

  it('embeds audio with its captions track and links the transcript and PDF with type and size', () => {
    const talk = page(out, 'ecole-design/product-talk-lire/index.html');
    const audio = talk.querySelector('audio')!;
    expect(audio).not.toBeNull();
    const track = audio.querySelector('track')!;
    expect(track.getAttribute('kind')).toBe('captions');
    expect(track.getAttribute('src')).toMatch(/\.vtt$/);
    expect(track.hasAttribute('default')).toBe(true);
    expect(talk.querySelectorAll('a').some((a) => /transcript\.txt$/.test(a.getAttribute('href') ?? ''))).toBe(true);
    const assess = listFiles(out).filter((f) => f.startsWith('accessibility-assessment/'));
    expect(assess).toContain('accessibility-assessment/package.zip');
    const brand = page(out, 'studio-nord/product-brand-sauvage/index.html');
    const pdf = brand.querySelectorAll('a').find((a) => (a.getAttribute('href') ?? '').endsWith('.pdf'));
    expect(pdf).toBeDefined();
    expect(brand.text).toMatch(/application\/pdf|PDF/);
  });

  it('offers HTML attachments as downloads, so their scripts never run as a page of the site', () => {
    const link = page(out, 'accessibility-assessment/product-case-study-tisserands/index.html')
      .querySelectorAll('a')
      .find((a) => (a.getAttribute('href') ?? '').endsWith('.html') && a.getAttribute('href')!.includes('files/'));
    expect(link).toBeDefined();
    expect(link!.hasAttribute('download')).toBe(true);
  });

  it('is deterministic: the same input gives the same bytes, apart from ciphertext', async () => {
    // The same secrets file: unlisted and protected views keep their folders.
    const again = await buildTo(content, { secrets });
    const second = listFiles(again.out);
    const sealed = `${folders.get('assessor-private')}/`;
    const clear = (list: string[]) => list.filter((f) => !f.startsWith(sealed));
    expect(clear(second)).toEqual(clear(files));
    for (const f of clear(files)) expect(readFileSync(join(again.out, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    // The protected view: the same entry script, fresh salt and chunks.
    expect(readFileSync(join(again.out, sealed, 'unlock.js')).equals(readFileSync(join(out, sealed, 'unlock.js')))).toBe(true);
    expect(readFileSync(join(again.out, sealed, 'index.html')).equals(readFileSync(join(out, sealed, 'index.html')))).toBe(false);
  }, 120_000);
});
