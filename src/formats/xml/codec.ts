/**
 * Declarative, typed codecs between XML elements and plain objects. A record codec lists its
 * children in schema sequence order, so generating writes valid order; reading keeps every
 * child, attribute and extension slot it does not know (`unknown`, `unknownAttrs`, `ext`), so
 * nothing is lost and it is written back. Types are inferred from the field lists.
 */
import { NS, childElements, ownText, stripPositions, type XmlAttr, type XmlElement, type XmlNode } from './tree.ts';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';

/** What a codec needs while reading: where it is and where to report. */
export interface ReadContext {
  file: string;
  diagnostics: DiagnosticBag;
}

/** Converts one element to a value and back. */
export interface Codec<T> {
  read(e: XmlElement, cx: ReadContext): T;
  write(value: T, ns: string, name: string): XmlElement;
}

/** A child element that no field knows, kept with the name of the known child it followed. */
export interface UnknownChild {
  after: string | null;
  element: XmlElement;
  /** Where it was read from (dropped when comparing models). */
  origin?: Location;
}

/** What every record keeps besides its typed fields. */
export interface Residue {
  /** The schema's extension slot (`ext_product`, ...) verbatim, when present. */
  ext?: XmlElement;
  /** Children the schema does not have here, in order. */
  unknown?: UnknownChild[];
  /** Attributes no field knows. */
  unknownAttrs?: XmlAttr[];
}

/** How many times a child may occur. */
export type Card = 'one' | 'opt' | 'many';

/** One child field of a record. */
export interface ChildField<K extends string, T, C extends Card> {
  kind: 'child';
  key: K;
  name: string;
  ns?: string;
  codec: Codec<T>;
  card: C;
}

/** A group of alternative children occurring in any order; read as a tagged list. */
export interface ChoiceField<K extends string, M extends Record<string, unknown>> {
  kind: 'choice';
  key: K;
  ns?: string;
  codecs: { [N in keyof M]: Codec<M[N]> };
}

/** An attribute field of a record. */
export interface AttrField<K extends string> {
  kind: 'attr';
  key: K;
  name: string;
  ns: string;
}

