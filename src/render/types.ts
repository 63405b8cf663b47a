/**
 * The data templates receive. This is the theme's contract with designers: documented in
 * docs/templates.md, and kept small and display-ready (titles resolved, dates formatted,
 * links relative, words in the view's language), so a template never needs to know a source
 * format.
 */
import type { PersonalDataItem, ViewPlan } from '../views/types.ts';
import type { PartKind } from '../model/types.ts';
import type { AudienceProfile } from '../audience/types.ts';
import type { MaharaPageData } from './mahara/page-data.ts';
import type { CollectionData, SequenceData } from './mahara/collections.ts';

/** A link to another part of the same view, with what a list or a thumbnail of it shows. */
export interface PartRef {
  id: string;
  slug: string;
  kind: PartKind;
  title: string;
  /** Language of the title, when it is not the view's (put it on the element showing the title). */
  titleLang?: string;
  /** Relative to the view root: `<slug>/index.html`. */
  href: string;
  /** The part's type within its kind (typename), e.g. "Essay"; IMS vocabulary words translated. */
  type?: string;
  /** Who wrote it (assertions, reflections). */
  author?: string;
  /** The part's first image, for thumbnails and galleries. */
  cover?: MediaData;
  /** The start of its text (about 220 characters, cut at a word), for quotes and cards. */
  excerpt?: string;
}

/** A relation as shown on a part page: the verb and the part at the other end. */
export interface RelationLink {
  /** The relation name as the source wrote it (`Evidences`, `Attests`...), to test in templates. */
  type: string;
  /** The relation verb in the view's language, read in this direction ("evidences", "is evidenced by"). */
  label: string;
  part: PartRef;
  text?: string;
  /**
   * A claim on a relation rather than on a part (IMS `Claims` pointing at a relationship):
   * `part` is the claimed relation's source, and this is the rest of it, read forward
   * ("is evidence of" → the competency).
   */
  claim?: { label: string; part: PartRef };
}

/** A piece of evidence for a part (an incoming `Evidences`), with what is said about it. */
export interface EvidenceData {
  /** The evidence. */
  part: PartRef;
  /** Free text on the Evidences relation. */
  text?: string;
  /** Assertions about the evidence (its incoming `Attests` and `Evaluates`): who vouches for it. */
  assertions: RelationLink[];
  /** Reflections on the evidence (its incoming `ReflectsOn`). */
  reflections: RelationLink[];
  /** Parts that claim this very evidence link holds (`Claims` on the relation), unless listed above. */
  claims: RelationLink[];
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
  /** Offer the file as a download rather than a page: HTML and SVG attachments could run scripts on the site. */
  download?: boolean;
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
  /** Caption/subtitle tracks found beside audio and video; one is `default` (the audience's language first). */
  tracks?: { href: string; lang?: string; label?: string; kind: 'captions' | 'subtitles'; default?: boolean }[];
  /** A transcript; `inline` holds its text when the view's audience needs it on the page. */
  transcript?: { href: string; name: string; inline?: { text?: string; html?: string } };
  /** A long description of an image or video; `expanded` when the audience needs it. */
  longDescription?: { href: string; name: string; expanded: boolean; text?: string; html?: string };
  /** A sign-language version; `shown` (as a player beside the media) when the audience needs it. */
  signLanguage?: { href: string; name: string; mediaType: string; shown: boolean };
}

