/** URL slugs for parts: derived from the id alone, so they stay stable across rebuilds. */

/** Turns an id into a lowercase ASCII slug (`Mid Term Assigment` → `mid-term-assigment`). */
export function slugify(id: string): string {
  const s = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return s || 'part';
}

/**
 * Assigns unique slugs to ids; collisions get `-2`, `-3` in order of sorted ids, not input order.
 * `reserved` slugs (chosen by the author) are never given to an id.
 */
export function assignSlugs(ids: string[], reserved: Iterable<string> = []): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>(reserved);
  for (const id of [...ids].sort()) {
    const base = slugify(id);
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    out.set(id, slug);
  }
  return out;
}
