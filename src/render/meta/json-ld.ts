/**
 * schema.org JSON-LD for search engines and link previews: `Person` for the owner on a view's
 * front page (only where the view selects the identification), and one node per part page for
 * products (`CreativeWork`), qualifications (`EducationalOccupationalCredential`) and
 * competencies (`DefinedTerm`). Only what the page itself shows goes in.
 */
import type { Part } from '../../model/types.ts';
import type { PartData } from '../types.ts';

/** A JSON-LD node (plain data; `jsonLdScript` makes it safe to put in a page). */
export type JsonLd = Record<string, unknown>;

/**
 * JSON text safe inside `<script type="application/ld+json">`: `<`, `>` and `&` escaped, so a
 * title holding `</script>` cannot end the element, and the line separators JavaScript refuses.
 */
export function jsonLdScript(node: JsonLd): string {
  return JSON.stringify(node).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONTEXT = 'https://schema.org';

/** The owner as a schema.org Person. */
export function personLd(name: string, o: { url?: string; image?: string; jobTitle?: string; sameAs?: string[] }): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Person',
    name,
    ...(o.jobTitle ? { jobTitle: o.jobTitle } : {}),
    ...(o.url ? { url: o.url } : {}),
    ...(o.image ? { image: o.image } : {}),
    ...(o.sameAs?.length ? { sameAs: o.sameAs } : {}),
  };
}

/** The node of a part page, for the kinds schema.org has a type for; undefined for the others. */
export function partLd(part: Part, data: PartData, o: { url?: string; image?: string; author?: string; description?: string }): JsonLd | undefined {
  const common = {
    '@context': CONTEXT,
    name: data.title,
    ...(o.description ? { description: o.description } : {}),
    ...(o.url ? { url: o.url } : {}),
  };
  const first = data.dates[0]?.iso;
  if (part.kind === 'product') {
    return {
      ...common,
      '@type': 'CreativeWork',
      ...(first ? { dateCreated: first } : {}),
      ...(data.tags.length ? { keywords: data.tags.join(', ') } : {}),
      ...(o.image ? { image: o.image } : {}),
      ...(o.author ? { author: { '@type': 'Person', name: o.author } } : {}),
    };
  }
  if (part.kind === 'qcl') {
    const q = part.qualification;
    return {
      ...common,
      '@type': 'EducationalOccupationalCredential',
      ...(q?.level ? { educationalLevel: q.level } : {}),
      ...(data.type ? { credentialCategory: data.type } : {}),
      ...(q?.awardingBody ? { recognizedBy: { '@type': 'Organization', name: q.awardingBody } } : {}),
      ...((q?.date ?? first) ? { dateCreated: q?.date ?? first } : {}),
    };
  }
  if (part.kind === 'competency') {
    return { ...common, '@type': 'DefinedTerm', ...(data.type ? { termCode: data.type } : {}) };
  }
  return undefined;
}
