/**
 * The Portfolio: one model for every format. Neutral fields hold what a site and other formats
 * need (titles, descriptions, dates, status, authorship, files, relations); `ims` holds the
 * rest of an IMS part's typed record so an IMS → IMS round trip loses nothing. An edit to a
 * neutral field shows up in every export, because exports are generated from these fields.
 */
import type { Location } from '../diagnostics/index.ts';
import type { XmlElement } from '../formats/xml/tree.ts';
import type { LipSegment, LearnerInfoHead } from '../formats/lip/document.ts';
import type { Manifest } from '../formats/ims-package/manifest.ts';
import type { BadgeRecord, Fact, Grouping, Person, Qualification, ResumeRecord, Rubric, Text } from './neutral-types.ts';
import type { PageLayout } from './page-layout.ts';

export type * from './neutral-types.ts';
export type { PageBlock, PageCell, PageLayout, PageType } from './page-layout.ts';

/** Every part kind Vitrine knows. */
export const PART_KINDS = [
  'identification',
  'activity',
  'affiliation',
  'assertion',
  'reflexion',
  'competency',
  'goal',
  'interest',
  'participation',
  'product',
  'qcl',
  'rubric',
  'securitykey',
  'transcript',
  'accessibility',
] as const;
/** A kind of portfolio part. */
export type PartKind = (typeof PART_KINDS)[number];


/** A value from a vocabulary: `Create` from `imsdefault`, `Essay` from a proprietary list. */
export interface Term {
  value: string;
  lang?: string;
  /** The vocabulary's name (`tysource` text). */
  source?: string;
  /** `imsdefault`, `proprietary`, `standard`, ... */
  sourceType?: string;
}

/** A media item of a part's full description: inline text, a file, or an external link. */
export interface MediaItem {
  /** `Text`, `Image`, `Audio`, `Video`, ... as the source said. */
  mode?: string;
  mimeType?: string;
  /** How the source carried it: a `uri`, inline Base-64 (decoded into `file`), or inline text. */
  carrier: 'uri' | 'base64' | 'text';
  /** The package path of the file, for `uri` pointing inside the package and for `base64`. */
  file?: string;
  /** The text for `text`; the reference as written for a `uri` that is not a package file. */
  text?: string;
  /** The original contentreftype attribute when it was not one of the usual spellings. */
  refType?: string;
}

/** A part's description: a short line, a longer text, and full media. */
export interface PartDescription {
  short?: Text;
  long?: Text;
  full: MediaItem[];
  /** Comment on the full description, as some exporters write. */
  fullComment?: Text;
}

/** A typed date of a part: Create, Update, Start, Finish, Target, Award, Birth, ... */
export interface PartDate {
  type?: Term;
  /** The date-time as the source wrote it (ISO 8601 expected; not rewritten). */
  value: string;
  description?: PartDescription;
}

/** A part's status (`Active`, `Completed`, ...) with its date. */
export interface PartStatus {
  type?: Term;
  date?: PartDate;
  description?: PartDescription;
}

/** Something kept verbatim because Vitrine did not understand it, with where it came from. */
export interface Extension {
  /** Where in the part's record it belongs (a JSON pointer into the IMS record), or '' for the part. */
  path: string;
  /** `ext` for a schema extension slot, `unknown` for an element the schema does not have there. */
  slot: 'ext' | 'unknown';
  element: XmlElement;
  /** For `unknown`: the known element it followed. */
  after?: string | null;
  /** Where it was read from (not compared between models). */
  origin?: Location;
}

/** An identifier a source system gave a part. */
export interface SourcedId {
  source: string;
  id: string;
}

