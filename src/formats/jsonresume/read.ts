/**
 * Detecting and parsing a JSON Resume: `resume.json` in a folder or zip, or a single `.json`
 * file whose shape is a résumé. Bytes are decoded strictly (invalid UTF-8 is an error, not
 * U+FFFD) and syntax errors are reported at their line and column.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { SourceBundle } from '../../read/index.ts';
import { displayPath } from '../../read/index.ts';
import { isJsonObject, RESUME_SECTIONS, type Json, type JsonResumeDocument } from './types.ts';

/** The file name JSON Resume tools read and write. */
export const RESUME_FILE = 'resume.json';

/**
 * The path of the résumé in a bundle, or undefined: `resume.json` at the root of a folder or zip,
 * or a single `.json` file that looks like a résumé (a `basics` object, a résumé section, or a
 * `$schema` naming the JSON Resume schema).
 */
export function detectJsonResume(bundle: SourceBundle): string | undefined {
  if (bundle.kind !== 'file') return bundle.files.has(RESUME_FILE) ? RESUME_FILE : undefined;
  const [only] = bundle.files.values();
  if (!only || !/\.json$/i.test(only.path)) return undefined;
  let value: Json;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(only.bytes)) as Json;
  } catch {
    // A broken file named resume.json is still meant as one: parse it again to report why.
    return /(^|\/)resume\.json$/i.test(only.path) ? only.path : undefined;
  }
  return looksLikeResume(value) ? only.path : undefined;
}

/** Tells whether a parsed JSON value has the shape of a résumé. */
export function looksLikeResume(value: Json): boolean {
  if (!isJsonObject(value)) return false;
  if (typeof value.$schema === 'string' && /jsonresume|resume-schema/i.test(value.$schema)) return true;
  if (isJsonObject(value.basics)) return true;
  return RESUME_SECTIONS.some((s) => Array.isArray(value[s]));
}

/** Parses the résumé at `path` of the bundle; errors go to the bag and give undefined. */
export function readJsonResume(bundle: SourceBundle, path: string, bag: DiagnosticBag): JsonResumeDocument | undefined {
  const file = bundle.files.get(path);
  const where = displayPath(bundle, path);
  if (!file) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    bag.add('JsonResumeInvalid', `${where} is not valid UTF-8`, { file: where }, { hint: 'JSON Resume files are UTF-8; save the file as UTF-8.' });
    return undefined;
  }
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const pos = at ? lineColumn(text, Number(at[1])) : {};
    bag.add('JsonResumeInvalid', `${where} is not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, { file: where, ...pos });
    return undefined;
  }
  if (!isJsonObject(value)) {
    bag.add('JsonResumeInvalid', `${where} holds a JSON ${Array.isArray(value) ? 'array' : typeof value}, not a résumé object`, { file: where, line: 1, column: 1 });
    return undefined;
  }
  return { path, text, resume: value };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Finds where a value sits in the source (`['work', 2, 'startDate']`), for diagnostics. JSON is
 * YAML, so the YAML parser's node ranges give the offset; parsed only when a message needs it.
 */
export function locateJson(doc: JsonResumeDocument, path: (string | number)[]): { line?: number; column?: number } {
  const counter = new LineCounter();
  const parsed = parseDocument(doc.text, { lineCounter: counter, keepSourceTokens: false });
  const node = parsed.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return {};
  const p = counter.linePos(node.range[0]);
  return { line: p.line, column: p.col };
}
