/**
 * Finding the file a Leap2A link names. Mahara writes raw spaces and accents in hrefs, others
 * percent-encode; some links name an entry id instead of a file. The raw name is tried first,
 * then the decoded one, each relative to the feed's folder.
 */
import { resolveHref } from '../../formats/ims-package/paths.ts';

/** The package path a file reference names, or undefined when it is not a file of the export. */
export function findFile(href: string, files: ReadonlyMap<string, unknown>): string | undefined {
  const raw = href.trim().replace(/^\.\//, '');
  if (files.has(raw)) return raw;
  if (files.has(raw.normalize('NFC'))) return raw.normalize('NFC');
  const decoded = resolveHref('', raw);
  if (decoded && files.has(decoded)) return decoded;
  if (decoded && files.has(decoded.normalize('NFC'))) return decoded.normalize('NFC');
  return undefined;
}

/** Tells whether a reference is an absolute URL (kept as a link, never looked up in the export). */
export function isUrl(href: string): boolean {
  return /^(https?|ftp|mailto):/i.test(href.trim());
}
