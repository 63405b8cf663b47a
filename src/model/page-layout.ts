/**
 * A page as its owner laid it out in the system it came from: blocks placed on a 12-column
 * grid, read once by the format's mapping (Mahara's `<mahara:view>` today, in
 * model/leap2a/mahara-view.ts) into `Part.page`. Planning, the privacy listing and the page
 * renderer read only this, never the format record it came from. Block types and settings are
 * the source's words (`text`, `image`, `gallery`, `inbox`...), like a part's `type`.
 */

/** One block of a page, placed on the 12-column grid. */
export interface PageBlock {
  /** The source's block type (Mahara's blocktype: `text`, `image`, `gallery`, `pdf`, `filedownload`, `inbox`...). */
  type: string;
  title: string;
  /** Column (0–11), row (0-based, in grid units), width in columns (1–12), height in grid units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Settings by name, as the source gave them (JSON values unwrapped); unreadable JSON is the raw text. */
  settings: Record<string, unknown>;
  /** Settings that were not JSON (reported by the reader). */
  invalid: string[];
}

/**
 * A place on the 12-column grid holding blocks top to bottom: one block on a grid page, one
 * column of a row on an older page (so a column's blocks stack without lining up with the
 * blocks of the column beside it).
 */
export interface PageCell {
  x: number;
  y: number;
  width: number;
  height: number;
  blocks: PageBlock[];
}

/** The kind of page in its system: `portfolio` for the owner's own presentation pages; see `SYSTEM_PAGE_TYPES`. */
export type PageType = 'portfolio' | 'dashboard' | 'profile' | 'grouphomepage' | 'institution' | string;

/** A page's structure (`Part.page`). */
export interface PageLayout {
  /** The kind of page (`portfolio` when the source does not say). */
  type: PageType;
  /** How the source laid it out: blocks on a grid, rows of columns, or columns alone. */
  layout: 'grid' | 'rows' | 'columns';
  /** Cells in reading order: by row, then column. */
  cells: PageCell[];
  /** Every block, in reading order. */
  blocks: PageBlock[];
}

/** Page types that are the system's pages rather than the owner's presentations. */
export const SYSTEM_PAGE_TYPES: ReadonlySet<string> = new Set(['dashboard', 'profile', 'grouphomepage', 'institution', 'site']);

/** Whether a page is a system page (dashboard, profile, group or institution page). */
export function isSystemPage(page: PageLayout | undefined): boolean {
  return !!page && SYSTEM_PAGE_TYPES.has(page.type);
}

/** The entry ids a block's settings name (`artefactid`, `artefactids`, and any other id-shaped string). */
export function blockEntryIds(block: PageBlock, isEntry: (id: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (isEntry(v) && !out.includes(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  for (const key of ['artefactid', 'artefactids']) visit(block.settings[key]);
  for (const [k, v] of Object.entries(block.settings)) if (k !== 'artefactid' && k !== 'artefactids') visit(v);
  return out;
}

/** Block types that never publish anything of the owner's: other people's data or the site's own lists. */
export const NOTHING_TO_PUBLISH: Readonly<Record<string, string>> = {
  inbox: "the owner's messages, from other people",
  myviews: "a list of the owner's pages on the Mahara site",
  newviews: "other people's pages recently shared on the Mahara site",
  watchlist: "other people's pages the owner watches",
  mygroups: "the owner's groups and their members",
  groupviews: "a group's pages, made by other people",
  groupmembers: 'other people',
  groupinfo: 'a group and its members',
  myfriends: 'other people',
  wall: "other people's posts",
  recentforumposts: "other people's forum posts",
  placeholder: 'an empty block Mahara asks the owner to configure',
  comment: 'comments, written by other people',
  peerassessment: 'assessments, written by other people',
  signoff: 'a sign-off by another person',
  navigation: "links to the collection's pages on the Mahara site",
  socialprofile: 'links to profiles on other sites',
  openbadgedisplayer: 'badges kept in a backpack (Badgr, Open Badge Passport) that a build never fetches; put the baked badge images in a badges/ folder to show them (docs/open-badges.md)',
};

/** Of those, the block types whose content is about other people (listed by `check --privacy`). */
export const THIRD_PARTY_BLOCKS: ReadonlySet<string> = new Set(['inbox', 'newviews', 'watchlist', 'mygroups', 'groupviews', 'groupmembers', 'groupinfo', 'myfriends', 'wall', 'recentforumposts', 'comment', 'peerassessment', 'signoff']);
