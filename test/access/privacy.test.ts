/**
 * What each view exposes, before publishing (`vitrine check --privacy`), and image metadata:
 * gone from every view of a site (pages, packages, protected views once decrypted), kept in the
 * owner's own `vitrine pack` unless `--strip-metadata`. The GPS photo is one made here with sharp
 * (GPS position, camera, ICC profile) and, where ../shared is there, the iPhone JPEG of the
 * Mahara 1.3 sample.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import sharp from 'sharp';
import { runCli } from '../support/cli.ts';
import { hasShared, needs, sharedPath, skipNote } from '../support/env.ts';
import { buildTo, listFiles } from '../site/site-helpers.ts';
import { decryptView } from './decrypt.ts';
import type { ViewPrivacy } from '../../src/views/privacy-report.ts';

const repo = resolve(import.meta.dirname, '../..');
const content = join(repo, 'content');

const run = (args: string[]) => runCli(args);

describe('vitrine check --privacy', () => {
  it('lists per view the personal data and external links it exposes, and nothing of other views', async () => {
    const json = await run(['check', content, '--privacy', '--json']);
    expect(json.code).toBe(0);
    const views = json.out.split('\n').filter((l) => l.startsWith('{"privacy"')).map((l) => (JSON.parse(l) as { privacy: ViewPrivacy }).privacy);
    expect(views.map((v) => v.view)).toEqual(['studio-nord', 'ecole-design', 'accessibility-assessment', 'recruiter-link', 'assessor-private', 'xsl-overview']);
    const by = new Map(views.map((v) => [v.view, v]));
    const kinds = (id: string) => new Set(by.get(id)!.personalData.map((d) => d.kind));
    // The studio view selects the identification: e-mail, phone, address, birth date, identifiers.
    for (const k of ['email', 'phone', 'address', 'birth-date', 'identifier'] as const) expect(kinds('studio-nord').has(k), k).toBe(true);
    expect(by.get('studio-nord')!.personalData.find((d) => d.kind === 'email')).toMatchObject({ value: 'lea@moreau-lindqvist.example', partId: 'identification_lea' });
    // The assessment views do not select it: none of it is listed.
    expect(by.get('accessibility-assessment')!.personalData).toEqual([]);
    expect(by.get('assessor-private')!.personalData.some((d) => d.partId === 'identification_lea')).toBe(false);
    // Links: the WCAG reference belongs to competency_accessibility, which the studio view leaves out.
    expect(by.get('accessibility-assessment')!.links).toContainEqual({ url: 'https://www.w3.org/TR/WCAG22/', partId: 'competency_accessibility' });
    expect(by.get('studio-nord')!.links.some((l) => l.url.includes('WCAG'))).toBe(false);
    expect(by.get('studio-nord')!.links).toContainEqual({ url: 'https://moreau-lindqvist.example/', partId: 'identification_lea' });
    // Namespace names are not links; hidden views' folders are not shown by a check.
    for (const v of views) expect(v.links.some((l) => /imsglobal\.org\/(xsd|services)|XML\/1998/.test(l.url)), v.view).toBe(false);
    expect(by.get('recruiter-link')!.folder).not.toMatch(/[a-z2-7]{26}/);

    const text = await run(['check', content, '--privacy']);
    expect(text.out).toMatch(/^view studio-nord \(public, studio-nord\/\): 13 parts$/m);
    expect(text.out).toMatch(/^ {4}e-mail +lea@moreau-lindqvist\.example {2}\(identification_lea\)$/m);
    expect(text.out).toMatch(/view accessibility-assessment [^\n]*\n {2}personal data: none found/);
  }, 60_000);
});

const sample = ['samples', 'leap2a', 'mahara-1.3', '2010-10-16mahara1-3', '0-IMG_0883.JPG'];
const haveSample = needs('../shared Mahara sample JPEG', hasShared(...sample));

/** A JPEG of our own with what the real iPhone photo carries: a GPS position (EXIF IFD3), camera make and model, an ICC profile. */
let made: Promise<Uint8Array> | undefined;
function madeGpsPhoto(): Promise<Uint8Array> {
  made ??= makeGpsPhoto();
  return made;
}
async function makeGpsPhoto(): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#406080' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'VitrineCam', Model: 'Fixture One' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 4500/100', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 1200/100' } })
    .withIccProfile('p3')
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** The photos tried: ours on any clone, the real one where ../shared is there. */
const photos: [string, () => Promise<Uint8Array>][] = [
  ['a JPEG made with a GPS position', madeGpsPhoto],
  ...(haveSample ? [['the iPhone photo of the Mahara 1.3 sample', async () => new Uint8Array(readFileSync(sharedPath(...sample)))] as [string, () => Promise<Uint8Array>]] : []),
];
if (!haveSample) {
  describe.skip(`the GPS photo: the iPhone photo of the Mahara 1.3 sample${skipNote('../shared samples', haveSample)}`, () => {
    it('is published without metadata, and kept in the owner\'s own package', () => {});
  });
}

