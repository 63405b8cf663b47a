/**
 * Checking a user-written YAML/JSON document against its JSON Schema (the very schema published
 * in docs/schema/), and turning each finding into a diagnostic at the `file:line:col` of the
 * offending key or value, with "did you mean" for misspelt keys and words. Ajv does the
 * checking; this module chooses, among the alternatives of a `oneOf`, the one the author meant,
 * and words the findings (schema-words.ts).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { DiagnosticBag, Location } from './diagnostic.ts';
import type { DiagnosticCode } from './catalogue.ts';
import type { LocatedYaml, YamlPath } from './located.ts';
import { problemMessage, type Problem } from './schema-words.ts';

export type { Problem } from './schema-words.ts';

/** One document kind: its schema, and how its findings are named and coded. */
export interface DocumentSchema {
  /** The name the schema is registered under (its file name in docs/schema/). */
  name: string;
  /** The JSON Schema (draft 2020-12), as published. */
  schema: object;
  /** Schemas this one refers to by file name (`vitrine.config.schema.json#/...`). */
  uses?: readonly DocumentSchema[];
  /** The code of a finding; undefined leaves it to another reader of the same file. */
  code(p: Problem): DiagnosticCode | undefined;
  /** How the document's root is named in messages ("config", "front matter"). */
  root: string;
  /** "key" (config) or "field" (authored format) in "unknown key" messages. */
  keyWord: 'key' | 'field';
  /** List the allowed keys when no near one exists (config). */
  listAllowed?: boolean;
  /** How a path is named in messages, when not `a.b[0].c` (`view "cv": select[0]`). */
  label?(path: YamlPath, value: unknown): string | undefined;
  /** Where a finding points, when not at its value or key (a missing `kind:` at the file's start). */
  locate?(p: Problem, y: LocatedYaml): Location | undefined;
}

/** What checking found, for the reader that turns the checked value into model values. */
export interface SchemaFindings {
  problems: Problem[];
  /** True when a finding is at `path` or inside it: the reader leaves that value out. */
  broken(path: YamlPath): boolean;
}

/** Findings reported per document at most; a huge broken file gets a count of the rest. */
export const MAX_PROBLEMS = 200;

/**
 * Ajv merges the errors of a referenced schema with `vErrors.concat(errors)`: a copy of every
 * error found so far, for each value that fails. On a huge broken file (20,000 views, each
 * wrong) that is quadratic, tens of seconds; appending in place keeps it linear.
 */
const CONCAT = /vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g;
/** Counts the rewrites, so a test notices when an Ajv upgrade changes the code it rewrites. */
export const concatRewrites = { count: 0 };
function appendInPlace(code: string): string {
  return code.replace(CONCAT, (_m, errs: string) => {
    concatRewrites.count++;
    return `if (vErrors === null) vErrors = ${errs}.slice(); else for (const e of ${errs}) vErrors.push(e);`;
  });
}

const ajv = new Ajv2020({
  allErrors: true,
  verbose: true,
  strictSchema: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  code: { process: appendInPlace },
});
// Messages for editors (VS Code's JSON and YAML support read them) and for our own wording.
ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
// Vitrine's own words: what a value must be (`x-expected`), advice after a finding (`x-hint`).
ajv.addKeyword({ keyword: 'x-expected', schemaType: 'string' });
ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });

const compiled = new Map<string, ValidateFunction>();
const pointers = new WeakMap<object, { name: string; pointer: string }>();

function register(d: DocumentSchema): void {
  if (ajv.getSchema(d.name)) return;
  for (const u of d.uses ?? []) register(u);
  ajv.addSchema(d.schema, d.name);
  index(d.schema, d.name, '');
}

