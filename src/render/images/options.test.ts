import { describe, expect, it } from 'vitest';
import { isRasterImage, isUnsupportedImage, originalOutputFormat, sniffImageFormat } from './formats.ts';
import { fileStem, sha256Hex, variantFileName } from './naming.ts';
import { defaultImageOptions, planFormats, planWidths, resolveImageOptions } from './options.ts';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('planWidths', () => {
  it('keeps widths up to the original and clamps larger ones to it (never upscales)', () => {
    expect(planWidths(4000, [480, 960, 1600])).toEqual([480, 960, 1600]);
    expect(planWidths(1200, [480, 960, 1600])).toEqual([480, 960, 1200]);
    expect(planWidths(960, [480, 960, 1600])).toEqual([480, 960]);
  });

  it('gives one variant at the original width when it is smaller than every width', () => {
    expect(planWidths(300, [480, 960, 1600])).toEqual([300]);
    expect(planWidths(300, [])).toEqual([300]);
  });
});

describe('resolveImageOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveImageOptions()).toEqual(defaultImageOptions());
    expect(defaultImageOptions()).toEqual({ widths: [480, 960, 1280], formats: ['webp', 'original'], maxInputPixels: 100_000_000 });
  });

  it('normalises so equal requests are equal (and share a cache key)', () => {
    expect(resolveImageOptions({ widths: [960, 480.2, 960, -5, 0], formats: ['webp', 'webp', 'original'], quality: 250 })).toEqual({
      widths: [480, 960],
      formats: ['webp', 'original'],
      quality: 100,
      maxInputPixels: 100_000_000,
    });
  });

  it('refuses options that cannot mean anything', () => {
    expect(() => resolveImageOptions({ formats: [] })).toThrow();
    expect(() => resolveImageOptions({ formats: ['bmp' as 'webp'] })).toThrow('bmp');
    expect(() => resolveImageOptions({ maxInputPixels: 0 })).toThrow();
  });
});

describe('planFormats', () => {
  it('resolves original and drops duplicates', () => {
    expect(planFormats(['webp', 'original'], 'jpeg', false)).toEqual(['webp', 'jpeg']);
    expect(planFormats(['webp', 'original'], 'webp', false)).toEqual(['webp']);
    expect(planFormats(['avif', 'original'], 'tiff', true)).toEqual(['avif', 'png']);
    expect(originalOutputFormat('tiff', false)).toBe('jpeg');
  });
});

describe('sniffImageFormat', () => {
  it('knows the six formats by their signatures', () => {
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageFormat(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('png');
    expect(sniffImageFormat(bytes('GIF89a'))).toBe('gif');
    expect(sniffImageFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(bytes('II*', [0]))).toBe('tiff');
    expect(sniffImageFormat(bytes('MM', [0, 42]))).toBe('tiff');
    expect(sniffImageFormat(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'))).toBe('avif');
    expect(sniffImageFormat(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'))).toBe('avif');
  });

  it('refuses anything else, SVG and HEIC included', () => {
    expect(sniffImageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImageFormat(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeUndefined();
    expect(sniffImageFormat(bytes('%PDF-1.4'))).toBeUndefined();
    expect(sniffImageFormat(new Uint8Array())).toBeUndefined();
  });
});

describe('isRasterImage', () => {
  it('goes by media type, and by extension only when the media type is generic', () => {
    expect(isRasterImage({ path: 'a.bin', mediaType: 'image/jpeg' })).toBe(true);
    expect(isRasterImage({ path: 'a.JPG', mediaType: 'application/octet-stream' })).toBe(true);
    expect(isRasterImage({ path: 'a.png', mediaType: 'image/PNG; charset=binary' })).toBe(true);
    expect(isRasterImage({ path: 'a.svg', mediaType: 'image/svg+xml' })).toBe(false);
    expect(isRasterImage({ path: 'a.jpg', mediaType: 'application/pdf' })).toBe(false);
    expect(isUnsupportedImage({ path: 'a.heic', mediaType: 'image/heic' })).toBe(true);
    expect(isUnsupportedImage({ path: 'a.svg', mediaType: 'image/svg+xml' })).toBe(false);
    expect(isUnsupportedImage({ path: 'a.png', mediaType: 'image/png' })).toBe(false);
    expect(isUnsupportedImage({ path: 'a.pdf', mediaType: 'application/pdf' })).toBe(false);
  });
});

describe('variant names', () => {
  it('are <stem>-<width>.<hash8>.<ext> with a URL-safe stem', () => {
    const sha = sha256Hex(new Uint8Array([1, 2, 3]));
    expect(variantFileName('pkg.zip!/files/My Photo (1).JPG', 480, 'jpeg', sha)).toBe(`My-Photo-1-480.${sha.slice(0, 8)}.jpg`);
    expect(variantFileName('a/b/été.png', 20, 'webp', sha)).toBe(`été-20.${sha.slice(0, 8)}.webp`);
    expect(fileStem('dir/.png')).toBe('image');
    expect(fileStem('x'.repeat(300) + '.gif')).toHaveLength(80);
  });
});
