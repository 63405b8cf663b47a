import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/index.ts';
import type { PortfolioFile } from '../../model/types.ts';
import { sha256Hex } from './naming.ts';
import { processImage } from './process.ts';
import type { ImageVariant } from './types.ts';

/** A portfolio file around bytes, as `read` would make it. */
function portfolioFile(path: string, bytes: Uint8Array, mediaType: string): PortfolioFile {
  return { path, mediaType, size: bytes.length, sha256: sha256Hex(bytes), bytes };
}

const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } });

/** RGB of the pixel at (x, y) of encoded image bytes, decoded by sharp. */
async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(Buffer.from(bytes)).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** Whether a colour is close to pure red or pure blue (lossy encoders blur a little). */
const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
const isBlue = ([r, g, b]: number[]) => r! < 60 && g! < 60 && b! > 200;

/** The size sharp reads from a variant's own bytes. */
async function realSize(v: ImageVariant): Promise<{ width: number; height: number; format: string }> {
  const m = await sharp(Buffer.from(v.bytes)).metadata();
  return { width: m.width, height: m.height, format: m.format };
}

describe('widths and formats', () => {
  it('makes WebP and the original format at each width, never upscaling, with true dimensions', async () => {
    const jpeg = await solid(1200, 800, '#336699').jpeg().toBuffer();
    const bag = new DiagnosticBag();
    const image = await processImage(portfolioFile('files/photo.jpg', jpeg, 'image/jpeg'), {}, undefined, bag);
    expect(bag.items).toEqual([]);
    expect(image).toMatchObject({ source: 'files/photo.jpg', width: 1200, height: 800 });
    expect(image!.variants.map((v) => [v.format, v.width, v.height, v.mediaType])).toEqual([
      ['webp', 480, 320, 'image/webp'],
      ['webp', 960, 640, 'image/webp'],
      ['webp', 1200, 800, 'image/webp'],
      ['jpeg', 480, 320, 'image/jpeg'],
      ['jpeg', 960, 640, 'image/jpeg'],
      ['jpeg', 1200, 800, 'image/jpeg'],
    ]);
    for (const v of image!.variants) {
      expect(await realSize(v)).toEqual({ width: v.width, height: v.height, format: v.format });
      const ext = v.format === 'jpeg' ? 'jpg' : v.format;
      expect(v.fileName).toBe(`photo-${v.width}.${sha256Hex(v.bytes).slice(0, 8)}.${ext}`);
    }
    expect(image!.placeholderColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives an image smaller than every width one variant per format at its own width', async () => {
    const png = await solid(300, 150, '#ff0000').png().toBuffer();
    const image = await processImage(portfolioFile('small.png', png, 'image/png'), { formats: ['avif', 'webp', 'original'] }, undefined, new DiagnosticBag());
    expect(image!.variants.map((v) => [v.format, v.width, v.height])).toEqual([
      ['avif', 300, 150],
      ['webp', 300, 150],
      ['png', 300, 150],
    ]);
    // The dominant colour's histogram bin (16 levels a channel), so near red rather than exact.
    const hex = image!.placeholderColor!;
    expect(isRed([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)))).toBe(true);
  });

  it('gives the same names on a rebuild without a cache (content-hashed, deterministic)', async () => {
    const jpeg = await solid(700, 500, '#808000').jpeg().toBuffer();
    const file = portfolioFile('a.jpg', jpeg, 'image/jpeg');
    const a = await processImage(file, {}, undefined, new DiagnosticBag());
    const b = await processImage(file, {}, undefined, new DiagnosticBag());
    expect(b!.variants.map((v) => v.fileName)).toEqual(a!.variants.map((v) => v.fileName));
  });

  it('publishes TIFF as JPEG, and keeps the frames of an animated GIF in GIF and WebP only', async () => {
    const tiff = await solid(100, 50, '#00ff00').tiff().toBuffer();
    const t = await processImage(portfolioFile('scan.tif', tiff, 'image/tiff'), {}, undefined, new DiagnosticBag());
    expect(t!.variants.map((v) => v.format)).toEqual(['webp', 'jpeg']);

    const frame = (c: string) => solid(60, 30, c).png().toBuffer();
    const gif = await sharp([await frame('red'), await frame('blue'), await frame('lime')], { join: { animated: true } }).gif().toBuffer();
    const g = await processImage(portfolioFile('anim.gif', gif, 'image/gif'), { formats: ['webp', 'avif', 'original'] }, undefined, new DiagnosticBag());
    const pages: Record<string, number | undefined> = {};
    for (const v of g!.variants) pages[v.format] = (await sharp(Buffer.from(v.bytes), { animated: true }).metadata()).pages;
    expect(pages).toEqual({ webp: 3, avif: 1, gif: 3 });
    expect(g!.variants.every((v) => v.width === 60 && v.height === 30)).toBe(true);
    expect(g).toMatchObject({ width: 60, height: 30 });
  });

  it('leaves files that are not raster images alone, without a diagnostic', async () => {
    const bag = new DiagnosticBag();
    const svg = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'));
    expect(await processImage(portfolioFile('logo.svg', svg, 'image/svg+xml'), {}, undefined, bag)).toBeUndefined();
    expect(await processImage(portfolioFile('cv.pdf', new Uint8Array([37, 80, 68, 70]), 'application/pdf'), {}, undefined, bag)).toBeUndefined();
    expect(bag.items).toEqual([]);
  });
});

