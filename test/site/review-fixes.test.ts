/** Regression tests for problems found in review: script URLs, inline image metadata, zip order. */
import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import sharp from 'sharp';
import { readPortfolio, generatePackage } from '../../src/index.ts';
import { zipFiles } from '../../src/write/index.ts';
import { planViews } from '../../src/views/index.ts';
import { renderSite } from '../../src/render/render-site.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lipFile, productSegment, writePackageFolder } from '../bad-input/make-package.ts';

const ident = (web: string) =>
  `<identification><contentype><referential><indexid>me</indexid></referential></contentype><formname><text>Ada</text></formname><contactinfo><web>${web}</web></contactinfo><contactinfo><email>javascript:alert(2)</email></contactinfo></identification>`;

describe('review fixes', () => {
  it('never links a javascript: address from a contact field', async () => {
    const r = await readPortfolio(writePackageFolder({ 'me.xml': lipFile(ident('javascript:alert(document.domain)')) }));
    const site = await renderSite(planViews(r.value!, { views: [] }).value);
    for (const [path, bytes] of site.value) {
      if (!path.endsWith('.html')) continue;
      const html = new TextDecoder().decode(bytes);
      expect(html, path).not.toMatch(/href="\s*javascript:/i);
      expect(html, path).not.toMatch(/href="mailto:javascript:/i);
    }
    const page = new TextDecoder().decode(site.value.get('preview/me/index.html'));
    expect(page).toContain('javascript:alert(document.domain)'); // shown as text, not lost
  });

  it('strips metadata from inline (Base-64) images in a view package too', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .withExif({ IFD0: { Artist: 'SECRET-ARTIST-NAME', ImageDescription: 'GPS-SECRET-HOME' } })
      .jpeg()
      .toBuffer();
    expect(jpeg.includes('SECRET-ARTIST-NAME')).toBe(true);
    const media = `<media mediamode="Image" mimetype="image/jpeg">${jpeg.toString('base64')}</media>`;
    const r = await readPortfolio(writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'Photo', media)) }));
    const plans = planViews(r.value!, { views: [{ id: 'v', access: 'public', select: [{ id: 'p1' }], package: true }] }).value;
    const site = await renderSite(plans, { processImage: createImageProcessor(mkdtempSync(join(tmpdir(), 'vitrine-rf-'))) });
    const zip = new AdmZip(Buffer.from(site.value.get('v/package.zip')!));
    const all = zip.getEntries().map((e) => e.getData().toString('latin1')).join('\n');
    const decoded = [...all.matchAll(/<media[^>]*>([A-Za-z0-9+/=\s]+)<\/media>/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('latin1'));
    expect(decoded.length).toBe(1);
    expect(decoded[0]!.startsWith('\xff\xd8')).toBe(true);
    for (const text of [all, ...decoded]) {
      expect(text).not.toContain('SECRET-ARTIST-NAME');
      expect(text).not.toContain('GPS-SECRET-HOME');
    }
  });

  it('writes the manifest first and orders entries by code units, whatever the locale', async () => {
    const r = await readPortfolio(writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x')), 'ä.txt': 'a', 'z.txt': 'z' }));
    const names = new AdmZip(Buffer.from(zipFiles(generatePackage(r.value!)))).getEntries().map((e) => e.entryName);
    expect(names[0]).toBe('imsmanifest.xml');
    const rest = names.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(rest.indexOf('z.txt')).toBeLessThan(rest.indexOf('ä.txt'));
  });
});
