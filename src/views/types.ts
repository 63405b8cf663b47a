/**
 * Views: who sees what. A view configuration selects and orders parts for one audience; a
 * ViewPlan is what rendering gets: only the selected parts, the relations between them, the
 * files they use, and nothing else of the portfolio.
 */
import type { Location } from '../diagnostics/index.ts';
import type { Part, PartKind, PortfolioFile, Relation } from '../model/types.ts';
import type { AudienceProfile, ProfileRef } from '../audience/types.ts';

/** How a view is published. */
export type Access = 'public' | 'unlisted' | 'protected';

/** What a `with:` may follow from a selected part. */
export type Follow = 'evidence' | 'reflections' | 'assertions' | 'parts';

/** How one `select` entry orders the parts it matches. */
export type SortOrder = 'date' | 'title' | 'manual';

/** Theme settings a user sets in the config instead of writing CSS (docs/themes.md). */
export interface ThemeSettings {
  /** Colours as `#rrggbb`: links and highlights, text, background. */
  accent?: string;
  ink?: string;
  paper?: string;
  /** `serif`, `sans`, `mono`, or a font family the theme ships or the reader has. */
  font?: string;
  density?: 'compact' | 'normal' | 'airy';
  /** The theme's arrangement of work: `grid`, `masonry` or `list`. */
  layout?: 'grid' | 'masonry' | 'list';
}

/** A theme as the config names it: a bundled theme, a folder or an npm package, plus overrides. */
export interface ThemeConfig {
  /** `editorial`, `studio`, `resume`; a folder (relative to the config); or an npm package name. */
  use?: string;
  /** A folder of templates overriding the theme's, file by file (relative to the config). */
  templates?: string;
  settings?: ThemeSettings;
  /** Where the theme is named in the config, for diagnostics about it. */
  origin?: Location;
}

/** One entry of a view's `select` list; its order is the order on the page. */
export interface Selector {
  /** A part id as the source gave it, or its slug. */
  id?: string;
  kind?: PartKind;
  /** Matches a part's tags, or its type (`typename`) value, case-insensitively. */
  tag?: string;
  /** Matches the status type value (`Active`, `Completed`), case-insensitively. */
  status?: string;
  /** Relations to follow from the parts this entry selects. */
  with?: Follow[];
  /** Order of this entry's matches: `date` (default: newest first, undated last), `title`, or `manual` (as the portfolio lists them). */
  sort?: SortOrder;
  /** Where the entry is in the config, for diagnostics about it. */
  origin?: Location;
}

/** A view as configured in `vitrine.config.yaml` (or `.json`, or `portfolio.yaml`'s `views`). */
export interface ViewConfig {
  /** Folder name of a public view; stable, so links keep working. */
  id: string;
  title?: string;
  description?: string;
  access: Access;
  /** BCP 47 language of the view's pages (theme words, date formats). */
  lang?: string;
  select: Selector[];
  /** The view's theme (else the site's): a bundled theme, a folder or a package, templates, settings. */
  theme?: ThemeConfig;
  /** Tags never shown on the view's pages (tags named in `select` are hidden anyway). */
  tags?: { hide: string[] };
  /** Also write an IMS package of this view (only its parts and files) into its folder. */
  package?: boolean;
  /** A protected view: the environment variable holding its passphrase (else one is generated). */
  passphraseEnv?: string;
  /** The audience the view is built for: a profile of `profiles:`, inline, or the portfolio's own. */
  profile?: ProfileRef;
  /** An XSL view: the user's stylesheet (a path relative to the config file), a package's `ims-epView` resource, or a Sakai OSP template. */
  xsl?: XslChoice;
  /** Where the view is in the config, for diagnostics about it. */
  origin?: Location;
}

/** Where an XSL view's stylesheet comes from (docs/xsl-views.md). */
export type XslChoice = { file: string; origin?: Location; untrusted?: boolean } | { package: string; origin?: Location } | { osp: string; origin?: Location; untrusted?: boolean };

/** The configuration of a site: its views and where they were read from. */
export interface SiteConfig {
  views: ViewConfig[];
  /** The site-wide theme: every view without its own `theme.use`, and the site root. */
  theme?: ThemeConfig;
  /** The site's public base URL (`url:`), with one trailing slash: absolute links need it. */
  url?: string;
  /** The file the views came from, for diagnostics; undefined when none was found. */
  file?: string;
  /** Where a config file was looked for first, when none was found (the preview points there). */
  expected?: string;
  /** The config came inside a package: read as data, its code refused (views/trust.ts). */
  packaged?: boolean;
}

/** A piece of personal data a view exposes, for the build's privacy listing. */
export interface PersonalDataItem {
  kind: 'email' | 'phone' | 'address' | 'birth-date' | 'birth-place' | 'gender' | 'identifier' | 'name' | 'web' | 'security-key';
  /** The part that holds it. */
  partId: string;
  value: string;
}

/** Everything one view's site is made from. Contains nothing of unselected parts. */
export interface ViewPlan {
  id: string;
  /** Output folder name under the site root. */
  folder: string;
  title: string;
  description?: string;
  lang: string;
  access: Access;
  /** True for unlisted views and the preview: pages carry `noindex`. */
  noindex: boolean;
  /** True for the view built when no view is configured. */
  preview: boolean;
  /** Selected parts in page order; `parent` is dropped where the parent is not selected. */
  parts: Part[];
  /** Relations whose every end is in the view (ends outside are removed, or the relation). */
  relations: Relation[];
  /** Files the selected parts use. */
  files: PortfolioFile[];
  /** The selected identification part, if any: the owner as this view shows them. */
  owner?: Part;
  personalData: PersonalDataItem[];
  package: boolean;
  /** The theme: `use` and `templates` as written, `dir` the config's folder they are relative to. */
  theme: ThemeConfig & { dir?: string };
  /** Tags not shown on pages: those named in `select` and in `tags.hide`, lower-cased. */
  hiddenTags?: string[];
  /** A protected view's passphrase: render/ encrypts every file of the view with it. Never shown. */
  passphrase?: string;
  /** The audience profile the view is built for (its CSS and media alternatives). */
  profile?: AudienceProfile;
  /** The view's stylesheet, when it is an XSL view; a `file` is absolute here. */
  xsl?: XslChoice;
}
