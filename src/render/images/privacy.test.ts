// Published variants carry no metadata: no EXIF (so no GPS position or camera), XMP, IPTC,
// ICC profile or comments. Checked through sharp's metadata and in the raw bytes.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hasShared, needs, sharedPath, skipNote } from '../../../test/support/env.ts';
import { DiagnosticBag } from '../../diagnostics/index.ts';
import type { PortfolioFile } from '../../model/types.ts';
import { sha256Hex } from './naming.ts';
import { processImage } from './process.ts';
import type { ProcessedImage } from './types.ts';

function portfolioFile(path: string, bytes: Uint8Array, mediaType: string): PortfolioFile {
  return { path, mediaType, size: bytes.length, sha256: sha256Hex(bytes), bytes };
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

/**
 * The structure of an encoded image outside its compressed pixels: the names of its segments,
 * chunks or boxes, and their bytes. Short markers such as "GPS" turn up by chance inside
 * compressed pixel data (it happened in an AVIF here), so they are looked for only in `header`.
 */
function containerParts(bytes: Uint8Array): { names: string[]; header: Buffer } {
  const b = Buffer.from(bytes);
  const names: string[] = [];
  const header: Buffer[] = [];
  if (b[0] === 0xff && b[1] === 0xd8) {
    // JPEG (ITU T.81 B.1.1): marker segments up to the start of scan.
    for (let at = 2; at + 4 <= b.length; ) {
      const marker = b[at + 1]!;
      if (marker === 0xda) break;
      const len = b.readUInt16BE(at + 2);
      names.push(marker >= 0xe0 && marker <= 0xef ? `APP${marker - 0xe0}` : marker === 0xfe ? 'COM' : `FF${marker.toString(16)}`);
      header.push(b.subarray(at, at + 2 + len));
      at += 2 + len;
    }
  } else if (b.toString('latin1', 1, 4) === 'PNG') {
    // PNG (5.3): length, type, data, CRC; every chunk but the pixels' IDAT.
    for (let at = 8; at + 8 <= b.length; ) {
      const len = b.readUInt32BE(at);
      const type = b.toString('latin1', at + 4, at + 8);
      names.push(type);
      if (type !== 'IDAT') header.push(b.subarray(at, at + 12 + len));
      at += 12 + len;
    }
  } else if (b.toString('latin1', 8, 12) === 'WEBP') {
    // WebP (RIFF): fourcc, little-endian size, data padded to even; pixels in VP8/VP8L/ALPH/ANMF.
    for (let at = 12; at + 8 <= b.length; ) {
      const type = b.toString('latin1', at, at + 4);
      const len = b.readUInt32LE(at + 4);
      names.push(type);
      if (!['VP8 ', 'VP8L', 'ALPH', 'ANMF'].includes(type)) header.push(b.subarray(at, at + 8 + len));
      at += 8 + len + (len % 2);
    }
  } else if (b.toString('latin1', 4, 8) === 'ftyp') {
    // AVIF (ISO BMFF): top-level boxes; metadata items would be declared in 'meta'.
    for (let at = 0; at + 8 <= b.length; ) {
      const len = b.readUInt32BE(at);
      const type = b.toString('latin1', at + 4, at + 8);
      names.push(type);
      if (type !== 'mdat') header.push(b.subarray(at, at + len));
      if (len < 8) break;
      at += len;
    }
  } else if (b.toString('latin1', 0, 3) === 'GIF') {
    // GIF89a: blocks after the screen descriptor and colour table; pixels in image sub-blocks.
    const table = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
    let at = 13 + table(b[10]!);
    header.push(b.subarray(0, at));
    const skipSubBlocks = (from: number) => {
      let i = from;
      while (b[i]! !== 0) i += b[i]! + 1;
      return i + 1;
    };
    while (at < b.length && b[at] !== 0x3b) {
      if (b[at] === 0x21) {
        const label = b[at + 1]!;
        const end = skipSubBlocks(at + 2);
        names.push(label === 0xfe ? 'COMMENT' : label === 0xff ? `APP:${b.toString('latin1', at + 3, at + 14)}` : `EXT${label.toString(16)}`);
        header.push(b.subarray(at, end));
        at = end;
      } else {
        names.push('IMAGE');
        const local = table(b[at + 9]!);
        header.push(b.subarray(at, at + 10 + local));
        at = skipSubBlocks(at + 11 + local);
      }
    }
  } else {
    throw new Error('unknown container');
  }
  return { names, header: Buffer.concat(header) };
}

/** Segment, chunk and extension names that carry metadata, per container. */
const metadataNames = ['APP1', 'APP2', 'APP13', 'COM', 'eXIf', 'iCCP', 'tEXt', 'zTXt', 'iTXt', 'EXIF', 'XMP ', 'ICCP', 'COMMENT', 'APP:XMP DataXMP'];

/** Markers of metadata; looked for in the container structure, never in compressed pixels. */
const headerMarkers = ['GPS', 'Exif', 'EXIF', 'eXIf', 'XMP', 'xmp', 'ICC', 'prof', 'rICC', 'mime'];

/**
 * Asserts that no variant has any metadata: through sharp's metadata, through the container
 * structure, and by scanning all bytes for long markers put there by the test.
 */
async function expectNoMetadata(image: ProcessedImage | undefined, longMarkers: string[]): Promise<void> {
  expect(image?.variants.length).toBeGreaterThan(0);
  for (const v of image!.variants) {
    const m = await sharp(Buffer.from(v.bytes)).metadata();
    const kept = { exif: m.exif, xmp: m.xmp, iptc: m.iptc, icc: m.icc, comments: m.comments, tifftagPhotoshop: m.tifftagPhotoshop };
    expect(kept, v.fileName).toEqual({ exif: undefined, xmp: undefined, iptc: undefined, icc: undefined, comments: undefined, tifftagPhotoshop: undefined });
    const { names, header } = containerParts(v.bytes);
    expect(names.filter((n) => metadataNames.includes(n)), v.fileName).toEqual([]);
    for (const marker of headerMarkers) expect(contains(header, marker), `${marker} in the structure of ${v.fileName}`).toBe(false);
    for (const marker of longMarkers) expect(contains(v.bytes, marker), `${marker} in ${v.fileName}`).toBe(false);
  }
}

/** Whether a raw EXIF block (TIFF structure) has a GPS IFD pointer, tag 0x8825 (EXIF 2.3, 4.6.3). */
function hasGpsPointer(exif: Buffer): boolean {
  const tiff = exif.indexOf('MM\0*') >= 0 ? exif.indexOf('MM\0*') : exif.indexOf('II*\0');
  if (tiff < 0) return false;
  const big = exif[tiff] === 0x4d;
  const u16 = (at: number) => (big ? exif.readUInt16BE(at) : exif.readUInt16LE(at));
  const u32 = (at: number) => (big ? exif.readUInt32BE(at) : exif.readUInt32LE(at));
  const ifd0 = tiff + u32(tiff + 4);
  for (let i = 0, n = u16(ifd0); i < n; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

const sample = ['samples', 'leap2a', 'mahara-1.3', '2010-10-16mahara1-3', '0-IMG_0883.JPG'];
const haveSample = needs('../shared Mahara sample JPEG', hasShared(...sample));

describe('metadata is stripped', () => {
  it.skipIf(!haveSample)(`from an iPhone photo in the Mahara 1.3 sample, GPS position included${skipNote('../shared samples', haveSample)}`, async () => {
    const bytes = new Uint8Array(readFileSync(sharedPath(...sample)));
    const before = await sharp(Buffer.from(bytes)).metadata();
    // The input really has what must go: EXIF with a GPS IFD, the camera's name, an ICC profile.
    expect(before.exif && hasGpsPointer(before.exif)).toBe(true);
    expect(contains(bytes, 'Exif') && contains(bytes, 'iPhone')).toBe(true);
    expect(before.icc).toBeDefined();
    // ... and the structural check sees it (a check that cannot fail proves nothing).
    expect(containerParts(bytes).names).toEqual(expect.arrayContaining(['APP1', 'APP2']));
    expect(contains(containerParts(bytes).header, 'Exif')).toBe(true);

    const bag = new DiagnosticBag();
    const image = await processImage(portfolioFile('0-IMG_0883.JPG', bytes, 'image/jpeg'), { formats: ['avif', 'webp', 'original'] }, undefined, bag);
    expect(bag.items).toEqual([]);
    expect(image!.variants.map((v) => `${v.format}@${v.width}`)).toEqual(['avif@480', 'avif@800', 'webp@480', 'webp@800', 'jpeg@480', 'jpeg@800']);
    await expectNoMetadata(image, ['iPhone 3G', 'ICC_PROFILE', '2010:08:31 19:32:48']);
  });

  it('from a JPEG made with a GPS position (EXIF GPS IFD), camera make and model and an ICC profile', async () => {
    // What the real iPhone photo of ../shared carries, made here so the check runs on any clone.
    const bytes = new Uint8Array(
      await sharp({ create: { width: 900, height: 600, channels: 3, background: '#406080' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'MARKER-MAKE', Model: 'MARKER-MODEL' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 4500/100', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 1200/100' } })
        .withIccProfile('p3')
        .toBuffer(),
    );
    const before = await sharp(Buffer.from(bytes)).metadata();
    expect(before.exif && hasGpsPointer(before.exif)).toBe(true);
    expect(before.icc).toBeDefined();
    expect(containerParts(bytes).names).toEqual(expect.arrayContaining(['APP1', 'APP2']));
    const bag = new DiagnosticBag();
    const image = await processImage(portfolioFile('gps.jpg', bytes, 'image/jpeg'), { formats: ['avif', 'webp', 'original'] }, undefined, bag);
    expect(bag.items).toEqual([]);
    expect(image!.variants.map((v) => v.format)).toEqual(['avif', 'avif', 'webp', 'webp', 'jpeg', 'jpeg']);
    await expectNoMetadata(image, ['MARKER-MAKE', 'MARKER-MODEL']);
    for (const v of image!.variants) {
      const m = await sharp(Buffer.from(v.bytes)).metadata();
      expect(m.exif === undefined || !hasGpsPointer(m.exif), v.fileName).toBe(true);
    }
  });

  it('from a JPEG made with EXIF, XMP and an ICC profile, in every output format', async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a0b0c0' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'MARKER-ARTIST', Copyright: 'MARKER-COPYRIGHT' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="MARKER-XMP"/></rdf:RDF></x:xmpmeta>')
      .withIccProfile('p3')
      .toBuffer();
    const bytes = new Uint8Array(jpeg);
    for (const marker of ['MARKER-ARTIST', 'MARKER-COPYRIGHT', 'MARKER-XMP']) expect(contains(bytes, marker)).toBe(true);
    expect(containerParts(bytes).names.filter((n) => metadataNames.includes(n))).toEqual(['APP1', 'APP1', 'APP2']);

    const image = await processImage(portfolioFile('made.jpg', bytes, 'image/jpeg'), { formats: ['avif', 'webp', 'original'] }, undefined, new DiagnosticBag());
    expect(new Set(image!.variants.map((v) => v.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
    await expectNoMetadata(image, ['MARKER-ARTIST', 'MARKER-COPYRIGHT', 'MARKER-XMP', 'adobe:ns:meta']);

    // PNG output too (a PNG source with EXIF).
    const png = await sharp(jpeg).png().keepMetadata().toBuffer();
    expect(contains(png, 'MARKER-ARTIST')).toBe(true);
    expect(containerParts(png).names).toEqual(expect.arrayContaining(['eXIf', 'iCCP']));
    const fromPng = await processImage(portfolioFile('made.png', new Uint8Array(png), 'image/png'), {}, undefined, new DiagnosticBag());
    await expectNoMetadata(fromPng, ['MARKER-ARTIST', 'MARKER-XMP', 'adobe:ns:meta']);

    // GIF output (a GIF source, animated so the frames' blocks are walked too).
    const frame = (c: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: c } }).png().toBuffer();
    const gif = await sharp([await frame('red'), await frame('blue')], { join: { animated: true } }).gif().toBuffer();
    expect(containerParts(gif).names.filter((n) => n === 'IMAGE')).toHaveLength(2);
    const fromGif = await processImage(portfolioFile('made.gif', new Uint8Array(gif), 'image/gif'), {}, undefined, new DiagnosticBag());
    expect(fromGif!.variants.map((v) => v.format)).toEqual(['webp', 'gif']);
    await expectNoMetadata(fromGif, []);
  });
});
