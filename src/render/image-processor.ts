/** Wires the image pipeline into a build: one cache per build, created on first use. */
import type { AssetOptions } from './assets.ts';

/** An image processor backed by a cache folder; images are resized and stripped of metadata. */
export function createImageProcessor(cacheDir: string): AssetOptions['processImage'] {
  let processor: AssetOptions['processImage'] | undefined;
  return async (file, bag) => {
    if (!processor) {
      const images = await import('./images/index.ts');
      const cache = new images.ImageCache(`${cacheDir}/images`);
      processor = (f, b) => images.processImage(f, {}, cache, b);
    }
    return processor(file, bag);
  };
}
