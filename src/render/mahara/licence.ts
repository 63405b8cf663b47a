/**
 * Mahara's Creative Commons block: the licence from its settings (`license`, or the older
 * `commercialuse`/`allowmods`/`version` choices), shown as words and a local badge. The badge
 * is drawn by the theme (no image is fetched from creativecommons.org); the link to the
 * licence text is an ordinary link the reader may follow.
 */

/** A Creative Commons licence as a page shows it. */
export interface LicenceData {
  /** `by`, `by-sa`, `by-nc-nd`, ... or `cc0`. */
  code: string;
  version: string;
  /** "CC BY-SA 4.0". */
  label: string;
  /** The licence deed on creativecommons.org. */
  href: string;
}

const CODES = new Set(['by', 'by-sa', 'by-nd', 'by-nc', 'by-nc-sa', 'by-nc-nd']);

/** The licence a creativecommons block's settings choose; undefined when they choose none Vitrine knows. */
export function licenceOf(settings: Record<string, unknown>): LicenceData | undefined {
  const str = (k: string) => (typeof settings[k] === 'string' || typeof settings[k] === 'number' ? String(settings[k]).trim().toLowerCase() : undefined);
  let code = str('license');
  // A licence URL (Mahara's newer licence field) names the code and version in its path.
  const url = code && /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/.exec(code);
  let version = str('version') ?? '4.0';
  if (url) (code = url[2] === 'zero' ? 'cc0' : url[2]), (version = url[3]!);
  if (!code) {
    // Older blocks: commercialuse 0/1, allowmods 0 (no), 1 (yes) or 2 (share alike).
    const nc = str('commercialuse') === '0' ? '-nc' : '';
    const mods = str('allowmods');
    const mod = mods === '0' ? '-nd' : mods === '2' ? '-sa' : '';
    if (str('commercialuse') === undefined && mods === undefined) return undefined;
    code = `by${nc}${mod}`;
  }
  if (!/^\d\.\d$/.test(version)) version = '4.0';
  if (code === 'cc0') return { code, version: '1.0', label: 'CC0 1.0', href: 'https://creativecommons.org/publicdomain/zero/1.0/' };
  if (!CODES.has(code)) return undefined;
  return { code, version, label: `CC ${code.toUpperCase()} ${version}`, href: `https://creativecommons.org/licenses/${code}/${version}/` };
}
