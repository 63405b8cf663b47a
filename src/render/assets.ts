/**
 * A view's own files: the portfolio files its parts use (under `files/`), image variants
 * (under `images/`), and its IMS package when asked. Images published in a site lose their
 * metadata (EXIF, GPS, XMP): only re-encoded variants are published, the download link points
 * at the largest variant in the original format, and the package carries those stripped bytes.
 */
import type { Portfolio, PortfolioFile } from '../model/types.ts';
import { DiagnosticBag } from '../diagnostics/index.ts';
import { portfolioToIms } from '../model/index.ts';
import { generateImsPackage } from '../formats/ims-package/index.ts';
import { zipFiles } from '../formats/zip/encode.ts';
import { makeFile, mediaTypeOf } from '../model/files.ts';
import { publishAttachment, publishedFilePath } from './attachments.ts';
import { isRasterImage, isUnsupportedImage, sniffImageFormat } from './images/index.ts';
import type { ViewPlan } from '../views/types.ts';
import type { ImageInfo } from './page-data.ts';

/** Options for a view's assets. */
export interface AssetOptions {
  /** Processes an image into variants; absent means images are published as plain files. */
  processImage?: (file: ViewPlan['files'][number], bag: DiagnosticBag) => Promise<(ImageInfo & { variants: (ImageInfo['variants'][number] & { bytes: Uint8Array })[] }) | undefined>;
}

/** How many image files are encoded at once. */
const IMAGE_CONCURRENCY = 4;

/** Maps with at most `limit` calls in flight; results in input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The variant served as "the original": the largest one in a format other than WebP/AVIF. */
export function downloadVariant<V extends { mediaType: string; width: number }>(variants: V[]): V | undefined {
  const own = variants.filter((v) => v.mediaType !== 'image/webp' && v.mediaType !== 'image/avif');
  return [...(own.length ? own : variants)].sort((a, b) => b.width - a.width)[0];
}

/** Tells whether a file is, or claims to be, an image: by type, by name or by its first bytes. */
function imageLike(f: ViewPlan['files'][number]): { sniffed?: string } | undefined {
  const sniffed = sniffImageFormat(f.bytes);
  if (sniffed) return { sniffed };
  if (isRasterImage(f) || isUnsupportedImage(f)) return {};
  return undefined;
}

/** The files of one view, by path inside its folder, and what pages need to link them. */
export async function viewAssets(plan: ViewPlan, options: AssetOptions, bag: DiagnosticBag): Promise<{ files: Map<string, Uint8Array>; images: Map<string, ImageInfo>; packageHref?: string }> {
  const files = new Map<string, Uint8Array>();
  const images = new Map<string, ImageInfo>();
  const stripped = new Map<string, { bytes: Uint8Array; mediaType: string }>();
  // Images are encoded a few files at a time: one file's variants alone do not keep both cores
  // busy (measured: 552 ms a photo one by one, 365 ms with files in parallel). Results are used
  // in plan order, so the output does not depend on which encode finished first.
  const processed = await mapLimit(plan.files, IMAGE_CONCURRENCY, async (f) => {
    const like = imageLike(f);
    if (!like || f.mediaType === 'image/svg+xml') return undefined;
    // A mislabelled image (a JPEG called application/octet-stream) is processed by what it is.
    const asImage = like.sniffed && !isRasterImage(f) ? { ...f, mediaType: `image/${like.sniffed}` } : f;
    return { img: options.processImage ? await options.processImage(asImage, bag) : undefined };
  });
  plan.files.forEach((f, i) => {
    const result = processed[i];
    if (!result) {
      // Never as it came when a browser would run it on the site's origin (attachments.ts).
      const bytes = publishAttachment(f.path, f.mediaType, f.bytes, bag, plan.lang);
      if (bytes) files.set(`files/${publishedFilePath(f.path, f.mediaType, f.bytes)}`, bytes);
      return;
    }
    const img = result.img;
    if (!img) return; // never published raw: its metadata (EXIF, GPS, XMP) could not be removed
    images.set(f.path, img);
    for (const v of img.variants) files.set(`images/${v.fileName}`, v.bytes);
    const original = downloadVariant(img.variants);
    if (original) stripped.set(f.path, { bytes: original.bytes, mediaType: original.mediaType });
  });
  let packageHref: string | undefined;
  if (plan.package) {
    // The package is generated from files whose images are already stripped, so images that
    // travel inline (Base-64 inside part files) lose their metadata too, not only separate ones.
    const packaged: PortfolioFile[] = [];
    for (const f of plan.files) {
      if (!imageLike(f) || f.mediaType === 'image/svg+xml') {
        packaged.push(f);
        continue;
      }
      const clean = stripped.get(f.path);
      if (clean && clean.mediaType === mediaTypeOf(f.path)) packaged.push(makeFile(f.path, clean.bytes));
      else bag.add('ExportFieldDropped', `image "${f.path}" could not be stripped of its metadata in its own format, so it was left out of the view's package`, { file: f.path });
    }
    const portfolio: Portfolio = { id: plan.id, title: plan.title, lang: plan.lang, parts: plan.parts, relations: plan.relations, files: packaged, extensions: [] };
    const exportBag = new DiagnosticBag();
    const pkg = { value: generateImsPackage(portfolioToIms(portfolio, exportBag)) };
    bag.push(...exportBag.items);
    files.set('package.zip', zipFiles(pkg.value));
    packageHref = 'package.zip';
  }
  return packageHref ? { files, images, packageHref } : { files, images };
}
