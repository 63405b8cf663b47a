/**
 * A view's own files: the portfolio files its parts use (under `files/`), image variants
 * (under `images/`), and its IMS package when asked. Images published in a site lose their
 * metadata (EXIF, GPS, XMP): only re-encoded variants are published, the download link points
 * at the largest variant in the original format, and the package carries those stripped bytes.
 */
import { encodeAll } from './images/parallel.ts';
import type { Portfolio, PortfolioFile } from '../model/types.ts';
import { DiagnosticBag } from '../diagnostics/index.ts';
import { packageZip } from '../model/registry.ts';
import { makeFile, mediaTypeOf } from '../model/files.ts';
import { publishAttachment, publishedFilePath } from './attachments.ts';
import { isRasterImage, isUnsupportedImage, sniffImageFormat } from './images/index.ts';
import type { ViewPlan } from '../views/types.ts';
import type { ImageInfo } from './types.ts';

/** Options for a view's assets. */
export interface AssetOptions {
  /** Processes an image into variants; absent means images are published as plain files. */
  processImage?: (file: ViewPlan['files'][number], bag: DiagnosticBag) => Promise<(ImageInfo & { variants: (ImageInfo['variants'][number] & { bytes: Uint8Array })[] }) | undefined>;
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
  // Images are encoded one file per core (images/parallel.ts): one file's variants alone do not
  // keep the cores busy. Results are used in plan order, whichever encode finished first.
  const processed = await encodeAll(plan.files, async (f) => {
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
    // The view's language is the site's, not the owner's data: it is not asked of the package.
    const portfolio: Portfolio = { id: plan.id, title: plan.title, parts: plan.parts, relations: plan.relations, files: packaged, extensions: [] };
    const exportBag = new DiagnosticBag();
    // The same IMS export as `vitrine pack`, with the same report of what it cannot carry.
    files.set('package.zip', packageZip('ims', portfolio, exportBag));
    bag.push(...exportBag.items);
    packageHref = 'package.zip';
  }
  return packageHref ? { files, images, packageHref } : { files, images };
}