describe.each(photos)('the GPS photo: %s', (_name, photo) => {
  /** The example with the poster replaced by the photo (GPS position, camera, ICC profile). */
  async function exampleWithGpsPhoto(): Promise<string> {
    const dir = join(mkdtempSync(join(tmpdir(), 'vitrine-gps-')), 'portfolio');
    cpSync(content, dir, { recursive: true, filter: (src) => !src.includes('.vitrine-secrets') });
    writeFileSync(join(dir, 'files', 'poster-nord.jpg'), await photo());
    return dir;
  }
  const hasGps = async (bytes: Uint8Array) => {
    const meta = await sharp(Buffer.from(bytes)).metadata();
    return meta.exif !== undefined || Buffer.from(bytes).includes('iPhone');
  };

  it('is published without metadata in every view: pages, packages, the protected view once decrypted', async () => {
    const input = await exampleWithGpsPhoto();
    const built = await buildTo(input, { env: { VITRINE_ASSESSOR_PASSPHRASE: 'gps test' }, render: { kdfIterations: 1000 } });
    expect(built.result.value.written).toBe(true);
    const folder = (id: string) => built.result.value.views.find((v) => v.id === id)!.folder;
    const site = new Map(listFiles(built.out).map((f) => [f, readFileSync(join(built.out, f))]));
    const sealed = folder('assessor-private');
    const own = new Map([...site].filter(([p]) => p.startsWith(`${sealed}/`)).map(([p, b]) => [p.slice(sealed.length + 1), b]));
    const open = decryptView(own, 'gps test');
    const jpegs: [string, Uint8Array][] = [];
    for (const [p, b] of [...site, ...[...open].map(([p, b]) => [`decrypted:${p}`, b] as const)]) {
      if (p.endsWith('.zip')) for (const e of new AdmZip(Buffer.from(b)).getEntries()) if (/\.jpe?g$/i.test(e.entryName)) jpegs.push([`${p}!/${e.entryName}`, e.getData()]);
      if (/\.jpe?g$/i.test(p)) jpegs.push([p, b]);
    }
    // The poster is in studio-nord, the unlisted recruiter view, the protected view and its package.
    expect(jpegs.some(([p]) => p.startsWith(`decrypted:`) && p.includes('package.zip!/'))).toBe(true);
    expect(jpegs.some(([p]) => p.startsWith(`${folder('recruiter-link')}/`))).toBe(true);
    for (const [p, b] of jpegs) expect(await hasGps(b), p).toBe(false);
  }, 120_000);

  it('stays in the owner\'s own package unless --strip-metadata', async () => {
    const input = await exampleWithGpsPhoto();
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-gps-pack-'));
    const poster = (zip: string) => new AdmZip(zip).getEntries().find((e) => e.entryName.endsWith('poster-nord.jpg'))!.getData();
    expect((await run(['pack', input, '--format', 'ims', '--out', join(dir, 'kept.zip')])).code).toBe(0);
    const kept = poster(join(dir, 'kept.zip'));
    expect(kept.equals(Buffer.from(await photo()))).toBe(true);
    expect(await hasGps(kept)).toBe(true);
    expect((await run(['pack', input, '--format', 'ims', '--out', join(dir, 'stripped.zip'), '--strip-metadata'])).code).toBe(0);
    const stripped = poster(join(dir, 'stripped.zip'));
    expect(await hasGps(stripped)).toBe(false);
    const [a, b] = await Promise.all([sharp(kept).rotate().metadata(), sharp(stripped).metadata()]);
    expect(b.format).toBe('jpeg');
    expect(b.autoOrient?.width ?? b.width).toBe(a.autoOrient?.width ?? a.width);
  }, 120_000);
});
