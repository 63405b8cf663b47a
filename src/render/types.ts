/**
 * The data templates receive. This is the theme's contract with designers: documented in
 * docs/templates.md, and kept small and display-ready (titles resolved, dates formatted,
 * links relative), so a template never needs to know a source format.
 */
import type { Access, PersonalDataItem } from '../views/types.ts';
import type { PartKind } from '../model/types.ts';

/** A link to another part of the same view. */
export interface PartRef {
  id: string;
  slug: string;
  kind: PartKind;
  title: string;
  /** Relative to the view root: `<slug>/index.html`. */
  href: string;
}

/** A relation as shown on a part page: the verb and the part at the other end. */
export interface RelationLink {
  type: string;
  /** The relation verb in the view's language, read in this direction ("evidences", "is evidenced by"). */
  label: string;
  part: PartRef;
  text?: string;
}

/** A media item as a template shows it. */
export interface MediaData {
  kind: 'image' | 'audio' | 'video' | 'pdf' | 'document' | 'text' | 'html' | 'link' | 'missing';
  /** Relative to the view root. */
  href?: string;
  name?: string;
  mediaType?: string;
  size?: number;
  sizeLabel?: string;
  alt?: string;
  /** Inline text (plain) or sanitized HTML for `html`. */
  text?: string;
  image?: {
    width: number;
    height: number;
    src: string;
    /** `srcset` strings by format, largest first. */
    srcset: { type: string; srcset: string }[];
  };
  /** Caption/subtitle tracks and transcripts found beside audio and video. */
  tracks?: { href: string; lang?: string; kind: 'captions' | 'subtitles' }[];
  transcript?: { href: string; name: string };
}

/** One labelled value of a part's details. */
export interface DetailRow {
  label: string;
  value: string;
  href?: string;
  /** Nested rows (an address, an evaluation). */
  rows?: DetailRow[];
}

/** A dated event of a part, formatted for the view's language. */
export interface DateData {
  type?: string;
  label: string;
  iso: string;
  display: string;
}

/** Everything a template needs about one part. */
export interface PartData extends PartRef {
  lang?: string;
  /** The part's type within its kind (typename), e.g. "Essay". */
  type?: string;
  summary?: string;
  /** Long description as plain text paragraphs. */
  paragraphs: string[];
  comment?: string;
  dates: DateData[];
  status?: { label: string; date?: DateData };
  priority?: string;
  author?: string;
  rationale: string[];
  tags: string[];
  media: MediaData[];
  details: DetailRow[];
  /** Rubric grid: dimensions by outcomes. */
  rubric?: { outcomes: string[]; dimensions: { title: string; description?: string; cells: string[] }[] };
  parent?: PartRef;
  children: PartRef[];
  outgoing: RelationLink[];
  incoming: RelationLink[];
}

/** A group of parts on the view's front page, in selection order. */
export interface SectionData {
  kind: PartKind;
  heading: string;
  parts: PartData[];
}

/** One view as templates see it. */
export interface ViewData {
  id: string;
  folder: string;
  title: string;
  description?: string;
  lang: string;
  access: Access;
  noindex: boolean;
  preview: boolean;
  owner?: PartData;
  parts: PartData[];
  sections: SectionData[];
  personalData: PersonalDataItem[];
  /** Relative to the view root, when the view ships its package. */
  packageHref?: string;
  /** The theme's words in the view's language. */
  t: Record<string, string>;
  /** Content hash of the view's stylesheet, for cache busting. */
  css: string;
}
