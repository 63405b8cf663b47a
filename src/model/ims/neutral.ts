/**
 * Field-by-field conversions between LIP building blocks and neutral model fields:
 * typename ↔ Term, date ↔ PartDate, status ↔ PartStatus, description ↔ PartDescription.
 */
import type { Description, LangString, LipDate, Media, Status, TypeName } from '../../formats/lip/common.ts';
import type { MediaItem, PartDate, PartDescription, PartStatus, Term, Text } from '../types.ts';

/** Resolves media references while reading, and encodes files while writing. */
export interface MediaCodec {
  read(m: Media): MediaItem;
  write(item: MediaItem): Media;
  /** Reports a change made to the part's text while reading (HtmlSanitized), at the part. */
  report?(message: string): void;
}

/** LIP language string → Text. */
export function toText(s: LangString | undefined): Text | undefined {
  if (!s) return undefined;
  const t: Text = { value: s.value ?? '' };
  if (s.lang) t.lang = s.lang;
  return t;
}
/** Text → LIP language string. */
export function fromText(t: Text | undefined): LangString | undefined {
  if (!t) return undefined;
  return t.lang ? { value: t.value, lang: t.lang } : { value: t.value };
}

/** LIP typename → Term. */
export function toTerm(t: TypeName | undefined): Term | undefined {
  if (!t) return undefined;
  const term: Term = { value: t.value.value ?? '' };
  if (t.value.lang) term.lang = t.value.lang;
  if (t.source?.value !== undefined) term.source = t.source.value;
  if (t.source?.sourcetype) term.sourceType = t.source.sourcetype;
  if (t.source && t.source.value === undefined && !t.source.sourcetype) term.source = '';
  return term;
}
/** Term → LIP typename. */
export function fromTerm(t: Term | undefined): TypeName | undefined {
  if (!t) return undefined;
  const out: TypeName = { value: fromText({ value: t.value, ...(t.lang ? { lang: t.lang } : {}) })! };
  if (t.source !== undefined || t.sourceType !== undefined) {
    out.source = {};
    if (t.source) out.source.value = t.source;
    if (t.sourceType) out.source.sourcetype = t.sourceType;
  }
  return out;
}

/** LIP description → PartDescription. */
export function toDescription(d: Description | undefined, media: MediaCodec): PartDescription | undefined {
  if (!d) return undefined;
  const out: PartDescription = { full: (d.full?.media ?? []).map((m) => media.read(m)) };
  const short = toText(d.short);
  if (short && (short.value || short.lang)) out.short = short;
  const long = toText(d.long);
  if (long) out.long = long;
  const fc = toText(d.full?.comment);
  if (fc) out.fullComment = fc;
  if (d.full && !d.full.media.length && !fc) out.full = [];
  return out;
}
/** PartDescription → LIP description. */
export function fromDescription(d: PartDescription | undefined, media: MediaCodec): Description | undefined {
  if (!d) return undefined;
  const out: Description = { short: fromText(d.short) ?? {} };
  if (d.long) out.long = fromText(d.long)!;
  if (d.full.length || d.fullComment) {
    out.full = { media: d.full.map((m) => media.write(m)) };
    if (d.fullComment) out.full.comment = fromText(d.fullComment)!;
  }
  return out;
}

/** LIP date → PartDate. */
export function toDate(d: LipDate, media: MediaCodec): PartDate {
  const out: PartDate = { value: d.datetime };
  const type = toTerm(d.typename);
  if (type) out.type = type;
  const desc = toDescription(d.description, media);
  if (desc) out.description = desc;
  return out;
}
/** PartDate → LIP date. */
export function fromDate(d: PartDate, media: MediaCodec): LipDate {
  const out: LipDate = { datetime: d.value };
  if (d.type) out.typename = fromTerm(d.type)!;
  if (d.description) out.description = fromDescription(d.description, media)!;
  return out;
}

/** LIP status → PartStatus. */
export function toStatus(s: Status | undefined, media: MediaCodec): PartStatus | undefined {
  if (!s) return undefined;
  const out: PartStatus = {};
  const type = toTerm(s.typename);
  if (type) out.type = type;
  if (s.date) out.date = toDate(s.date, media);
  const desc = toDescription(s.description, media);
  if (desc) out.description = desc;
  return out;
}
/** PartStatus → LIP status. */
export function fromStatus(s: PartStatus | undefined, media: MediaCodec): Status | undefined {
  if (!s) return undefined;
  const out: Status = {};
  if (s.type) out.typename = fromTerm(s.type)!;
  if (s.date) out.date = fromDate(s.date, media);
  if (s.description) out.description = fromDescription(s.description, media)!;
  return out;
}
