/**
 * Themes on the example: the three bundled themes and the example theme folder (with a font
 * and its own CSS) build content/; a theme installed as an npm package is used by name, found
 * from the config's folder and never from Vitrine's own install; every theme keeps the owner's
 * name as the h1 with the headline beside it, the portrait, captions, the select order and
 * hides the tags that chose parts; a missing asset and a broken template are reported at their
 * line; each page stays under the 30 KB gzip budget.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/env.ts';
import { buildTo, listFiles, page, resolveLink } from './site-helpers.ts';

const content = join(repoRoot, 'content');
let out: string;
let files: string[];
let diagnostics: { code: string; message: string; location?: { file?: string; line?: number; column?: number } }[];

/** The stylesheets a page links, in order, as site paths. */
function sheets(path: string): string[] {
  return page(out, path).querySelectorAll('link[rel="stylesheet"]').map((l) => resolveLink(path, l.getAttribute('href')!));
}

beforeAll(async () => {
  const built = await buildTo(content);
  expect(built.result.value.written, built.result.diagnostics.map((d) => d.message).join('\n')).toBe(true);
  out = built.out;
  files = listFiles(out);
  diagnostics = built.result.diagnostics as typeof diagnostics;
}, 120_000);

describe('the example with every theme', () => {
  it('links each theme stylesheet after the base one, and publishes what it uses', () => {
    expect(sheets('work/index.html').slice(0, 2)).toEqual(['theme/vitrine.css', 'theme/studio/style.css']);
    const cv = sheets('cv/index.html');
    expect(cv.slice(0, 2)).toEqual(['theme/vitrine.css', 'theme/resume/style.css']);
    // The config's accent becomes a settings stylesheet, linked after the theme's.
    const settings = cv.find((s) => /^theme\/settings-[0-9a-f]{10}\.css$/.test(s));
    expect(readFileSync(join(out, settings!), 'utf8')).toContain('--accent: #0b4f6c');
    expect(sheets('studio-nord/index.html').filter((s) => !s.includes('profile-'))).toEqual(['theme/vitrine.css']);
    for (const path of files.filter((f) => f.endsWith('.html') && !f.includes('/files/'))) {
      for (const s of sheets(path)) expect(files, `${path} links ${s}`).toContain(s);
    }
    expect(page(out, 'work/index.html').querySelector('body')!.getAttribute('class')).toBe('theme-studio layout-masonry density-normal');
  });

  it('publishes a theme folder with its font and own CSS; its url()s and template references resolve', () => {
    const own = sheets('ecole-design/index.html').find((s) => /^theme\/dir-example-theme-[0-9a-f]{6}\/style\.css$/.test(s))!;
    expect(own).toBeTruthy();
    const folder = own.replace(/style\.css$/, '');
    const css = readFileSync(join(out, own), 'utf8');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const u of urls) expect(files).toContain(folder + u);
    expect(readFileSync(join(out, folder, 'assets/fonts/space-grotesk-latin-700-normal.woff2')).subarray(0, 4).toString()).toBe('wOF2');
    const mark = page(out, 'ecole-design/index.html').querySelector('.atelier-mark')!.getAttribute('src')!;
    expect(files).toContain(resolveLink('ecole-design/index.html', mark));
    expect(diagnostics.filter((d) => d.code === 'ThemeAssetMissing')).toEqual([]);
  });

  it('every theme: the name is the h1, the headline beside it, the portrait on the front page', () => {
    for (const view of ['studio-nord', 'work', 'cv', 'ecole-design']) {
      const doc = page(out, `${view}/index.html`);
      const h1 = doc.querySelectorAll('h1');
      expect(h1.map((h) => h.text.trim()), view).toEqual(['Léa Moreau-Lindqvist']);
      const headline = h1[0]!.parentNode!.querySelector('.headline, .studio-headline, .cv-headline');
      expect(headline?.text.trim(), view).toBe('Typographer and design teacher, Lyon');
      const portrait = doc.querySelector('picture img[alt^="Illustrated portrait of Léa"]');
      expect(portrait, view).toBeTruthy();
      expect(files).toContain(resolveLink(`${view}/index.html`, portrait!.getAttribute('src')!));
    }
    // A view without the identification names no one: its h1 is its title.
    const assessment = page(out, 'accessibility-assessment/index.html');
    expect(assessment.querySelector('h1')!.text.trim()).toBe('Accessible design — evidence for assessment');
    expect(assessment.querySelector('.hero')!.text).not.toContain('Moreau-Lindqvist');
    expect(assessment.querySelectorAll('.portrait, .contact')).toHaveLength(0);
  });

  it('the profile page shows the portrait as a portrait, not as a full-width download', () => {
    const doc = page(out, 'studio-nord/identification-lea/index.html');
    expect(doc.querySelector('.portrait-figure img')).toBeTruthy();
    expect(doc.querySelector('.portrait-figure figcaption')!.text).toContain('Self-portrait');
    expect(doc.querySelectorAll('.media--image')).toHaveLength(0);
  });

  it('renders caption: under the image, on the part page and in the studio grid', () => {
    const caption = 'Screen print in three colours, 120 × 80 cm, edition of 40.';
    expect(page(out, 'studio-nord/product-poster-nord/index.html').querySelector('.media--image figcaption .caption')!.text).toBe(caption);
    expect(page(out, 'work/index.html').querySelector('#work-product-poster-nord .work-caption')!.text).toBe(caption);
  });

  it('studio: the work first, each image opening in a lightbox that needs no JavaScript', () => {
    const doc = page(out, 'work/index.html');
    const main = doc.querySelector('main')!;
    expect(main.querySelector('section')!.getAttribute('class')).toBe('works-section');
    const zooms = main.querySelectorAll('a.work-zoom').map((a) => a.getAttribute('href')!);
    expect(zooms.length).toBeGreaterThanOrEqual(2);
    for (const z of zooms) {
      const box = doc.querySelector(z)!;
      expect(box.getAttribute('class')).toBe('lightbox');
      expect(box.querySelector('a.lightbox-close')!.getAttribute('href')).toMatch(/^#work-/);
    }
    // The only script is the display settings (JSON-LD blocks are data, not scripts that run).
    expect(doc.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json').map((s) => s.getAttribute('src'))).toEqual(['../theme/preferences.js']);
  });

  it('résumé: person first, then experience, projects with their evidence, skills, education', () => {
    const doc = page(out, 'cv/index.html');
    const order = doc.querySelectorAll('main h2').map((h) => h.text.trim());
    expect(order).toEqual(['Profile', 'Experience', 'Projects', 'Skills', 'Education']);
    const poster = doc.querySelectorAll('.cv-projects .cv-entry').find((e) => e.text.includes('“Nord”, typographic poster'))!;
    expect(poster.querySelector('.cv-links')!.text).toContain('Typography and typesetting');
    expect(doc.querySelector('.cv-contact')!.text).toContain('lea@moreau-lindqvist.example');
  });

  it('orders within an entry newest first (sort: date), across entries as select lists them', () => {
    const years = page(out, 'cv/index.html').querySelectorAll('.cv-projects .cv-when time').map((t) => Number(t.getAttribute('datetime')!.slice(0, 4)));
    expect(years.length).toBeGreaterThan(3);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('stays under 30 KB gzip of HTML, CSS and JavaScript on every page', () => {
    const budget = 30 * 1024;
    let worst = { path: '', bytes: 0 };
    let search = { path: '', bytes: 0 };
    for (const path of files.filter((f) => f.endsWith('.html') && !f.includes('/files/'))) {
      const doc = page(out, path);
      const loaded = [path, ...sheets(path), ...doc.querySelectorAll('script[src]').map((s) => resolveLink(path, s.getAttribute('src')!))];
      const bytes = loaded.reduce((n, f) => n + gzipSync(readFileSync(join(out, f))).length, 0);
      // A view's search page loads Pagefind's own interface, 31 KB gzip by itself: it is
      // measured and reported on its own line (a known miss of the budget, docs/themes.md).
      if (/\/search\/index\.html$/.test(path)) {
        if (bytes > search.bytes) search = { path, bytes };
      } else if (bytes > worst.bytes) worst = { path, bytes };
    }
    console.log(`heaviest page: ${worst.path}, ${(worst.bytes / 1024).toFixed(1)} KB gzip of HTML+CSS+JS`);
    console.log(`heaviest search page: ${search.path}, ${(search.bytes / 1024).toFixed(1)} KB gzip of HTML+CSS+JS (over the 30 KB budget: Pagefind's interface)`);
    expect(worst.bytes).toBeLessThan(budget);
    expect(search.bytes).toBeLessThan(48 * 1024);
  });
});

describe('themes from a package, and mistakes in themes', () => {
  it('uses a theme installed as an npm package by name, found from the config folder upward', async () => {
    const config = join(repoRoot, 'test', 'fixtures', 'theme-configs', 'package-theme.config.yaml');
    const { out: site, result } = await buildTo(content, { config });
    expect(result.value.written, result.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    const doc = page(site, 'by-package/index.html');
    expect(doc.querySelector('[data-theme-package="vitrine-theme-fixture"]')!.text).toContain('Built with the fixture theme package.');
    const linked = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => resolveLink('by-package/index.html', l.getAttribute('href')!));
    // The package extends studio: studio's stylesheet, then the package's.
    expect(linked.slice(0, 3)).toEqual(['theme/vitrine.css', 'theme/studio/style.css', 'theme/pkg-vitrine-theme-fixture/style.css']);
    expect(listFiles(site)).toContain('theme/pkg-vitrine-theme-fixture/assets/stripes.svg');
    // Its theme.json chose the grid; studio's templates still render the work.
    expect(doc.querySelector('ul.works')!.getAttribute('class')).toBe('works works--grid');
  }, 60_000);

  it('never finds a theme package from Vitrine\'s own install: ThemeNotFound, and the default theme renders the view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
    const config = join(dir, 'vitrine.config.yaml');
    writeFileSync(config, 'views:\n  - id: v\n    theme: fixture\n    select: [{kind: identification}]\n');
    const { result } = await buildTo(content, { config });
    const d = result.diagnostics.find((x) => x.code === 'ThemeNotFound')!;
    expect(d.message).toContain('vitrine-theme-fixture');
    expect(d.location).toMatchObject({ file: config, line: 3, column: 12 });
    expect(d.severity).toBe('warning');
    expect(result.value.written).toBe(true);
    const { out: site } = await buildTo(content, { config });
    expect(page(site, 'v/index.html').querySelector('body')!.getAttribute('class')).toBe('theme-editorial layout-grid density-normal');
  }, 60_000);

  it('warns at the template\'s line for a referenced asset that does not exist, and at style.css\'s for a url()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
    const theme = join(dir, 'my-theme');
    mkdirSync(join(theme, 'templates', 'layouts'), { recursive: true });
    mkdirSync(join(theme, 'assets'), { recursive: true });
    writeFileSync(join(theme, 'assets', 'here.woff2'), 'wOF2');
    const base = readFileSync(join(repoRoot, 'templates', 'layouts', 'base.njk'), 'utf8');
    const layout = base.replace('{% block head %}{% endblock %}', '{% block head %}\n<link rel="stylesheet" href="{{ root }}theme/extra.css">\n<link rel="preload" href="{{ themeDir }}assets/here.woff2" as="font">{% endblock %}');
    writeFileSync(join(theme, 'templates', 'layouts', 'base.njk'), layout);
    writeFileSync(join(theme, 'style.css'), '@font-face { font-family: X; src: url(assets/here.woff2); }\n\n@font-face { font-family: Y; src: url("assets/gone.woff2"); }\n');
    const config = join(dir, 'vitrine.config.yaml');
    writeFileSync(config, 'views:\n  - id: v\n    theme: ./my-theme\n    select: [{kind: identification}]\n');
    const { result, out: site } = await buildTo(content, { config });
    expect(result.value.written).toBe(true);
    const missing = result.diagnostics.filter((d) => d.code === 'ThemeAssetMissing');
    const line = layout.split('\n').findIndex((l) => l.includes('theme/extra.css')) + 1;
    expect(missing.map((d) => `${d.location!.file}:${d.location!.line}`).sort()).toEqual([`${join(theme, 'style.css')}:3`, `${join(theme, 'templates', 'layouts', 'base.njk')}:${line}`].sort());
    expect(missing.every((d) => d.severity === 'warning')).toBe(true);
    expect(listFiles(site).filter((f) => f.startsWith('theme/dir-my-theme-'))).toHaveLength(2);
  }, 60_000);

  it('reports a broken template at its line (TemplateInvalid), and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
    mkdirSync(join(dir, 't', 'templates', 'partials'), { recursive: true });
    const hero = join(dir, 't', 'templates', 'partials', 'hero.njk');
    writeFileSync(hero, '{# an override #}\n<header>\n<h1>{{ view.person.name | shout }}</h1>\n</header>\n');
    const config = join(dir, 'vitrine.config.yaml');
    writeFileSync(config, 'views:\n  - id: v\n    theme: t\n    select: [{kind: identification}]\n');
    const first = await buildTo(content, { config });
    expect(first.result.diagnostics.find((d) => d.code === 'TemplateInvalid')!.location).toMatchObject({ file: hero, line: 3 });
    writeFileSync(hero, '{# an override #}\n<header>\n<p>ok</p>\n{% if %}<h1>x</h1>{% endif %}\n</header>\n');
    const second = await buildTo(content, { config });
    expect(second.result.diagnostics.find((d) => d.code === 'TemplateInvalid')!.location).toMatchObject({ file: hero, line: 4 });
    writeFileSync(hero, '{# an override #}\n<header>\n<h1>{{ view.nothing.here() }}</h1>\n</header>\n');
    const third = await buildTo(content, { config });
    expect(third.result.diagnostics.find((d) => d.code === 'TemplateInvalid')!.location).toMatchObject({ file: hero, line: 3 });
    expect(third.result.value.written).toBe(false);
  }, 90_000);

  it('hides the tags that chose the parts, and those of tags: { hide }, and shows the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
    const config = join(dir, 'vitrine.config.yaml');
    writeFileSync(config, 'views:\n  - id: chosen\n    select: [{tag: shortlist}]\n  - id: hidden\n    tags: { hide: [PRINT] }\n    select: [{tag: shortlist}]\n  - id: all\n    select: [{id: product_poster_nord}]\n');
    const { result, out: site } = await buildTo(content, { config });
    expect(result.value.written).toBe(true);
    const tags = (view: string) => page(site, `${view}/product-poster-nord/index.html`).querySelectorAll('.tags li').map((li) => li.text);
    expect(tags('all')).toEqual(['print', 'shortlist']);
    expect(tags('chosen')).toEqual(['print']);
    expect(tags('hidden')).toEqual([]);
  }, 60_000);

  it('warns when theme settings make text too pale to read (ThemeContrastLow), at the theme in the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
    const config = join(dir, 'vitrine.config.yaml');
    writeFileSync(config, 'views:\n  - id: v\n    theme:\n      use: studio\n      settings: { accent: "#9fb4ff", font: serif, density: compact }\n    select: [{kind: identification}]\n');
    const { result, out: site } = await buildTo(content, { config });
    const low = result.diagnostics.filter((d) => d.code === 'ThemeContrastLow');
    expect(low.map((d) => d.message).join('\n')).toContain('links (#9fb4ff on #fbfaf7)');
    expect(low[0]!.location).toMatchObject({ file: config, line: 4 });
    const css = listFiles(site).find((f) => /^theme\/settings-/.test(f))!;
    expect(readFileSync(join(site, css), 'utf8')).toMatch(/--density: 0\.75.*|--font-text: "Iowan/s);
  }, 60_000);
});
