/**
 * YAML parsed into plain values, with the `file:line:col` of every key and value kept beside
 * them, so that checks on plain values can still point at the exact spot in the author's file.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';

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

const key = (path: YamlPath) => path.map(String).join('\u0000');

/**
 * Parses YAML text that starts at line `firstLine` of `file` (front matter starts on line 2).
 * Syntax errors are reported with `code` and give undefined. YAML 1.2 core schema: `2024-05-14`
 * stays a string, `no` stays a string, duplicate keys are errors.
 */
export function parseLocatedYaml(text: string, file: string, firstLine: number, bag: DiagnosticBag, code: 'AuthoredYamlInvalid'): LocatedYaml | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: false, version: '1.2' });
  const locate = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line: (line > 0 ? line : 1) + firstLine - 1, column: line > 0 ? col : offset + 1 };
  };
  if (doc.errors.length) {
    for (const e of doc.errors) bag.add(code, `not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, locate(e.pos[0]));
    return undefined;
  }
  const values = new Map<string, Location>();
  const keys = new Map<string, Location>();
  walk(doc, doc.contents as Node | null, [], values, keys, locate, 0);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    bag.add(code, `the YAML could not be read: ${(e as Error).message}`, locate(0));
    return undefined;
  }
  const find = (map: Map<string, Location>, path: YamlPath): Location => {
    for (let n = path.length; n >= 0; n--) {
      const hit = map.get(key(path.slice(0, n))) ?? values.get(key(path.slice(0, n)));
      if (hit) return hit;
    }
    return locate(0);
  };
  return { value, at: (p) => find(values, p), keyAt: (p) => find(keys, p) };
}

function walk(doc: Document, node: Node | null, path: (string | number)[], values: Map<string, Location>, keys: Map<string, Location>, locate: (o: number) => Location, depth: number): void {
  if (!node || depth > 64) return;
  if (node.range) values.set(key(path), locate(node.range[0]));
  const target = isAlias(node) ? null : node;
  if (isMap(target)) {
    for (const pair of target.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const p = [...path, k];
      const kn = pair.key as Node | null;
      if (kn?.range) keys.set(key(p), locate(kn.range[0]));
      walk(doc, pair.value as Node | null, p, values, keys, locate, depth + 1);
    }
  } else if (isSeq(target)) {
    target.items.forEach((item, i) => walk(doc, item as Node | null, [...path, i], values, keys, locate, depth + 1));
  }
}