describe('orientation', () => {
  it('turns a JPEG with EXIF Orientation 6 upright: width and height swap, pixels move', async () => {
    // Stored 400x200, red in the top-left quarter, blue elsewhere. Orientation 6 means "turn
    // 90 degrees clockwise to display": upright it is 200x400 with the red quarter top right.
    const red = await solid(200, 100, '#ff0000').png().toBuffer();
    const jpeg = await solid(400, 200, '#0000ff').composite([{ input: red, left: 0, top: 0 }]).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);

    const image = await processImage(portfolioFile('turned.jpg', jpeg, 'image/jpeg'), {}, undefined, new DiagnosticBag());
    expect(image).toMatchObject({ width: 200, height: 400 });
    expect(image!.variants.map((v) => [v.format, v.width, v.height])).toEqual([
      ['webp', 200, 400],
      ['jpeg', 200, 400],
    ]);
    for (const v of image!.variants) {
      expect((await sharp(Buffer.from(v.bytes)).metadata()).orientation ?? 1).toBe(1);
      expect(isRed(await pixelAt(v.bytes, 195, 5)), `${v.format} top right`).toBe(true);
      expect(isBlue(await pixelAt(v.bytes, 5, 5)), `${v.format} top left`).toBe(true);
      expect(isBlue(await pixelAt(v.bytes, 5, 395)), `${v.format} bottom left`).toBe(true);
      expect(isBlue(await pixelAt(v.bytes, 195, 395)), `${v.format} bottom right`).toBe(true);
    }
  });
});

/** PNG chunk: length, type, data, CRC-32 of type and data (PNG spec 5.3). */
function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 67-byte PNG whose header claims `width` x `height` 8-bit grey pixels (a pixel bomb's shape). */
function forgedPng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filter, no interlace
  const idat = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]); // empty zlib stream
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array())]));
}

describe('images that cannot be published', () => {
  it("ImageTooLarge: a PNG claiming 30000x30000 is refused before decoding, at the file's location", async () => {
    const bag = new DiagnosticBag();
    const started = Date.now();
    const result = await processImage(portfolioFile('pkg.zip!/files/bomb.png', forgedPng(30000, 30000), 'image/png'), {}, undefined, bag);
    expect(result).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(bag.items).toHaveLength(1);
    expect(bag.items[0]).toMatchObject({ code: 'ImageTooLarge', severity: 'warning', location: { file: 'pkg.zip!/files/bomb.png' } });
    expect(bag.items[0]!.message).toContain('30000 x 30000');
  });

  it('ImageTooLarge: a real image above a lowered maxInputPixels', async () => {
    const png = await solid(100, 100, '#ffffff').png().toBuffer();
    const bag = new DiagnosticBag();
    expect(await processImage(portfolioFile('big.png', png, 'image/png'), { maxInputPixels: 5000 }, undefined, bag)).toBeUndefined();
    expect(bag.items.map((d) => [d.code, d.location?.file])).toEqual([['ImageTooLarge', 'big.png']]);
  });

  it('ImageUnreadable: a truncated JPEG', async () => {
    const jpeg = await solid(600, 400, '#123456').jpeg().toBuffer();
    const bag = new DiagnosticBag();
    const cut = new Uint8Array(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(await processImage(portfolioFile('files/cut.jpg', cut, 'image/jpeg'), {}, undefined, bag)).toBeUndefined();
    expect(bag.items.map((d) => [d.code, d.severity, d.location?.file])).toEqual([['ImageUnreadable', 'warning', 'files/cut.jpg']]);
  });

  it('ImageUnreadable: garbage after a JPEG signature, and SVG labelled as PNG (never given to sharp)', async () => {
    const bag = new DiagnosticBag();
    const garbage = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('not really a jpeg at all')]);
    expect(await processImage(portfolioFile('g.jpg', garbage, 'image/jpeg'), {}, undefined, bag)).toBeUndefined();
    const svg = new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'));
    expect(await processImage(portfolioFile('s.png', svg, 'image/png'), {}, undefined, bag)).toBeUndefined();
    expect(bag.items.map((d) => [d.code, d.location?.file])).toEqual([
      ['ImageUnreadable', 'g.jpg'],
      ['ImageUnreadable', 's.png'],
    ]);
  });

  it('ImageUnreadable: an image type that is not published (HEIC), rather than dropped silently', async () => {
    const bag = new DiagnosticBag();
    const heic = new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]);
    expect(await processImage(portfolioFile('IMG_0001.HEIC', heic, 'image/heic'), {}, undefined, bag)).toBeUndefined();
    expect(bag.items.map((d) => [d.code, d.location?.file])).toEqual([['ImageUnreadable', 'IMG_0001.HEIC']]);
  });
});