/** One labelled value of a part's details. */
export interface DetailRow {
  /**
   * What the row is, stable across languages, so a template can pick rows: `name`, `address`,
   * `email`, `web`, `telephone`, `mobile`, `organization`, `level`, `registrationno`, `role`,
   * `units`, `evaluation`, `score`, `definition`, `learningactivityref`, `record`, `language`,
   * `preference`, `group`, `key`, `gender`, `placeofbirth`, `agent`, `classification`,
   * `affiliationid`, or `field` for a free label from the source.
   */
  key?: string;
  label: string;
  value: string;
  /** A qualifier of the value ("Preferred", "Work"), in the view's language when it is an IMS word. */
  note?: string;
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

/** A text of a rubric with its language when that is not the view's. */
export interface RubricText {
  text: string;
  lang?: string;
}

/** One level (a dimension outcome) of a rubric dimension, in the rubric's order. */
export interface RubricLevel {
  title: RubricText;
  description?: RubricText;
  /** Checklist statements that define the level. */
  statements: RubricText[];
}

/** A dimension of quality. Sub-dimensions follow their parent with `depth` one more. */
export interface RubricDimension {
  /** Anchor-safe id, unique in the page (`dim-1`, `dim-1-2`). */
  id: string;
  depth: number;
  title: RubricText;
  description?: RubricText;
  levels: RubricLevel[];
}

/** An overall outcome of a rubric ("Ready to print") and the rules that lead to it. */
export interface RubricOutcome {
  title: RubricText;
  description?: RubricText;
  /** The rules in words ("A total score of at least 10"), in the view's language. */
  rules: string[];
}

/** A rubric: dimensions of quality with their levels, and the overall outcomes. */
export interface RubricData {
  description?: RubricText;
  dimensions: RubricDimension[];
  outcomes: RubricOutcome[];
  /** The largest number of levels of any dimension (for a grid). */
  maxLevels: number;
}

/** Everything a template needs about one part. */
export interface PartData extends PartRef {
  /** Language of the part's text, when it is not the view's (put it on the part's container). */
  lang?: string;
  summary?: string;
  /** Long description as plain text paragraphs (empty when `html` is set). */
  paragraphs: string[];
  /** Long description as sanitized HTML, when the source wrote it as HTML. */
  html?: string;
  comment?: string;
  dates: DateData[];
  status?: { label: string; date?: DateData };
  priority?: string;
  rationale: string[];
  tags: string[];
  media: MediaData[];
  details: DetailRow[];
  rubric?: RubricData;
  parent?: PartRef;
  /** Nested parts (an activity's products, a goal's sub-goals), with their covers for a gallery. */
  children: PartRef[];
  /** Every relation inside the view, both ways. The fields below sort them by meaning. */
  outgoing: RelationLink[];
  incoming: RelationLink[];
  /** Its evidence (incoming `Evidences`), each with the assertions, reflections and claims on it. */
  evidence: EvidenceData[];
  /** Assertions about this part (incoming `Attests`, `Evaluates`). */
  assertions: RelationLink[];
  /** Reflections on this part (incoming `ReflectsOn`). */
  reflections: RelationLink[];
  /** Claims on this part (incoming `Claims`). */
  claims: RelationLink[];
  /** What supports it or aims at it (incoming `Supports`, `AimsAt`), for goals and competencies. */
  supports: RelationLink[];
  /** What an assertion, reflection or claim is about (outgoing `Attests`, `Evaluates`, `ReflectsOn`, `Claims`, and claims on relations). */
  about: RelationLink[];
  /** The relations not in any of the fields above, both ways. */
  related: RelationLink[];
  /** A Mahara page rebuilt from its blocks (render/mahara/page-data.ts), in place of `html`. */
  page?: MaharaPageData;
  /** Where a Mahara page sits in its collection (previous and next pages). */
  sequence?: SequenceData;
  /** A Mahara collection's pages in order: its page is their table of contents. */
  toc?: PartRef[];
}

/** A group of parts of one kind on the view's front page. */
export interface SectionData {
  kind: PartKind;
  /** Anchor of the section on the front page (`section-competency`). */
  id: string;
  heading: string;
  /**
   * The top-level parts of that kind, in selection order. The owner (`view.owner`) and parts
   * nested in another selected part (shown with their parent) are left out.
   */
  parts: PartData[];
}

/** One view as templates see it: the plan's identity fields, and display-ready data. */
export interface ViewData extends Pick<ViewPlan, 'id' | 'folder' | 'title' | 'description' | 'lang' | 'access' | 'noindex' | 'preview'> {
  owner?: PartData;
  /** The first selected Mahara page: the view's front page shows its grid. */
  page?: PartData;
  /** The view's Mahara collections (each with its pages in order) and the pages in none. */
  pages?: { collections: CollectionData[]; pages: PartRef[] };
  parts: PartData[];
  /** Every part by id, to expand a PartRef into its PartData: `view.partsById[ref.id]`. */
  partsById: Record<string, PartData>;
  /** Parts grouped by kind, kinds in the order of their first selected part. */
  sections: SectionData[];
  personalData: PersonalDataItem[];
  /** Relative to the view root, when the view ships its package. */
  packageHref?: string;
  /** The theme's words in the view's language. */
  t: Record<string, string>;
  /** Content hash of the view's stylesheet, for cache busting. */
  css: string;
  /** The audience profile the view is built for: its stylesheet (under the site's `theme/`) and what it asks for. */
  /** `css` is a file of `theme/` at the site root, or of the view's own `theme/` when `inView` (unlisted and protected views). */
  profile?: { name: string; title?: string; css: string; inView?: boolean; display: AudienceProfile['display']; content: AudienceProfile['content']; control: AudienceProfile['control'] };
  /** An XSL view's front page: a whole page, or a fragment the theme's layout wraps. */
  xsl?: { page: string } | { fragment: string; styles?: string[] };
}