/** The element's own text as a field. */
export interface TextField<K extends string> {
  kind: 'text';
  key: K;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = ChildField<string, any, Card> | ChoiceField<string, any> | AttrField<string> | TextField<string>;

/** One entry of a choice list: which element, and its value. */
export type ChoiceItem<M> = { [N in keyof M]: { el: N; value: M[N] } }[keyof M];

type ValueOf<F> =
  F extends ChildField<string, infer T, infer C>
    ? C extends 'many'
      ? T[]
      : T
    : F extends ChoiceField<string, infer M>
      ? ChoiceItem<M>[]
      : string;

type IsOptional<F> =
  F extends ChildField<string, unknown, infer C> ? (C extends 'opt' ? true : false) : F extends AttrField<string> ? true : F extends TextField<string> ? true : false;

/** The object type a list of fields describes. */
export type RecordOf<Fs extends readonly AnyField[]> = {
  [F in Fs[number] as IsOptional<F> extends true ? never : F['key']]: ValueOf<F>;
} & {
  [F in Fs[number] as IsOptional<F> extends true ? F['key'] : never]?: ValueOf<F>;
} & Residue;

/** A required child. */
export function one<K extends string, T>(key: K, name: string, codec: Codec<T>, ns?: string): ChildField<K, T, 'one'> {
  return { kind: 'child', key, name, codec, card: 'one', ...(ns !== undefined ? { ns } : {}) };
}
/** An optional child. */
export function opt<K extends string, T>(key: K, name: string, codec: Codec<T>, ns?: string): ChildField<K, T, 'opt'> {
  return { kind: 'child', key, name, codec, card: 'opt', ...(ns !== undefined ? { ns } : {}) };
}
/** A repeated child. */
export function many<K extends string, T>(key: K, name: string, codec: Codec<T>, ns?: string): ChildField<K, T, 'many'> {
  return { kind: 'child', key, name, codec, card: 'many', ...(ns !== undefined ? { ns } : {}) };
}
/** A repeated choice between several children, in document order. */
export function choice<K extends string, M extends Record<string, unknown>>(
  key: K,
  codecs: { [N in keyof M]: Codec<M[N]> },
  ns?: string,
): ChoiceField<K, M> {
  return { kind: 'choice', key, codecs, ...(ns !== undefined ? { ns } : {}) };
}
/** An attribute. */
export function attribute<K extends string>(key: K, name: string, ns = ''): AttrField<K> {
  return { kind: 'attr', key, name, ns };
}
/** The element's text content (trimmed). */
export function textContent<K extends string>(key: K): TextField<K> {
  return { kind: 'text', key };
}

/** Options of a record codec: the namespace of its children and its extension slot name. */
export interface RecordOptions {
  ns: string;
  ext?: string;
}

/** Collapses text the way the model stores it: trimmed, line endings already normalised. */
function cleanText(s: string): string {
  return s.trim();
}

/** Builds a codec for an element with the given fields, in schema order. */
export function record<const Fs extends readonly AnyField[]>(options: RecordOptions, fields: Fs): Codec<RecordOf<Fs>> {
  const known = new Map<string, AnyField>();
  for (const f of fields) {
    if (f.kind === 'child') known.set(`${f.ns ?? options.ns}|${f.name}`, f);
    if (f.kind === 'choice') for (const n of Object.keys(f.codecs)) known.set(`${f.ns ?? options.ns}|${n}`, f);
  }
  const knownAttrs = new Set(fields.filter((f) => f.kind === 'attr').map((f) => `${(f as AttrField<string>).ns}|${(f as AttrField<string>).name}`));

  return {
    read(e, cx) {
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        if (f.kind === 'child' && f.card === 'many') out[f.key] = [];
        if (f.kind === 'choice') out[f.key] = [];
      }
      let after: string | null = null;
      for (const c of childElements(e)) {
        if (options.ext && c.name === options.ext && c.ns === options.ns) {
          out.ext = stripPositions(c);
          continue;
        }
        const f = known.get(`${c.ns}|${c.name}`);
        if (!f) {
          const u: UnknownChild = { after, element: stripPositions(c), origin: { file: cx.file, line: c.line ?? 0, column: c.column ?? 0 } };
          ((out.unknown ??= []) as UnknownChild[]).push(u);
          continue;
        }
        after = c.name;
        if (f.kind === 'choice') {
          (out[f.key] as unknown[]).push({ el: c.name, value: f.codecs[c.name]!.read(c, cx) });
        } else if (f.kind === 'child') {
          const v = f.codec.read(c, cx);
          if (f.card === 'many') (out[f.key] as unknown[]).push(v);
          else if (out[f.key] === undefined) out[f.key] = v;
          else {
            cx.diagnostics.add('XmlValueInvalid', `<${e.name}> has more than one <${c.name}>; the later ones are kept as unknown content`, {
              file: cx.file,
              ...(c.line !== undefined ? { line: c.line, column: c.column } : {}),
            });
            ((out.unknown ??= []) as UnknownChild[]).push({ after, element: stripPositions(c) });
          }
        }
      }
      for (const f of fields) {
        if (f.kind === 'child' && f.card === 'one' && out[f.key] === undefined) {
          cx.diagnostics.add('XmlMissingRequired', `<${e.name}> has no <${f.name}>`, {
            file: cx.file,
            ...(e.line !== undefined ? { line: e.line, column: e.column } : {}),
          });
          out[f.key] = f.codec.read({ type: 'element', ns: f.ns ?? options.ns, name: f.name, attrs: [], children: [] }, cx);
        }
        if (f.kind === 'attr') {
          const a = e.attrs.find((x) => x.name === f.name && x.ns === f.ns);
          if (a) out[f.key] = a.value;
        }
        if (f.kind === 'text') {
          const t = cleanText(ownText(e));
          if (t) out[f.key] = t;
        }
      }
      const extraAttrs = e.attrs.filter((a) => !knownAttrs.has(`${a.ns}|${a.name}`));
      if (extraAttrs.length) out.unknownAttrs = extraAttrs.map((a) => ({ ...a }));
      return out as RecordOf<Fs>;
    },
    write(value, ns, name) {
      const v = value as Record<string, unknown> & Residue;
      const attrs: XmlAttr[] = [];
      const children: XmlNode[] = [];
      for (const f of fields) {
        const fv = v[f.key];
        if (f.kind === 'attr') {
          if (typeof fv === 'string') attrs.push(f.ns === NS.xml ? { ns: f.ns, name: f.name, prefix: 'xml', value: fv } : { ns: f.ns, name: f.name, value: fv });
        } else if (f.kind === 'text') {
          if (typeof fv === 'string' && fv !== '') children.push({ type: 'text', text: fv });
        } else if (f.kind === 'child') {
          const list = f.card === 'many' ? ((fv as unknown[] | undefined) ?? []) : fv === undefined ? [] : [fv];
          for (const item of list) children.push(f.codec.write(item, f.ns ?? options.ns, f.name));
        } else {
          const codecs = f.codecs as Record<string, Codec<unknown>>;
          for (const item of (fv as { el: string; value: unknown }[] | undefined) ?? []) {
            const codec = codecs[item.el];
            if (codec) children.push(codec.write(item.value, f.ns ?? options.ns, item.el));
          }
        }
      }
      const placed = v.unknown?.length ? placeUnknown(children, v.unknown) : children;
      if (options.ext && v.ext) placed.push({ ...v.ext, ns: options.ns, name: options.ext });
      for (const a of v.unknownAttrs ?? []) attrs.push({ ...a });
      return { type: 'element', ns, name, attrs, children: placed };
    },
  };
}

/**
 * Puts unknown children back right after the last run of the known element they followed
 * (or first, when they came first), so that reading the output again gives the same `after`.
 */
function placeUnknown(children: XmlNode[], unknown: UnknownChild[]): XmlNode[] {
  const rest = [...unknown];
  const take = (after: string | null): XmlElement[] => {
    const got: XmlElement[] = [];
    for (let j = 0; j < rest.length; ) {
      if (rest[j]!.after === after) got.push(rest.splice(j, 1)[0]!.element);
      else j++;
    }
    return got;
  };
  const placed: XmlNode[] = take(null);
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    placed.push(c);
    const next = children[i + 1];
    const endOfRun = c.type === 'element' && (!next || next.type !== 'element' || next.name !== c.name);
    if (endOfRun) placed.push(...take(c.name));
  }
  for (const r of rest) placed.push(r.element);
  return placed;
}

/** Text content, trimmed; written as a text node. */
export const str: Codec<string> = {
  read: (e) => cleanText(ownText(e)),
  write: (v, ns, name) => ({ type: 'element', ns, name, attrs: [], children: v === '' ? [] : [{ type: 'text', text: v }] }),
};

/** An element kept whole, for schema slots typed `anyType` that Vitrine does not interpret. */
export const anyElement: Codec<XmlElement> = {
  read: (e) => stripPositions(e),
  write: (v, ns, name) => ({ ...v, ns, name }),
};

/** A codec resolved on first use, for recursive elements (a goal holds goals). */
export function lazy<T>(get: () => Codec<T>): Codec<T> {
  return {
    read: (e, cx) => get().read(e, cx),
    write: (v, ns, name) => get().write(v, ns, name),
  };
}
