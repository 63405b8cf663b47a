/**
 * Moves what a reader did not understand (ext_ slots, unknown children, unknown attributes)
 * out of an IMS record into the part's `extensions`, with a JSON pointer saying where it
 * belongs, and puts it back on export.
 */
import type { XmlElement } from '../../formats/xml/tree.ts';
import type { Residue, UnknownChild } from '../../formats/xml/codec.ts';
import type { Extension } from '../types.ts';

type Obj = Record<string, unknown>;

function isXmlElement(v: unknown): v is XmlElement {
  return !!v && typeof v === 'object' && (v as { type?: unknown }).type === 'element' && 'ns' in (v as object);
}

/** Removes ext/unknown/unknownAttrs from a record tree (in place) and returns them as extensions. */
export function takeExtensions(root: unknown, path = ''): Extension[] {
  const out: Extension[] = [];
  walk(root, path, out);
  return out;
}

function walk(v: unknown, path: string, out: Extension[]): void {
  if (!v || typeof v !== 'object' || isXmlElement(v)) return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, `${path}/${i}`, out));
    return;
  }
  const o = v as Obj & Residue;
  if ('ref' in o && Object.keys(o).length === 1) return; // a nested-part placeholder
  if (o.ext) {
    out.push({ path, slot: 'ext', element: o.ext });
    delete o.ext;
  }
  if (o.unknown) {
    for (const u of o.unknown as UnknownChild[]) {
      const e: Extension = { path, slot: 'unknown', element: u.element, after: u.after };
      if (u.origin) e.origin = u.origin;
      out.push(e);
    }
    delete o.unknown;
  }
  if (o.unknownAttrs) {
    // Attributes travel inside a carrier element so that every extension has one shape.
    out.push({ path, slot: 'unknown', element: { type: 'element', ns: '', name: '@attributes', attrs: o.unknownAttrs, children: [] }, after: '@' });
    delete o.unknownAttrs;
  }
  for (const [k, x] of Object.entries(o)) walk(x, `${path}/${k}`, out);
}

/** Puts extensions back into a record tree at their paths; returns the ones whose path is gone. */
export function restoreExtensions(root: unknown, extensions: Extension[], base = ''): Extension[] {
  const lost: Extension[] = [];
  for (const x of extensions) {
    if (!x.path.startsWith(base)) continue;
    const target = resolvePointer(root, x.path.slice(base.length));
    if (!target || typeof target !== 'object' || Array.isArray(target)) {
      lost.push(x);
      continue;
    }
    const t = target as Obj & Residue;
    if (x.slot === 'ext') t.ext = x.element;
    else if (x.after === '@' && x.element.name === '@attributes') t.unknownAttrs = [...(t.unknownAttrs ?? []), ...x.element.attrs];
    else (t.unknown ??= []).push({ after: x.after ?? null, element: x.element });
  }
  return lost;
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[seg];
  }
  return cur;
}
