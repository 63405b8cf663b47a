/**
 * Pointing diagnostics at YAML nodes: the small toolkit the config and profile checkers share
 * to walk a parsed YAML document and report each mistake at its node's `file:line:col`.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { DiagnosticBag, Location } from './index.ts';
import { didYouMean } from './suggest.ts';

/** Nodes visited at most, so that nested YAML aliases cannot make validation explode. */
export const NODE_BUDGET = 100_000;

/** What validation needs to locate nodes and report. */
export interface ValidateContext {
  file: string;
  doc: Document;
  lines: LineCounter;
  bag: DiagnosticBag;
  /** Nodes left to visit (see NODE_BUDGET). */
  budget?: number;
}

/** The `file:line:col` of a node's start. */
export function nodeLocation(cx: ValidateContext, node: Node | Pair | null | undefined): Location {
  const offset = node && 'range' in node && node.range ? node.range[0] : node && 'key' in node ? keyOffset(node) : undefined;
  // No node at all (an empty file): the start of the file.
  if (offset === undefined) return { file: cx.file, line: 1, column: 1 };
  const { line, col } = cx.lines.linePos(offset);
  return line > 0 ? { file: cx.file, line, column: col } : { file: cx.file, line: 1, column: offset + 1 };
}

function keyOffset(pair: Pair): number | undefined {
  const k = pair.key as Node | null;
  return k && k.range ? k.range[0] : undefined;
}

/** Where a node starts, as config records keep it (`origin`), always with a line and column. */
export function originOf(cx: ValidateContext, node: Node | null | undefined): Location {
  const l = nodeLocation(cx, node);
  return { file: l.file, line: l.line ?? 1, column: l.column ?? 1 };
}

export function fail(cx: ValidateContext, node: Node | Pair | null | undefined, message: string): void {
  cx.bag.add('ConfigInvalid', message, nodeLocation(cx, node));
}

/** Follows an alias to its anchor's node; counts visits against the budget. */
export function deref(cx: ValidateContext, node: unknown): Node | null {
  cx.budget = (cx.budget ?? NODE_BUDGET) - 1;
  if (cx.budget < 0) throw new ConfigTooDeep();
  if (isAlias(node)) return (node.resolve(cx.doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

/** Thrown when aliases expand beyond the node budget; caught by validateConfig. */
export class ConfigTooDeep extends Error {}

export function describe(node: Node | null): string {
  if (!node || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? 'text' : `a ${typeof node.value} (${String(node.value)})`;
  return 'something else';
}

/** The entries of a mapping, each key checked against the allowed names. */
export function entries(cx: ValidateContext, node: Node, allowed: readonly string[], where: string): Map<string, { pair: Pair; value: Node | null }> {
  const out = new Map<string, { pair: Pair; value: Node | null }>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = deref(cx, pair.key);
    if (!isScalar(key) || typeof key.value !== 'string') {
      fail(cx, key ?? pair, `${where}: keys must be names, not ${describe(key)}`);
      continue;
    }
    if (!allowed.includes(key.value)) {
      const hint = didYouMean(key.value, allowed) || ` Allowed: ${allowed.join(', ')}.`;
      fail(cx, key, `${where}: unknown key "${key.value}".${hint}`);
      continue;
    }
    out.set(key.value, { pair, value: deref(cx, pair.value) });
  }
  return out;
}

/** A text value, or undefined after reporting what was there instead. */
export function text(cx: ValidateContext, node: Node | null, where: string, pair: Pair): string | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    if (node.value.trim() === '') return void fail(cx, node, `${where} is empty`);
    return node.value;
  }
  const quote = isScalar(node) && node.value !== null ? ` (write it in quotes: "${String(node.value)}")` : '';
  fail(cx, node ?? pair, `${where} must be text, not ${describe(node)}${quote}`);
  return undefined;
}

/** One of a closed list of words, with "did you mean" for a near miss. */
export function oneOf<T extends string>(cx: ValidateContext, node: Node | null, allowed: readonly T[], where: string, pair: Pair): T | undefined {
  const s = text(cx, node, where, pair);
  if (s === undefined) return undefined;
  if ((allowed as readonly string[]).includes(s)) return s as T;
  fail(cx, node, `${where} "${s}" is not one of ${allowed.join(', ')}.${didYouMean(s, allowed)}`);
  return undefined;
}

