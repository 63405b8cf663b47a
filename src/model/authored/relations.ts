/**
 * The general relation form of a part's front matter, `relations: [{ type, to, ... }]`: each
 * entry becomes a relation from the part, with where its ends were written so a missing
 * target is reported at its own line.
 */
import type { Location } from '../../diagnostics/index.ts';
import type { Relation } from '../types.ts';
import type { FileScope } from './files.ts';
import { RELATION_ENTRY_FIELDS } from './fields.ts';
import { extensions, imsRecord, originAt, readDescription, readSourcedId } from './records.ts';
import { checkKeys, invalid, isObj, str, strings, term, text, type Cx } from './values.ts';

export interface PendingRelation {
  relation: Relation;
  /** Where each `to` entry was written. */
  toAt: Location[];
  idAt: Location;
}

/** Reads `relations:` into `out`, reporting each malformed entry. */
export function readRelationList(cx: Cx, v: unknown, from: string, scope: FileScope, out: PendingRelation[]): void {
  if (!Array.isArray(v)) {
    invalid(cx, ['relations'], 'relations must be a list of { type, to }');
    return;
  }
  v.forEach((x, i) => {
    const path = ['relations', i];
    if (!isObj(x)) return void invalid(cx, path, 'a relation must be a mapping { type, to }');
    checkKeys(cx, path, x, RELATION_ENTRY_FIELDS, 'relation');
    const type = x.type === undefined ? invalid(cx, path, 'a relation needs type: (Evidences, ReflectsOn, isAnnotatedBy, ...)') : str(cx, [...path, 'type'], x.type);
    if (x.to === undefined) invalid(cx, path, 'a relation needs to: (the id of a part, or a list of ids)');
    if (!type || x.to === undefined) return;
    const to = strings(cx, [...path, 'to'], x.to);
    const toAt = Array.isArray(x.to) ? to.map((_, j) => cx.y.at([...path, 'to', j])) : [cx.y.at([...path, 'to'])];
    const id = x.id === undefined ? `${from}.relations.${i + 1}` : str(cx, [...path, 'id'], x.id);
    if (!id) return;
    const rel: Relation = { id, type, from, to, extensions: [], origin: originAt(cx.y.at(path)) };
    const noLang = { ...cx };
    delete noLang.lang;
    if (x.text !== undefined) {
      const t = text(cx, [...path, 'text'], x.text);
      if (t) rel.text = t;
    }
    if (x.comment !== undefined) {
      const t = text(cx, [...path, 'comment'], x.comment);
      if (t) rel.comment = t;
    }
    for (const k of ['typeTerm', 'category'] as const) {
      if (x[k] === undefined) continue;
      const t = term(noLang, [...path, k], x[k]);
      if (t) rel[k] = t;
    }
    if (x.description !== undefined) {
      const d = readDescription(cx, [...path, 'description'], x.description, scope);
      if (d) rel.description = d;
    }
    if (x.sourcedId !== undefined) {
      const sid = readSourcedId(cx, [...path, 'sourcedId'], x.sourcedId);
      if (sid) rel.sourcedId = sid;
    }
    if (x.implicit === true) rel.implicit = true;
    if (x.ims !== undefined) {
      const ims = imsRecord(cx, [...path, 'ims'], x.ims);
      if (ims) rel.ims = ims;
    }
    if (x.leap2a !== undefined) {
      if (isObj(x.leap2a)) rel.leap2a = structuredClone(x.leap2a) as NonNullable<Relation['leap2a']>;
      else invalid(cx, [...path, 'leap2a'], 'leap2a must be a mapping as vitrine pack writes it');
    }
    if (x.extensions !== undefined) rel.extensions = extensions(cx, [...path, 'extensions'], x.extensions);
    out.push({ relation: rel, toAt, idAt: x.id === undefined ? cx.y.at(path) : cx.y.at([...path, 'id']) });
  });
}
