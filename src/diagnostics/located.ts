/**
 * A parsed YAML document as plain values, with the `file:line:col` of every key and value kept
 * beside them: schema checks run on plain values, and their findings still point at the exact
 * spot in the author's file. Shared by the site config (views/) and the authored format.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, YAMLParseError, type Document, type LineCounter, type Node } from 'yaml';
import type { Location } from './diagnostic.ts';

/** A path into a YAML value: keys of mappings and indexes of lists. */
export type YamlPath = readonly (string | number)[];

/** Plain YAML values with positions. */
export interface LocatedYaml {
  value: unknown;
  /** Where the value at `path` starts (the nearest existing ancestor when it does not exist). */
  at(path: YamlPath): Location;
  /** Where the key of the mapping entry at `path` starts (its value's place when not a key). */
  keyAt(path: YamlPath): Location;
}

/**
 * Alias expansions allowed when turning YAML into plain values: enough for anchors used as
 * intended, far too few for a "billion laughs" document, which yaml refuses with an error.
 */
export const MAX_ALIAS_COUNT = 1000;
/** Nesting followed when recording positions; deeper values are located at their ancestor. */
const MAX_DEPTH = 64;

/**
 * Parses YAML as every user-written document is read: YAML 1.2 core schema (`2024-05-14` and
 * `no` stay strings), no merge keys, and positions counted in `lines`. A key written twice in a
 * mapping is an error: yaml's own check compares every key with every other (20,000 keys took
 * seconds, 50,000 over a minute), so keys are compared here through a set, once each.
 */
export function parseYaml(text: string, lines: LineCounter): Document {
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: false, version: '1.2' });
  if (doc.errors.length === 0) doc.errors.push(...duplicateKeys(doc.contents as Node | null));
  return doc;
}

function duplicateKeys(root: Node | null): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length) {
    const node = stack.pop();
    // An alias is its anchor's node, checked where the anchor is.
    if (!node || isAlias(node) || seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        // Scalars compare by their text as plain values hold it: `1` and "1" are one key there.
        const name = isScalar(k) ? String(k.value) : undefined;
        if (name !== undefined && keys.has(name)) errors.push(new YAMLParseError(k?.range ? [k.range[0], k.range[1]] : [0, 0], 'DUPLICATE_KEY', 'Map keys must be unique'));
        if (name !== undefined) keys.add(name);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

const key = (path: YamlPath) => path.map(String).join('\u0000');

/**
 * The plain value of a parsed document and the places of its nodes; `firstLine` is the line of
 * the file the YAML text starts on (front matter starts on line 2). Throws a RangeError-like
 * Error when aliases expand beyond MAX_ALIAS_COUNT (the caller reports it).
 */
export function locateDocument(doc: Document, lines: LineCounter, file: string, firstLine = 1): LocatedYaml {
  const locate = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line: (line > 0 ? line : 1) + firstLine - 1, column: line > 0 ? col : offset + 1 };
  };
  const values = new Map<string, Location>();
  const keys = new Map<string, Location>();
  walk(doc.contents as Node | null, [], values, keys, locate, 0);
  // yaml defines a `__proto__` key as an own property, so no document reaches Object.prototype.
  const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  const find = (map: Map<string, Location>, path: YamlPath): Location => {
    for (let n = path.length; n >= 0; n--) {
      const hit = map.get(key(path.slice(0, n))) ?? values.get(key(path.slice(0, n)));
      if (hit) return hit;
    }
    return { file, line: firstLine, column: 1 };
  };
  return { value, at: (p) => find(values, p), keyAt: (p) => find(keys, p) };
}

function walk(node: Node | null, path: (string | number)[], values: Map<string, Location>, keys: Map<string, Location>, locate: (o: number) => Location, depth: number): void {
  if (!node || depth > MAX_DEPTH) return;
  if (node.range) values.set(key(path), locate(node.range[0]));
  // An alias is located where it is written; what it points to is located at its anchor.
  const target = isAlias(node) ? null : node;
  if (isMap(target)) {
    for (const pair of target.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const p = [...path, k];
      const kn = pair.key as Node | null;
      if (kn?.range) keys.set(key(p), locate(kn.range[0]));
      walk(pair.value as Node | null, p, values, keys, locate, depth + 1);
    }
  } else if (isSeq(target)) {
    target.items.forEach((item, i) => walk(item as Node | null, [...path, i], values, keys, locate, depth + 1));
  }
}
