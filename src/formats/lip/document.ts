/**
 * A part file: an IMS LIP `<learnerinformation>` holding one or more segments, or an IMS
 * ePortfolio part root (`<assertion>`, `<reflexion>`, `<participation>`, `<rubric>`).
 */
import { opt, record, attribute, type ReadContext } from '../xml/codec.ts';
import { NS, childElements, stripPositions, type XmlElement } from '../xml/tree.ts';
import { contentype, langString } from './common.ts';
import { identification } from './identification.ts';
import {
  accessibility,
  activity,
  affiliation,
  competency,
  goal,
  interest,
  qcl,
  relationship,
  securitykey,
  transcript,
} from './segments.ts';
import { assertion, participation, reflexion, rubric } from './eportfolio-parts.ts';
import { ASSERT, LIP, PARTICIPATION, REFLEX, RUBRIC } from './namespaces.ts';

/** Codecs of the segments a `<learnerinformation>` may hold, by element name. */
export const segmentCodecs = {
  identification,
  goal,
  qcl,
  activity,
  competency,
  transcript,
  accessibility,
  interest,
  affiliation,
  securitykey,
  relationship,
} as const;

/** Codecs of the IMS ePortfolio part roots, by element name, with their namespace. */
export const epRootCodecs = {
  assertion: { ns: ASSERT, codec: assertion },
  reflexion: { ns: REFLEX, codec: reflexion },
  participation: { ns: PARTICIPATION, codec: participation },
  rubric: { ns: RUBRIC, codec: rubric },
} as const;

type SegmentValues = { [K in keyof typeof segmentCodecs]: ReturnType<(typeof segmentCodecs)[K]['read']> } & {
  [K in keyof typeof epRootCodecs]: ReturnType<(typeof epRootCodecs)[K]['codec']['read']>;
};

/** One segment read from a part file, with its position. */
export type LipSegment = { [K in keyof SegmentValues]: { kind: K; value: SegmentValues[K]; line?: number; column?: number } }[keyof SegmentValues];

/** The `<learnerinformation>` wrapper's own fields (comment, contentype, language, extensions). */
export const learnerinfoHead = record({ ns: LIP, ext: 'ext_learnerinfo' }, [
  opt('comment', 'comment', langString),
  opt('contentype', 'contentype', contentype),
  attribute('lang', 'lang', NS.xml),
]);
/** The wrapper fields of a LIP document. */
export type LearnerInfoHead = ReturnType<typeof learnerinfoHead.read>;

/** A part file as read: its wrapper (for LIP) and its segments. */
export interface LipDocument {
  root: 'learnerinformation' | keyof typeof epRootCodecs;
  head?: LearnerInfoHead;
  segments: LipSegment[];
}

/** Tells whether an element is a part file root this module reads. */
export function isPartRoot(e: XmlElement): boolean {
  if (e.name === 'learnerinformation' && e.ns === LIP) return true;
  const ep = epRootCodecs[e.name as keyof typeof epRootCodecs];
  return ep !== undefined && ep.ns === e.ns;
}

/** Reads a part file's root element into segments; undefined when the root is not a part. */
export function readLipDocument(root: XmlElement, cx: ReadContext): LipDocument | undefined {
  const ep = epRootCodecs[root.name as keyof typeof epRootCodecs];
  if (ep && ep.ns === root.ns) {
    const value = ep.codec.read(root, cx);
    dropSchemaLocation(value);
    const seg = { kind: root.name, value, line: root.line, column: root.column } as LipSegment;
    return { root: root.name as keyof typeof epRootCodecs, segments: [seg] };
  }
  if (root.name !== 'learnerinformation' || root.ns !== LIP) return undefined;
  const segments: LipSegment[] = [];
  const rest: XmlElement = { ...root, children: [] };
  for (const c of childElements(root)) {
    const codec = c.ns === LIP ? segmentCodecs[c.name as keyof typeof segmentCodecs] : undefined;
    if (codec) {
      segments.push({ kind: c.name, value: codec.read(c, cx), line: c.line, column: c.column } as LipSegment);
    } else rest.children.push(c);
  }
  const head = learnerinfoHead.read(rest, cx);
  dropSchemaLocation(head);
  return { root: 'learnerinformation', head, segments };
}

/** xsi:schemaLocation is the exporter's business, not the portfolio's: it is not kept. */
function dropSchemaLocation(v: { unknownAttrs?: { ns: string }[] }): void {
  if (!v.unknownAttrs) return;
  v.unknownAttrs = v.unknownAttrs.filter((a) => a.ns !== NS.xsi);
  if (!v.unknownAttrs.length) delete v.unknownAttrs;
}

/** Writes a part file's root element from its segments. */
export function writeLipDocument(doc: LipDocument): XmlElement {
  if (doc.root !== 'learnerinformation') {
    const seg = doc.segments[0]!;
    const ep = epRootCodecs[doc.root];
    return (ep.codec as { write(v: unknown, ns: string, n: string): XmlElement }).write(seg.value, ep.ns, doc.root);
  }
  const wrapper = learnerinfoHead.write(doc.head ?? {}, LIP, 'learnerinformation');
  const segs = doc.segments.map((s) => {
    const codec = segmentCodecs[s.kind as keyof typeof segmentCodecs] as { write(v: unknown, ns: string, n: string): XmlElement };
    return codec.write(s.value, LIP, s.kind);
  });
  // Order per the schema: comment, contentype, segments, ext_learnerinfo; unknown children last.
  const kids = childElements(wrapper);
  const headKids = kids.filter((k) => k.ns === LIP && (k.name === 'comment' || k.name === 'contentype'));
  const ext = kids.filter((k) => k.ns === LIP && k.name === 'ext_learnerinfo');
  const other = kids.filter((k) => !headKids.includes(k) && !ext.includes(k));
  return { ...wrapper, children: [...headKids, ...segs, ...ext, ...other].map((k) => stripPositions(k)) };
}