/** One item of the portfolio. */
export interface Part {
  /** The id as the source gave it (`indexid`, `sourcedid/id`, Leap2A id); unique in the portfolio. */
  id: string;
  kind: PartKind;
  /** URL-safe name, stable across rebuilds. */
  slug: string;
  sourcedId?: SourcedId;
  /** A title distinct from the short description (a qualification's title). */
  title?: Text;
  description?: PartDescription;
  /** The part's type within its kind (typename): Essay, Education, Professional, ... */
  type?: Term;
  comment?: Text;
  dates: PartDate[];
  status?: PartStatus;
  priority?: Text;
  /** Who wrote an assertion or reflexion, and in what language. */
  author?: Text;
  rationale: Text[];
  tags: string[];
  /** Package paths of every file the part uses (media, attachments). */
  files: string[];
  /** The part this one is nested in (a product inside an activity, a sub-goal). */
  parent?: string;
  /** The person, on an identification part (neutral; every format reads and writes it). */
  person?: Person;
  /** A qualification's facts (qcl parts). */
  qualification?: Qualification;
  /** How a CV shows the part, where the source says (résumé entries, JSON Resume sections). */
  resume?: ResumeRecord;
  /** A rubric's criteria and levels (rubric parts). */
  rubric?: Rubric;
  /** Other labelled facts for pages (see `Fact`). */
  facts?: Fact[];
  /** A page's blocks on a grid, as its owner laid it out (a Mahara page); derived like `facts`, the format record stays the truth. */
  page?: PageLayout;
  /** What the part groups, when it is a grouping its owner made in the source system (a Leap2A selection); derived by the reader. */
  grouping?: Grouping;
  /** When the part was published, as the source wrote it (Atom `published`); derived by the reader, the format record stays the truth. */
  published?: string;
  /** The IMS-specific remainder of the part, typed; see `ImsPartRecord`. */
  ims?: ImsPartRecord;
  /** The Leap2A-specific remainder of the part; see `Leap2aPartRecord`. */
  leap2a?: Leap2aPartRecord;
  /** An Open Badge this assertion part is, with what could be verified offline. */
  badge?: BadgeRecord;
  /** The JSON Resume remainder of the part, for a lossless round trip; see `JsonResumePartRecord`. */
  jsonresume?: JsonResumePartRecord;
  extensions: Extension[];
  /** Where the part was read from, set once by its reader; diagnostics point here. */
  origin?: Location;
}

/** IMS detail that has no neutral field: the rest of the LIP/ePortfolio record. */
export interface ImsPartRecord {
  /** The element the part was (`testimonial` inside an activity is an assertion part). */
  element: string;
  /** The record minus the fields mapped to neutral fields and minus extensions. */
  record: Record<string, unknown>;
  /** The `<learnerinformation>` wrapper of the file the part came from. */
  document?: LearnerInfoHead;
  /** Package path of the part file, to keep file names stable on re-export. */
  file?: string;
  /** Position of the part among the siblings of its parent (activity items order). */
  position?: number;
}

/** A typed link from one part to one or more parts (or to another relation, for Claims). */
export interface Relation {
  id: string;
  /** The relation name as written: Evidences, ReflectsOn, supports, isAnnotadBy, ... */
  type: string;
  /** The full typename of the relation name, when the source gave more than the value. */
  typeTerm?: Term;
  /** Free text on the relation (tuplerelation/text). */
  text?: Text;
  from: string;
  to: string[];
  /** The relationship's own typename (a category, not the relation name). */
  category?: Term;
  description?: PartDescription;
  comment?: Text;
  sourcedId?: SourcedId;
  /** True when the relation comes from nesting (a product inside an activity), not from a relationship. */
  implicit?: boolean;
  ims?: ImsPartRecord;
  /** Leap2A detail: `leap2:display_order` of each end in `to` (same index), when written. */
  leap2a?: { displayOrder?: (number | null)[] };
  extensions: Extension[];
  /** Where the relation was read from. */
  origin?: Location;
}

/** A caption or subtitle track of an audio or video file (WebVTT). */
export interface CaptionTrack {
  /** Package path of the track file. */
  path: string;
  lang?: string;
  label?: string;
  /** `captions` (default) or `subtitles`, `descriptions`. */
  kind?: 'captions' | 'subtitles' | 'descriptions';
}

