/** Output file names of variants: `<stem>-<width>.<hash8>.<ext>`. */
import { createHash } from 'node:crypto';
import { variantExtension } from './formats.ts';
import type { VariantFormat } from './types.ts';

/** Hex sha256 of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The stem of a source path, safe in a URL and on every file system: the last segment without
 * its extension, NFC, with anything but letters, digits, `-` and `_` turned into `-`.
 * `pkg.zip!/files/My Photo (1).JPG` gives `My-Photo-1`.
 */
export function fileStem(path: string): string {
  const base = path.split(/[/\\!]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').normalize('NFC');
  const safe = stem.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  // Long names are cut so the whole name stays well under the 255-byte limit of file systems.
  return safe.slice(0, 80) || 'image';
}

/**
 * The name of a variant: stem, width, the first 8 hex digits of the sha256 of its bytes, and
 * the extension. Content-hashed, so a rebuild gives the same name and a changed image a new
 * one (safe to serve with a long cache lifetime).
 */
export function variantFileName(sourcePath: string, width: number, format: VariantFormat, bytesSha256: string): string {
  return `${fileStem(sourcePath)}-${width}.${bytesSha256.slice(0, 8)}.${variantExtension(format)}`;
}