/** Remembers where each sub-schema object sits, to re-check one alternative of a oneOf alone. */
function index(node: unknown, name: string, pointer: string): void {
  // A node used in several places keeps the first; its children were indexed from there.
  if (!node || typeof node !== 'object' || pointers.has(node)) return;
  pointers.set(node, { name, pointer });
  for (const [k, v] of Object.entries(node)) index(v, name, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

function validator(ref: string): ValidateFunction {
  let v = compiled.get(ref);
  if (!v) {
    v = ref.includes('#') ? ajv.compile({ $ref: ref }) : ajv.getSchema(ref)!;
    compiled.set(ref, v);
  }
  return v;
}

/** Where a sub-schema object of a registered schema sits (`authored-part.schema.json`, `/$defs/date`). */
export function schemaPointer(node: unknown): { name: string; pointer: string } | undefined {
  return node && typeof node === 'object' ? pointers.get(node) : undefined;
}

/**
 * Checks the value of `y` against the document's schema, reports every finding in the bag (in
 * the order of the file), and tells the caller which values are broken.
 */
export function checkDocument(d: DocumentSchema, y: LocatedYaml, bag: DiagnosticBag): SchemaFindings {
  register(d);
  const problems = findProblems(validator(d.name), y.value, []);
  const seen = new Set<string>();
  const located: { p: Problem; code: DiagnosticCode; at: Location }[] = [];
  for (const p of problems) {
    const code = d.code(p);
    if (!code) continue;
    const at = d.locate?.(p, y) ?? (p.key !== undefined ? y.keyAt([...p.path, p.key]) : y.at(p.path));
    const id = `${at.line}:${at.column}:${p.keyword}:${p.key ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    located.push({ p, code, at });
  }
  located.sort((a, b) => (a.at.line ?? 0) - (b.at.line ?? 0) || (a.at.column ?? 0) - (b.at.column ?? 0));
  // Words (and their "did you mean") only for the findings listed.
  for (const l of located.slice(0, MAX_PROBLEMS)) bag.add(l.code, problemMessage(l.p, d, d.label?.(l.p.path, y.value)), l.at);
  if (located.length > MAX_PROBLEMS) bag.add(located[MAX_PROBLEMS]!.code, `${located.length - MAX_PROBLEMS} more mistakes in this file are not listed`, located[MAX_PROBLEMS]!.at);
  // Every path that holds a finding, itself or below it: one lookup per question, even for a
  // huge file with thousands of findings.
  const holders = new Set<string>();
  for (const p of problems) for (let n = 0; n <= p.path.length; n++) holders.add(p.path.slice(0, n).map(String).join('\u0000'));
  return { problems, broken: (path) => holders.has(path.map(String).join('\u0000')) };
}

/** Runs a validator and resolves its `oneOf`/`anyOf` findings to the alternative meant. */
function findProblems(v: ValidateFunction, data: unknown, base: YamlPath): Problem[] {
  if (v(data)) return [];
  const out: Problem[] = [];
  for (const e of v.errors ?? []) {
    // propertyNames reports the name's own finding first; that one is kept.
    if (e.keyword === 'propertyNames') continue;
    const p = toProblem(e, data, base);
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') {
      out.push(p);
      continue;
    }
    // Ajv lists the findings of every alternative before the oneOf's own: drop them all (they
    // come from schema nodes reachable from the alternatives), and keep those of the
    // alternative that fits the value best, found by checking the value against each alone.
    const mine = reachable(e.schema, schemaPointer(e.schema)?.name);
    const within = (q: Problem) => q.path.length >= p.path.length && p.path.every((s, i) => String(q.path[i]) === String(s));
    // They were found while the alternatives were checked, so they end the list so far: look
    // back only while at or under the value (linear even with thousands of failing oneOfs).
    let start = out.length;
    while (start > 0 && within(out[start - 1]!)) start--;
    const kept = out.slice(start).filter((q) => !mine.has(q.parent));
    out.length = start;
    out.push(...kept);
    out.push(...chooseAlternative(p, e));
  }
  return out;
}

const reach = new WeakMap<object, Set<object>>();

/** Every schema node reachable from `node`, following `$ref`s. */
function reachable(node: unknown, name: string | undefined): Set<object> {
  if (!node || typeof node !== 'object') return new Set();
  let set = reach.get(node);
  if (set) return set;
  set = new Set<object>();
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object' || set.has(n)) continue;
    set.add(n);
    for (const [k, v] of Object.entries(n)) stack.push(k === '$ref' && typeof v === 'string' ? resolveRef(v, name) : v);
  }
  reach.set(node, set);
  return set;
}

function toProblem(e: ErrorObject, root: unknown, base: YamlPath): Problem {
  const path: (string | number)[] = [...base];
  let at: unknown = root;
  for (const raw of e.instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(at) ? Number(seg) : seg;
    path.push(step);
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[String(step)] : undefined;
  }
  const params = e.params as Record<string, unknown>;
  const key = e.keyword === 'additionalProperties' ? String(params.additionalProperty) : e.propertyName;
  return { path, keyword: e.keyword, params, schema: e.schema, parent: (e.parentSchema ?? {}) as Record<string, unknown>, data: e.data, ...(key !== undefined ? { key } : {}) };
}

function chooseAlternative(p: Problem, e: ErrorObject): Problem[] {
  const branches = (Array.isArray(e.schema) ? e.schema : []) as Record<string, unknown>[];
  const where = schemaPointer(e.schema);
  // `anyOf: [{ required: [id] }, { required: [kind] }]`: one of these keys is needed.
  if (branches.length && branches.every((b) => Array.isArray(b.required) && Object.keys(b).length === 1)) {
    return [{ ...p, keyword: 'needsOneOf', params: { names: branches.map((b) => (b.required as string[])[0]), exactly: e.keyword === 'oneOf' } }];
  }
  const fits = branches.map((b, i) => ({ b, i })).filter(({ b }) => accepts(b, p.data, where?.name));
  if (fits.length === 0 || !where) return [{ ...p, keyword: 'oneOfType', params: { types: branches.flatMap((b) => typesOf(b, where?.name)) } }];
  let best: Problem[] | undefined;
  for (const { i } of fits) {
    const found = findProblems(validator(`${where.name}#${where.pointer}/${i}`), p.data, p.path);
    if (!best || found.length < best.length) best = found;
  }
  // Every alternative passed alone, so more than one did: the value is ambiguous.
  return best!.length ? best! : [{ ...p, keyword: 'oneOfType', params: { types: branches.flatMap((b) => typesOf(b, where.name)) } }];
}

/** The JSON types a sub-schema admits ('any' when it does not say). */
function typesOf(s: unknown, name: string | undefined): string[] {
  if (!s || typeof s !== 'object') return ['any'];
  const o = s as Record<string, unknown>;
  if (typeof o.$ref === 'string') {
    const target = resolveRef(o.$ref, name);
    return target === undefined ? ['any'] : typesOf(target, name);
  }
  if (typeof o.type === 'string') return [o.type];
  if (Array.isArray(o.type)) return o.type as string[];
  if (Array.isArray(o.enum)) return [...new Set((o.enum as unknown[]).map(jsonType))];
  const alts = (o.oneOf ?? o.anyOf) as unknown[] | undefined;
  if (Array.isArray(alts)) return [...new Set(alts.flatMap((a) => typesOf(a, name)))];
  return ['any'];
}

function accepts(s: unknown, data: unknown, name: string | undefined): boolean {
  const t = jsonType(data);
  return typesOf(s, name).some((x) => x === 'any' || x === t || (x === 'number' && t === 'integer'));
}

/** The JSON Schema type of a plain value. */
export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function resolveRef(ref: string, name: string | undefined): unknown {
  const [file, pointer = ''] = ref.split('#');
  const root = ajv.getSchema(file || name || '')?.schema;
  let node: unknown = root;
  for (const seg of pointer.split('/').slice(1)) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}
