/**
 * The rules Mahara's Leap2A importer applies, written as checks on a re-export against the
 * export it was made from. Each rule cites the Mahara source it comes from (MaharaProject/mahara
 * at commit 0881d0f9c2, read for this; none of its code is here). A rule names what Mahara would
 * do with the re-export that it did not do with the original (a page lost, a file gained).
 */
import { parseXmlText } from '../../src/formats/xml/parse.ts';
import type { XmlElement } from '../../src/formats/xml/tree.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** One entry of a feed as Mahara's importer looks at it. */
interface EntryFacts {
  id: string;
  /** `rdf:resource` values as written. */
  types: string[];
  categories: { scheme: string; term: string }[];
  links: { rel: string; href: string }[];
  contentType?: string;
  contentSrc?: boolean;
  maharaView?: { attrs: Record<string, string>; blocks: number };
  artefactplugin?: string;
}

/** A feed as the importer sees it: its entries, the prefix bound to each namespace, the raw text. */
export interface FeedFacts {
  text: string;
  prefixes: Map<string, string>;
  version?: string;
  entries: Map<string, EntryFacts>;
}

const kids = (e: XmlElement) => e.children.filter((c): c is XmlElement => c.type === 'element');
const own = (e: XmlElement) => e.children.map((c) => (c.type === 'text' ? c.text : '')).join('').trim();
const at = (e: XmlElement, name: string) => e.attrs.find((a) => a.name === name)?.value;

/** Reads what the importer reads from a Leap2A document. */
export function feedFacts(text: string): FeedFacts {
  const parsed = parseXmlText(text, 'leap2a.xml');
  if (!parsed.root) throw new Error('not XML');
  const root = parsed.root;
  const prefixes = new Map<string, string>();
  for (const [p, uri] of Object.entries(root.declares ?? {})) prefixes.set(uri, p);
  const entries = new Map<string, EntryFacts>();
  let version: string | undefined;
  for (const k of kids(root)) {
    if (k.name === 'version') version = own(k);
    if (k.ns !== ATOM || k.name !== 'entry') continue;
    const f: EntryFacts = { id: '', types: [], categories: [], links: [] };
    for (const c of kids(k)) {
      if (c.ns === ATOM && c.name === 'id') f.id = own(c);
      else if (c.ns === RDF && c.name === 'type') f.types.push(at(c, 'resource') ?? '');
      else if (c.ns === ATOM && c.name === 'category') f.categories.push({ scheme: at(c, 'scheme') ?? '', term: at(c, 'term') ?? '' });
      else if (c.ns === ATOM && c.name === 'link') f.links.push({ rel: at(c, 'rel') ?? '', href: at(c, 'href') ?? '' });
      else if (c.ns === ATOM && c.name === 'content') {
        f.contentType = at(c, 'type') ?? 'text';
        f.contentSrc = at(c, 'src') !== undefined;
      } else if (c.name === 'view' && /mahara|LEAP_Extensions/i.test(c.ns)) {
        const attrs = Object.fromEntries(c.attrs.map((a) => [a.name, a.value]));
        const count = (e: XmlElement): number => kids(e).reduce((n, x) => n + (x.name === 'blockinstance' ? 1 : count(x)), 0);
        f.maharaView = { attrs, blocks: count(c) };
      } else if (c.name === 'artefactplugin') f.artefactplugin = c.attrs.find((a) => a.name === 'type')?.value;
    }
    entries.set(f.id, f);
  }
  return { text, prefixes, ...(version ? { version } : {}), entries };
}