/**
 * What the owner said about a file, where the source format can say it (the authored format,
 * Leap2A resource titles): its title and alt text, a caption, and the alternatives an audience
 * may need (captions and transcripts for sound, long descriptions and sign language for images
 * and video). Paths are package paths of other files of the portfolio.
 */
export interface FileDescription {
  /** The file's own title (Leap2A keeps the original file name here). */
  title?: Text;
  /** Text alternative of an image; `''` marks a decorative image. */
  alt?: Text;
  caption?: Text;
  captions?: CaptionTrack[];
  /** A text or HTML transcript of audio or video. */
  transcript?: string;
  /** A long description (text or HTML file) of an image or video. */
  longDescription?: string;
  /** A sign-language version of the file (a video). */
  signLanguage?: string;
}

/** A file of the portfolio. */
export interface PortfolioFile {
  path: string;
  mediaType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  /** What the owner said about the file, when the source format carries it. */
  about?: FileDescription;
  /** The file's own name where its package path adds to it (the number a Leap2A exporter puts in front); derived by the reader. */
  name?: string;
}

/** The owner's whole portfolio. */
export interface Portfolio {
  id: string;
  title?: string;
  lang?: string;
  parts: Part[];
  relations: Relation[];
  files: PortfolioFile[];
  /** Package-level IMS detail (manifest metadata, version) kept for re-export. */
  ims?: { manifest?: Omit<Manifest, 'organizations' | 'resources' | 'manifests'> & { organizationTitle?: string } };
  /** Feed-level Leap2A detail kept for re-export. */
  leap2a?: Leap2aFeedRecord;
  /** True when `title` names the export rather than the portfolio (a Leap2A feed title): a preview takes the owner's name. */
  titleNamesExport?: boolean;
  /** Top-level JSON Resume keys with no neutral field (`$schema`, `meta`, unknown keys), verbatim. */
  jsonresume?: { extra: Record<string, unknown> };
  extensions: Extension[];
}

/**
 * Leap2A detail that has no neutral field (docs/leap2a-mapping.md). Elements are kept verbatim
 * with canonical namespaces (Leap2A literals such as persondata and spatial, Mahara's
 * extensions and layouts, unknown elements) and written back in place.
 */
export interface Leap2aPartRecord {
  /** The entry's `rdf:type` values as full URIs (`http://terms.leapspecs.org/selection`). */
  types: string[];
  /** Atom categories; the scheme resolved to a full URI. */
  categories: { scheme?: string; term: string; label?: string }[];
  /** How the content was written: `text`, `html`, `xhtml`, or a media type with `src`. */
  contentType?: string;
  /** `src` of out-of-line content that is not a file of the export (a URL). */
  contentSrc?: string;
  summaryType?: string;
  titleType?: string;
  published?: string;
  /** `updated`, when it differs from the feed's. */
  updated?: string;
  authors?: { name: string; email?: string; uri?: string }[];
  contributors?: { name: string; email?: string; uri?: string }[];
  /** Links that are neither relations between entries nor files (external URLs), as written. */
  links?: { rel: string; href: string; type?: string; title?: string }[];
  elements: XmlElement[];
}

/** Feed-level Leap2A detail. */
export interface Leap2aFeedRecord {
  updated?: string;
  version?: string;
  authors: { name: string; email?: string; uri?: string }[];
  /** Other feed children (generator, rights, extensions), verbatim. */
  elements: XmlElement[];
}

/** A segment kind as read from a LIP document. */
export type SegmentKind = LipSegment['kind'];

/**
 * JSON Resume detail of a part (docs/jsonresume-mapping.md): the section its entry came from,
 * its index there, and every key whose value had no neutral field or not the schema's shape,
 * verbatim (JSON Resume allows any extra key). `derived` marks parts made from another entry
 * (an employer's affiliation, an education's qualification): the writer does not write them.
 */
export interface JsonResumePartRecord {
  section: string;
  extra?: Record<string, unknown>;
  derived?: boolean;
}
