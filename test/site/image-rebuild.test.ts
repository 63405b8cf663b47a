/**
 * Images on a rebuild (issue 18): the second build of an unchanged portfolio with the same cache
 * encodes nothing and publishes the same image files; each source is encoded once per build
 * however many views show it; libvips' threads are sized to the core count.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { vipsThreads } from '../../src/render/images/parallel.ts';
import { listFiles } from './site-helpers.ts';

const content = resolve(import.meta.dirname, '../../content');
const dir = mkdtempSync(join(tmpdir(), 'vitrine-image-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The image variants of a built site, by path, with their bytes. */
function images(out: string): Map<string, string> {
  return new Map(listFiles(out).filter((f) => /\/images\/[^/]+\.(webp|jpe?g|png)$/.test(f)).map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
}

describe('images on a rebuild', () => {
  it('a warm rebuild encodes 0 images and publishes the same variants; a cold build encodes each source once', async () => {
    const cache = join(dir, 'cache');
    const cold = createImageProcessor(cache);
    const first = await build(content, { out: join(dir, 'one'), render: { processImage: cold } });
    expect(first.value.written).toBe(true);
    const sources = new Set(listFiles(join(content, 'files')).filter((f) => /\.(jpe?g|png)$/i.test(f)));
    const published = images(join(dir, 'one'));
    expect(published.size).toBeGreaterThan(0);
    // Every source shown is encoded, once, though several views show some of them.
    expect(cold.stats().encoded).toBeGreaterThan(0);
    expect(cold.stats().encoded).toBeLessThanOrEqual(sources.size);
    expect(cold.stats().cached).toBe(0);

    const warm = createImageProcessor(cache);
    const second = await build(content, { out: join(dir, 'two'), render: { processImage: warm } });
    expect(second.value.written).toBe(true);
    expect(warm.stats()).toEqual({ encoded: 0, cached: cold.stats().encoded });
    expect(images(join(dir, 'two'))).toEqual(published);
  });

  it('sizes libvips threads per operation to the cores libuv leaves each operation', () => {
    expect(vipsThreads(2, 4)).toBe(1);
    expect(vipsThreads(4, 4)).toBe(1);
    expect(vipsThreads(8, 4)).toBe(2);
    expect(vipsThreads(16, 4)).toBe(4);
    expect(vipsThreads(16, 16)).toBe(1);
    expect(vipsThreads(1, 4)).toBe(1);
    // The build above set it for this machine.
    expect(sharp.concurrency()).toBe(vipsThreads());
  });
});
