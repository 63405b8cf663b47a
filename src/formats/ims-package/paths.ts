/** Resolving hrefs inside a package: relative to a base, never leaving the package root. */

/**
 * Resolves `href` against the folder `base` (both package paths). Returns undefined when the
 * result would leave the package, is absolute, or is a URL with a scheme.
 */
export function resolveHref(base: string, href: string): string | undefined {
  const h = href.trim();
  if (h === '' || /^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('/') || h.startsWith('\\')) return undefined;
  let decoded = h.split('#')[0]!.split('?')[0]!;
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    /* a raw % in a file name: use it as written */
  }
  const parts = (base ? base.replace(/\/+$/, '') + '/' + decoded : decoded).split(/[\\/]+/);
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.length ? out.join('/') : undefined;
}

/** The folder part of a package path ('' at the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

