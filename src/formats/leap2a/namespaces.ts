/**
 * Leap2A namespaces and the terms written inside attribute values. Exporters drifted through
 * several URIs for the same vocabulary; every known spelling is an alias of one canonical URI,
 * so the rest of the code compares canonical names only.
 */

/** Atom 1.0. */
export const ATOM = 'http://www.w3.org/2005/Atom';
/** RDF, for `rdf:type rdf:resource`. */
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** XHTML, for `content type="xhtml"`. */
export const XHTML = 'http://www.w3.org/1999/xhtml';
/** Leap2A 2010-07 terms (predicates and types in one namespace): the canonical form. */
export const LEAP2 = 'http://terms.leapspecs.org/';
/** Leap2A categories (schemes such as `selection_type#`, `life_area#`). */
export const CATEGORIES = 'http://wiki.leapspecs.org/2A/categories/';
/** Mahara's extension namespace as Mahara writes it (percent-encoded slashes). */
export const MAHARA = 'http://wiki.mahara.org/Developer_Area/Import%2F%2FExport/LEAP_Extensions#';
/** Vitrine's own extensions (what Leap2A has no term for). */
export const VITRINE = 'https://vitrine.dev/ns/leap2a#';

/**
 * Every namespace URI seen in the wild → its canonical URI. The 2009-03 drafts split
 * predicates and types into two namespaces; 2010-07 merged them, so both map to LEAP2.
 */
export const NAMESPACE_ALIASES: Readonly<Record<string, string>> = {
  'http://wiki.cetis.ac.uk/2009-03/LEAP2A_predicates#': LEAP2,
  'http://wiki.cetis.ac.uk/2009-03/LEAP2A_types#': LEAP2,
  'http://wiki.cetis.ac.uk/2009-03/Leap2A_predicates#': LEAP2,
  'http://wiki.cetis.ac.uk/2009-03/Leap2A_types#': LEAP2,
  'http://terms.leapspecs.org': LEAP2,
  'https://terms.leapspecs.org/': LEAP2,
  // Mahara since late 2022: an archive URL of the old term page, without a trailing slash.
  'https://web.archive.org/web/20100503000634/http://terms.leapspecs.org': LEAP2,
  'https://web.archive.org/web/20100503000634/http://terms.leapspecs.org/': LEAP2,
  // The 2011 draft.
  'http://www.cetis.org.uk/leap2/terms/': LEAP2,
  'http://www.cetis.org.uk/leap2/terms': LEAP2,
  'http://wiki.cetis.ac.uk/2009-03/LEAP2A_categories/': CATEGORIES,
  'http://wiki.cetis.ac.uk/2009-03/Leap2A_categories/': CATEGORIES,
  'http://www.leapspecs.org/2A/categories/': CATEGORIES,
  // Moodle writes the categories namespace without its trailing slash.
  'http://wiki.leapspecs.org/2A/categories': CATEGORIES,
  // Mahara's extension namespace, both spellings (and the wiki's later addresses).
  'http://wiki.mahara.org/Developer_Area/Import//Export/LEAP_Extensions#': MAHARA,
  'https://wiki.mahara.org/wiki/Developer_Area/Import//Export/LEAP_Extensions#': MAHARA,
  'https://wiki.mahara.org/wiki/Developer_Area/Import%2F%2FExport/LEAP_Extensions#': MAHARA,
  'https://wiki.mahara.org/Developer_Area/Import%2F%2FExport/LEAP_Extensions#': MAHARA,
};

/** The canonical URI of a namespace (itself when it has no alias). */
export function canonicalNamespace(ns: string): string {
  return NAMESPACE_ALIASES[ns] ?? ns;
}

/** Tells whether a namespace is (an alias of) the Leap2A terms namespace. */
export function isLeap2(ns: string): boolean {
  return canonicalNamespace(ns) === LEAP2;
}

/** Leap2A relation predicates and their inverses (2010-07 spec, "Relationships"). */
export const INVERSES: Readonly<Record<string, string>> = {
  has_part: 'is_part_of',
  is_part_of: 'has_part',
  supports: 'supported_by',
  supported_by: 'supports',
  reflects_on: 'reflected_on_by',
  reflected_on_by: 'reflects_on',
  is_evidence_of: 'has_evidence',
  has_evidence: 'is_evidence_of',
  attends: 'attended_by',
  attended_by: 'attends',
  has_agenda: 'is_agenda_of',
  is_agenda_of: 'has_agenda',
  is_outcome_of: 'has_outcome',
  has_outcome: 'is_outcome_of',
  relation: 'relation',
};

/**
 * The direction each pair is kept in inside the model: the container, the supporter, the
 * reflection, the evidence, the attendee, the meeting. The other name of the pair is read by
 * swapping the ends, so a relation stated at one end, at the other or at both is one relation.
 */
export const FORWARD = new Set(['has_part', 'supports', 'reflects_on', 'is_evidence_of', 'attends', 'has_agenda', 'has_outcome', 'relation']);

/** In-scope prefixes (prefix → canonical URI) while walking a feed. */
export type PrefixScope = ReadonlyMap<string, string>;

/**
 * Resolves a term written in an attribute value (`leap2:selection`, `leaptype:selection`,
 * `has_part`, a full URI) to a canonical full URI. A bare name that is a Leap2A term is taken
 * as one (Mahara writes `rel="has_part"`); other bare names (`related`, `enclosure`) stay bare.
 */
export function resolveTerm(value: string, scope: PrefixScope): string {
  const v = value.trim();
  const colon = v.indexOf(':');
  if (colon < 0) return isLeap2Term(v) ? LEAP2 + v : v;
  const prefix = v.slice(0, colon);
  const ns = scope.get(prefix);
  if (ns !== undefined) return canonicalNamespace(ns) + v.slice(colon + 1);
  // A full URI in one of the alias namespaces.
  for (const [alias, canonical] of Object.entries(NAMESPACE_ALIASES)) {
    if (v.startsWith(alias) && v.length > alias.length) return canonical + v.slice(alias.length).replace(/^\//, '');
  }
  return v;
}

/** The local name of a canonical Leap2A term, or undefined when the URI is not one. */
export function leap2Local(uri: string): string | undefined {
  return uri.startsWith(LEAP2) ? uri.slice(LEAP2.length) : undefined;
}

const TERMS = new Set([
  ...Object.keys(INVERSES),
  'entry', 'resource', 'selection', 'ability', 'achievement', 'activity', 'affiliation', 'meeting', 'plan', 'person',
  'publication', 'organization', 'event',
]);

/** Tells whether a bare name is a Leap2A predicate or type. */
export function isLeap2Term(name: string): boolean {
  return TERMS.has(name);
}
