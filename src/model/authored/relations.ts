/**
 * The general relation form of a part's front matter, `relations: [{ type, to, ... }]`: each
 * entry becomes a relation from the part, with where its ends were written so a missing
 * target is reported at its own line.
 */
import type { Location } from '../../diagnostics/index.ts';
import type { Relation } from '../types.ts';
import type { FileScope } from './files.ts';
import { extensions, imsRecord, originAt, readDescription, readSourcedId } from './records.ts';
import { isObj, str, strings, term, text, type Cx } from './convert.ts';

export interface PendingRelation {
  relation: Relation;
  /** Where each `to` entry was written. */
  toAt: Location[];
  idAt: Location;
}

/** Reads `relations:` into `out`; an entry the schema check refused (no type or to) is left out. */
export function readRelationList(cx: Cx, v: unknown, from: string, scope: FileScope, out: PendingRelation[]): void {
  if (!Array.isArray(v)) return;
  v.forEach((x, i) => {
    const path = ['relations', i];
    if (!isObj(x)) return;
    const type = str(x.type);
    if (!type || x.to === undefined) return;
    const to = strings(x.to);
    const toAt = Array.isArray(x.to) ? to.map((_, j) => cx.y.at([...path, 'to', j])) : [cx.y.at([...path, 'to'])];
    const id = x.id === undefined ? `${from}.relations.${i + 1}` : str(x.id);
    if (!id) return;
    const rel: Relation = { id, type, from, to, extensions: [], origin: originAt(cx.y.at(path)) };
    if (x.text !== undefined) {
      const t = text(cx, x.text);
      if (t) rel.text = t;
    }
    if (x.comment !== undefined) {
      const t = text(cx, x.comment);
      if (t) rel.comment = t;
    }
    for (const k of ['typeTerm', 'category'] as const) {
      if (x[k] === undefined) continue;
      const t = term(x[k]);
      if (t) rel[k] = t;
    }
    if (x.description !== undefined) {
      const d = readDescription(cx, [...path, 'description'], x.description, scope);
      if (d) rel.description = d;
    }
    if (x.sourcedId !== undefined) {
      const sid = readSourcedId(x.sourcedId);
      if (sid) rel.sourcedId = sid;
    }
    if (x.implicit === true) rel.implicit = true;
    if (x.ims !== undefined) {
      const ims = imsRecord(x.ims);
      if (ims) rel.ims = ims;
    }
    if (x.leap2a !== undefined) {
      if (isObj(x.leap2a)) rel.leap2a = structuredClone(x.leap2a) as NonNullable<Relation['leap2a']>;
    }
    if (x.extensions !== undefined) rel.extensions = extensions(x.extensions);
    out.push({ relation: rel, toAt, idAt: x.id === undefined ? cx.y.at(path) : cx.y.at([...path, 'id']) });
  });
}