// Mahara compares terms as written: `prefix:term`, `[prefix:term]`, or the full URI
// (htdocs/import/leap/lib.php:2121-2159, curie_xpath and curie_equals). Originals differ in
// namespace spelling, so the original side is matched loosely and the re-export strictly.
const loose = (value: string, term: string) => new RegExp(`[:/#]${term}\\]?$`).test(value);
const isSelection = (e: EntryFacts) => e.types.some((t) => loose(t, 'selection'));
const hasCategory = (e: EntryFacts, scheme: string, term: string) => e.categories.some((c) => new RegExp(`${scheme}#?$`).test(c.scheme) && c.term === term);
const isPage = (e: EntryFacts) => isSelection(e) && hasCategory(e, 'selection_type', 'Webpage');
const isCollection = (e: EntryFacts) => isSelection(e) && hasCategory(e, 'selection_type', 'Website');

/** htdocs/artefact/file/import/leap/lib.php:191-207 (is_file): resource with content src, or exactly one enclosure that is not an entry id. */
function isFile(e: EntryFacts, feed: FeedFacts): boolean {
  if (e.types.some((t) => loose(t, 'resource')) && e.contentSrc) return true;
  return e.links.filter((l) => l.rel === 'enclosure' && !feed.entries.has(l.href)).length === 1;
}

/** A rule: its source line, what it says, and the problems it finds in a re-export. */
export interface ImporterRule {
  source: string;
  says: string;
  check: (original: FeedFacts, back: FeedFacts) => string[];
}

