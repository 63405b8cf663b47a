/**
 * SourceBundle → Leap2aPackage: finds the Leap2A feed (a zip or folder holding `leap2a.xml`,
 * `leap.xml` or `leap2.xml`, or one bare XML file whose root is an Atom feed) and keeps every
 * other file by its path relative to the feed's folder. Detection, not configuration: a
 * bundle without a feed is left for the IMS reader.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { displayPath, type SourceBundle } from '../../read/types.ts';
import { parseXml } from '../xml/parse.ts';
import { isFeedRoot, readFeed, type Leap2aFeed } from './feed.ts';

/** A Leap2A export: the feed and the files beside it. */
export interface Leap2aPackage {
  /** Bundle path of the feed file. */
  feedPath: string;
  /** Folder of the feed inside the bundle ('' at the root); file references resolve from it. */
  root: string;
  feed: Leap2aFeed;
  /** Every other file, by path relative to `root`. */
  files: Map<string, Uint8Array>;
}

const FEED_NAMES = ['leap2a.xml', 'leap2.xml', 'leap.xml'];

/** Finds the feed file of a bundle by name, at the root or in one top folder; undefined when none. */
export function findFeedFile(bundle: SourceBundle): string | undefined {
  const hits = [...bundle.files.keys()].filter((p) => FEED_NAMES.includes(p.split('/').pop()!.toLowerCase()) && p.split('/').length <= 2);
  hits.sort((x, y) => x.split('/').length - y.split('/').length || FEED_NAMES.indexOf(x.split('/').pop()!.toLowerCase()) - FEED_NAMES.indexOf(y.split('/').pop()!.toLowerCase()));
  return hits[0];
}

/** A quick look at the start of an XML file: does its root element look like an Atom feed? */
function looksLikeFeed(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  return /<([A-Za-z_][\w.-]*:)?feed[\s>]/.test(head) && head.includes('http://www.w3.org/2005/Atom');
}

/**
 * Tells which file of a bundle is a Leap2A feed: a file named like one, or the single XML
 * file of a one-file input whose root is an Atom feed.
 */
export function detectLeap2a(bundle: SourceBundle): string | undefined {
  const named = findFeedFile(bundle);
  if (named) return named;
  if (bundle.kind !== 'file') return undefined;
  const [only] = bundle.files.values();
  return only && looksLikeFeed(only.bytes) ? only.path : undefined;
}

/** Reads the Leap2A export of a bundle whose feed file is `feedPath`. */
export function readLeap2aPackage(bundle: SourceBundle, feedPath: string, bag: DiagnosticBag): Leap2aPackage | undefined {
  const file = displayPath(bundle, feedPath);
  const parsed = parseXml(bundle.files.get(feedPath)!.bytes, file);
  if (!parsed.root) {
    bag.push(parsed.diagnostic);
    return undefined;
  }
  if (!isFeedRoot(parsed.root)) {
    bag.add('Leap2aNotAFeed', `root is {${parsed.root.ns}}${parsed.root.name}, not an Atom <feed>`, { file, line: parsed.root.line ?? 1, column: parsed.root.column ?? 1 });
    return undefined;
  }
  const feed = readFeed(parsed.root, { file, diagnostics: bag });
  const slash = feedPath.lastIndexOf('/');
  const root = slash < 0 ? '' : feedPath.slice(0, slash);
  const files = new Map<string, Uint8Array>();
  for (const [path, f] of bundle.files) {
    if (path === feedPath) continue;
    if (root && !path.startsWith(root + '/')) continue;
    const rel = root ? path.slice(root.length + 1) : path;
    if (/^vitrine\.config\.(ya?ml|json)$/i.test(rel)) continue;
    files.set(rel, f.bytes);
  }
  return { feedPath, root, feed, files };
}
