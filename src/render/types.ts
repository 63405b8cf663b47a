/**
 * The data templates receive. This is the theme's contract with designers: documented in
 * docs/templates.md, and kept small and display-ready (titles resolved, dates formatted,
 * links relative, words in the view's language), so a template never needs to know a source
 * format.
 */
import type { PersonalDataItem, ViewPlan } from '../views/types.ts';
import type { PartKind } from '../model/types.ts';
import type { AudienceProfile } from '../audience/types.ts';
import type { MediaData, PartRef } from './ref-types.ts';
import type { ViewMeta } from './meta/types.ts';
import type { CollectionData, MaharaPageData, SequenceData } from './mahara/types.ts';

// The contract is split into modules that import nothing back (ref-types.ts, mahara/types.ts,
// meta/types.ts), so the code making each piece can import this file without a cycle.
export type { MediaData, PartRef } from './ref-types.ts';
export type * from './mahara/types.ts';
export type * from './meta/types.ts';

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
  /** The date as written, for a `datetime` attribute: only when it is an exact ISO 8601 date (model/dates.ts). */
  iso?: string;
  /** The date in the reader's words; free text as written. */
  display: string;
  /** The year alone, for compact lists such as a CV's (absent for free-text dates). */
  year?: string;
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
  /** When it happened, for a CV line: a `Start` and an end (`Finish`, `End`, `Award`…), else the part's newest date as `end`. */
  period?: { start?: DateData; end?: DateData };
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

/** The owner as every theme shows them (render/person.ts): present only when the view selected the identification. */
export interface PersonData {
  /** The name to show: the page's h1. */
  name: string;
  nameLang?: string;
  /** A headline or job title shown beside the name. */
  headline?: string;
  /** Language of the headline, when known (put it on the element showing it). */
  headlineLang?: string;
  /** A short biography as sanitized HTML. */
  summary?: string;
  /** The portrait: an image with its variants. */
  photo?: MediaData;
  /** Ways to reach the owner, in the owner's order: `email`, `phone`, `web`, ... with a safe `href` where one can be made. */
  contacts: { kind: string; label: string; value: string; href?: string }[];
  /** Town and country, when the owner gives an address. */
  location?: string;
}

/** The theme a page is rendered with (render/theme.ts): what base.njk links, and the layout choices it may style. */
export interface ThemeData {
  /** `editorial`, `studio`, `resume`, or a key made from a folder or package name. */
  name: string;
  /** Root-relative stylesheets linked after `vitrine.css`: each theme's style.css, then the settings stylesheet. */
  styles: string[];
  /** Root-relative folder of the view's own theme (`theme/<key>/`), for `{{ themeDir }}assets/…`. */
  dir?: string;
  layout: 'grid' | 'masonry' | 'list';
  density: 'compact' | 'normal' | 'airy';
}

/** One view as templates see it: the plan's identity fields, and display-ready data. */
export interface ViewData extends Pick<ViewPlan, 'id' | 'folder' | 'title' | 'description' | 'lang' | 'access' | 'noindex' | 'preview'> {
  owner?: PartData;
  /** The owner as a person (name, headline, summary, portrait, contacts), when `owner` is there. */
  person?: PersonData;
  /** The theme the view is rendered with. */
  theme?: ThemeData;
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
  /** Link previews, JSON-LD and the view's generated files (card, favicon, feed, search); see render/meta/. */
  meta?: ViewMeta;
  /** An XSL view's front page: a whole page, or a fragment the theme's layout wraps. */
  xsl?: { page: string } | { fragment: string; styles?: string[] };
}

/** The image variants rendering made for a file (structurally what render/images produces). */
export interface ImageInfo {
  width: number;
  height: number;
  variants: { format: string; width: number; height: number; mediaType: string; fileName: string }[];
}