/** Every importer rule the Leap2A writer must satisfy. */
export const IMPORTER_RULES: ImporterRule[] = [
  {
    source: 'htdocs/import/leap/lib.php:611-614 (detect_leap2a_namespace)',
    says: 'leap2:version, when present, is a version Mahara supports (else the import stops)',
    check: (_o, b) => (b.version === undefined || ['http://www.leapspecs.org/2010-07/2A/'].includes(b.version) ? [] : [`version ${b.version}`]),
  },
  {
    source: 'htdocs/import/leap/lib.php:1139-1145 (get_import_strategies_for_entry)',
    says: 'a page is a selection whose selection_type category is Webpage, with the type written leap2:selection',
    check: (o, b) =>
      [...o.entries.values()].filter(isPage).flatMap((e) => {
        const x = b.entries.get(e.id);
        const leap = b.prefixes.get('http://terms.leapspecs.org/');
        if (!x) return [`page ${e.id} is missing`];
        const typed = x.types.some((t) => t === `${leap}:selection` || t === 'http://terms.leapspecs.org/selection');
        return typed && hasCategory(x, `${b.prefixes.get('http://wiki.leapspecs.org/2A/categories/')}:selection_type`, 'Webpage') ? [] : [`page ${e.id} is no longer typed as a Webpage selection`];
      }),
  },
  {
    source: 'htdocs/import/leap/lib.php:1147-1152 (get_import_strategies_for_entry)',
    says: 'a collection is a selection whose selection_type category is Website',
    check: (o, b) => [...o.entries.values()].filter(isCollection).flatMap((e) => (b.entries.get(e.id) && isCollection(b.entries.get(e.id)!) ? [] : [`collection ${e.id} is no longer a Website selection`])),
  },
  {
    source: 'htdocs/import/leap/lib.php:1272 and 1406 (curie_equals($link[rel], "", "has_part"))',
    says: 'a page goes into a collection only through a bare rel="has_part" link on the collection',
    check: (o, b) =>
      [...o.entries.values()].filter(isCollection).flatMap((e) => {
        const pages = e.links.filter((l) => loose(l.rel, 'has_part') || l.rel === 'has_part').map((l) => l.href).filter((h) => o.entries.get(h) && isPage(o.entries.get(h)!));
        const back = b.entries.get(e.id)?.links.filter((l) => l.rel === 'has_part').map((l) => l.href) ?? [];
        return pages.filter((p) => !back.includes(p)).map((p) => `collection ${e.id} loses page ${p} (no bare has_part)`);
      }),
  },
  {
    source: 'htdocs/import/leap/lib.php:2209-2216 (get_entry_content)',
    says: 'xhtml content is read only from a child serialised as exactly <div xmlns="http://www.w3.org/1999/xhtml">',
    check: (_o, b) => {
      const bad: string[] = [];
      const re = /<content\b[^>]*type="xhtml"[^>]*>\s*(<[^>]*>)/g;
      for (let m = re.exec(b.text); m; m = re.exec(b.text)) if (m[1] !== '<div xmlns="http://www.w3.org/1999/xhtml">' && m[1] !== '<div xmlns="http://www.w3.org/1999/xhtml"/>') bad.push(`xhtml content starts with ${m[1]}`);
      return bad;
    },
  },
  {
    source: 'htdocs/artefact/file/import/leap/lib.php:191-207 (is_file)',
    says: 'an entry is imported as a file when it has exactly one enclosure that is not an entry: the same entries are files, and no page is',
    check: (o, b) => {
      const files = (f: FeedFacts) => new Set([...f.entries.values()].filter((e) => isFile(e, f)).map((e) => e.id));
      const before = files(o);
      const after = files(b);
      return [
        ...[...before].filter((id) => !after.has(id)).map((id) => `file entry ${id} would no longer be a file`),
        ...[...after].filter((id) => !before.has(id)).map((id) => `entry ${id} would be imported as an extra file`),
        ...[...b.entries.values()].filter((e) => isPage(e) && e.links.some((l) => l.rel === 'enclosure')).map((e) => `page ${e.id} carries an enclosure`),
      ];
    },
  },
  {
    source: 'htdocs/artefact/file/import/leap/lib.php:355-362 (get_file_entry_data)',
    says: 'a profile picture is a file the person entry links with rel="related"',
    check: (o, b) => {
      const related = (f: FeedFacts) => [...f.entries.values()].filter((e) => e.types.some((t) => loose(t, 'person'))).flatMap((e) => e.links.filter((l) => l.rel === 'related').map((l) => `${e.id}→${l.href}`));
      const after = new Set(related(b));
      return related(o).filter((r) => !after.has(r)).map((r) => `profile picture link ${r} lost`);
    },
  },
  {
    source: 'htdocs/artefact/file/import/leap/lib.php:237-246 (has_parent_folder)',
    says: 'a file is in a folder when it links the folder with leap2:is_part_of',
    check: (o, b) => {
      const folders = new Set([...o.entries.values()].filter((e) => isSelection(e) && hasCategory(e, 'selection_type', 'Folder')).map((e) => e.id));
      const leap = b.prefixes.get('http://terms.leapspecs.org/');
      return [...o.entries.values()].flatMap((e) =>
        e.links.filter((l) => loose(l.rel, 'is_part_of') && folders.has(l.href)).flatMap((l) => (b.entries.get(e.id)?.links.some((x) => x.rel === `${leap}:is_part_of` && x.href === l.href) ? [] : [`${e.id} leaves folder ${l.href}`])),
      );
    },
  },
  {
    source: 'htdocs/import/leap/lib.php:1449-1466 (get_mahara_view_entry_data)',
    says: "a page's layout and blocks are read from its one mahara:view element (newlayout, layout, type)",
    check: (o, b) =>
      [...o.entries.values()].filter((e) => e.maharaView).flatMap((e) => {
        const x = b.entries.get(e.id)?.maharaView;
        if (!x) return [`page ${e.id} loses its mahara:view`];
        const same = ['newlayout', 'layout', 'type'].every((k) => x.attrs[k] === e.maharaView!.attrs[k]) && x.blocks === e.maharaView!.blocks;
        return same ? [] : [`page ${e.id}: mahara:view differs`];
      }),
  },
];

/** Every problem the rules find in a re-export, each prefixed by the rule's source. */
export function checkImporterRules(originalXml: string, reexportXml: string): string[] {
  const o = feedFacts(originalXml);
  const b = feedFacts(reexportXml);
  return IMPORTER_RULES.flatMap((r) => r.check(o, b).map((p) => `${r.source}: ${p}`));
}
