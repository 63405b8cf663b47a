/**
 * The template data of Mahara pages (part of render/types.ts, the theme's contract): a page
 * rebuilt from its blocks, and collections as sequences. Made by page-data.ts and
 * collections.ts; kept apart from them so render/types.ts imports no code that imports it.
 */
import type { MediaData, PartRef } from '../ref-types.ts';
import type { LicenceData } from './licence.ts';

/** A date as a block shows it: free text as written and without `datetime`; exact dates in the view's words. */
export interface MaharaDateData {
  /** "Started", "Finished"... in the view's language, or ''. */
  label: string;
  display: string;
  /** For `<time datetime>`, only when the date is exact. */
  datetime?: string;
}

/** A post of a journal block, with its date and text. */
export interface MaharaPostData {
  part: PartRef;
  date?: MaharaDateData;
  html?: string;
}

/** One block of a rebuilt Mahara page, ready for `partials/mahara-block.njk`. */
export interface MaharaBlockData {
  /** What the theme draws: Mahara's blocktypes grouped by how they show. */
  kind: 'text' | 'images' | 'files' | 'video' | 'entries' | 'posts' | 'licence' | 'tags';
  /** Mahara's own blocktype, for themes that want it (`class="block--<blocktype>"`). */
  blocktype: string;
  title: string;
  /** Sanitized HTML of a text block. */
  html?: string;
  /** Images (image, gallery) and files (PDF, file download, folder), in the block's order. */
  media: MediaData[];
  /** Entries a résumé or other block shows, each with its text. */
  entries: { part: PartRef; html?: string; dates: MaharaDateData[]; organisation?: string; role?: string }[];
  posts: MaharaPostData[];
  /** An external video's address, shown as a link (no third-party embed). */
  link?: { href: string; text: string };
  licence?: LicenceData;
  tags: string[];
}

/** A cell of the page grid: where it sits on 12 columns, and its blocks top to bottom. */
export interface MaharaCellData {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Inline grid placement for wide screens (`grid-column: 1 / span 6; grid-row: 1 / span 2`). */
  style: string;
  blocks: MaharaBlockData[];
}

/** A rebuilt Mahara page. */
export interface MaharaPageData {
  layout: 'grid' | 'rows' | 'columns';
  cells: MaharaCellData[];
  /** Ids of the parts the page's blocks show (the front page lists the rest beside it). */
  shown: string[];
}

/** Where a page sits in its collection. */
export interface SequenceData {
  collection: PartRef;
  /** 1-based position and the number of pages. */
  position: number;
  total: number;
  prev?: PartRef;
  next?: PartRef;
}

/** A collection with its pages in order. */
export interface CollectionData {
  collection: PartRef;
  pages: PartRef[];
}
