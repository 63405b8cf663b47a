/**
 * Views: who sees what. A view configuration selects and orders parts for one audience; a
 * ViewPlan is what rendering gets: only the selected parts, the relations between them, the
 * files they use, and nothing else of the portfolio.
 */
import type { Part, PartKind, PortfolioFile, Relation } from '../model/types.ts';
import type { AudienceProfile, ProfileRef } from '../audience/types.ts';

/** How a view is published. */
export type Access = 'public' | 'unlisted' | 'protected';

/** What a `with:` may follow from a selected part. */
export type Follow = 'evidence' | 'reflections' | 'assertions' | 'parts';

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
  /** `file:line:col` of the entry in the config, for diagnostics about it. */
  origin?: string;
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
  /** Per-view theme overrides: a folder of templates overriding the defaults file by file. */
  theme?: { templates?: string };
  /** Also write an IMS package of this view (only its parts and files) into its folder. */
  package?: boolean;
  /** A protected view: the environment variable holding its passphrase (else one is generated). */
  passphraseEnv?: string;
  /** The audience the view is built for: a profile of `profiles:`, inline, or the portfolio's own. */
  profile?: ProfileRef;
  /** An XSL view: the user's stylesheet (a path relative to the config file), a package's `ims-epView` resource, or a Sakai OSP template. */
  xsl?: XslChoice;
  /** `file:line:col` of the view in the config, for diagnostics about it. */
  origin?: string;
}

/** Where an XSL view's stylesheet comes from (docs/xsl-views.md). */
export type XslChoice = { file: string; origin?: string; untrusted?: boolean } | { package: string; origin?: string } | { osp: string; origin?: string; untrusted?: boolean };

/** The configuration of a site: its views and where they were read from. */
export interface SiteConfig {
  views: ViewConfig[];
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
  theme: { templates?: string };
  /** A protected view's passphrase: render/ encrypts every file of the view with it. Never shown. */
  passphrase?: string;
  /** The audience profile the view is built for (its CSS and media alternatives). */
  profile?: AudienceProfile;
  /** The view's stylesheet, when it is an XSL view; a `file` is absolute here. */
  xsl?: XslChoice;
}
