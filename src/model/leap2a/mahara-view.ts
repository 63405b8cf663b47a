/**
 * A Mahara page as its owner built it, read from the `<mahara:view>` kept on the page entry
 * (Mahara's `htdocs/theme/raw/plugintype/export/leap/templates/view.tpl` writes it):
 * - `mahara:newlayout="1"`: block instances placed on a 12-column grid (`positionx`,
 *   `positiony`, `width`, `height`);
 * - `mahara:layout="33,33,33-50,50"`: `<mahara:row>`s of `<mahara:column>`s, widths in percent;
 * - older still: `<mahara:column>`s directly under the view.
 * Each block's settings are child elements whose text is JSON, each value wrapped in a
 * one-element array (Mahara's `export_blockinstance_config_leap`); they are unwrapped here.
 * Everything is normalised to grid positions so one renderer serves every layout.
 */
import { attr, childElements, ownText, type XmlElement } from '../../formats/xml/tree.ts';
import { MAHARA } from '../../formats/leap2a/index.ts';
import type { Part } from '../types.ts';

/** One block of a Mahara page, placed on the 12-column grid. */
export interface MaharaBlock {
  /** Mahara's blocktype (`text`, `image`, `gallery`, `pdf`, `filedownload`, `inbox`...). */
  type: string;
  title: string;
  /** Column (0–11), row (0-based, in grid units), width in columns (1–12), height in grid units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Settings by name, unwrapped from Mahara's one-element JSON arrays; unreadable JSON is the raw text. */
  settings: Record<string, unknown>;
  /** Settings that were not JSON (reported by the reader as Leap2aLayoutInvalid). */
  invalid: string[];
}

/** The kinds of Mahara page; only `portfolio` pages are the owner's own presentation pages. */
export type MaharaPageType = 'portfolio' | 'dashboard' | 'profile' | 'grouphomepage' | 'institution' | string;

/**
 * A place on the 12-column grid holding blocks top to bottom: one block on a grid page, one
 * column of a row on an older page (so a column's blocks stack without lining up with the
 * blocks of the column beside it).
 */
export interface MaharaCell {
  x: number;
  y: number;
  width: number;
  height: number;
  blocks: MaharaBlock[];
}

/** A Mahara page's structure. */
export interface MaharaPage {
  /** `mahara:type` (`portfolio` when absent). */
  type: MaharaPageType;
  /** How the source laid it out. */
  layout: 'grid' | 'rows' | 'columns';
  /** Cells in reading order: by row, then column. */
  cells: MaharaCell[];
  /** Every block, in reading order. */
  blocks: MaharaBlock[];
}

/** Mahara page types that are the system's pages rather than the owner's presentations. */
export const SYSTEM_PAGE_TYPES: ReadonlySet<string> = new Set(['dashboard', 'profile', 'grouphomepage', 'institution', 'site']);

/** Whether a Mahara page is a system page (dashboard, profile, group or institution page). */
export function isSystemPage(page: MaharaPage | undefined): boolean {
  return !!page && SYSTEM_PAGE_TYPES.has(page.type);
}

const num = (e: XmlElement, name: string, fallback: number) => {
  const v = Number(attr(e, name, MAHARA) ?? attr(e, name));
  return Number.isFinite(v) ? v : fallback;
};

/** The `<mahara:view>` element kept on a part read from a Mahara page entry, if any. */
export function maharaViewElement(part: Part): XmlElement | undefined {
  return part.leap2a?.elements.find((x) => x.ns === MAHARA && x.name === 'view');
}

/** The page structure of a part read from a Mahara page entry; undefined for any other part. */
export function maharaPageOf(part: Part): MaharaPage | undefined {
  const view = maharaViewElement(part);
  return view ? readMaharaView(view) : undefined;
}

/** Reads a `<mahara:view>` element into grid-placed blocks. */
export function readMaharaView(view: XmlElement): MaharaPage {
  const type = attr(view, 'type', MAHARA) ?? attr(view, 'type') ?? 'portfolio';
  const kids = childElements(view).filter((c) => c.ns === MAHARA);
  const blocks: MaharaBlock[] = [];
  if ((attr(view, 'newlayout', MAHARA) ?? attr(view, 'newlayout')) === '1' || kids.some((k) => k.name === 'blockinstance')) {
    for (const b of kids.filter((k) => k.name === 'blockinstance')) {
      const x = clamp(num(b, 'positionx', 0), 0, 11);
      blocks.push(blockOf(b, x, Math.max(0, num(b, 'positiony', 0)), clamp(num(b, 'width', 12), 1, 12 - x), Math.max(1, num(b, 'height', 1))));
    }
    blocks.sort((a, b) => a.y - b.y || a.x - b.x);
    return { type, layout: 'grid', blocks, cells: blocks.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height, blocks: [b] })) };
  }
  const rows = kids.some((k) => k.name === 'row') ? kids.filter((k) => k.name === 'row').map((r) => childElements(r).filter((c) => c.ns === MAHARA && c.name === 'column')) : [kids.filter((k) => k.name === 'column')];
  // `33,33,33-50,50`: percent widths of each row's columns; equal widths where it does not say.
  const widths = (attr(view, 'layout', MAHARA) ?? attr(view, 'layout') ?? '').split('-').map((r) => r.split(',').map(Number));
  const cells: MaharaCell[] = [];
  rows.forEach((columns, ri) => {
    const percents = widths[ri]?.length === columns.length && widths[ri]!.every((w) => w > 0) ? widths[ri]! : columns.map(() => 100 / Math.max(1, columns.length));
    const spans = toColumns(percents);
    let x = 0;
    columns.forEach((column, ci) => {
      const stack = childElements(column).filter((c) => c.ns === MAHARA && c.name === 'blockinstance').map((b, i) => blockOf(b, x, ri, spans[ci]!, 1));
      blocks.push(...stack);
      cells.push({ x, y: ri, width: spans[ci]!, height: 1, blocks: stack });
      x += spans[ci]!;
    });
  });
  // Reading order of an old layout is column by column within a row, as Mahara printed it.
  return { type, layout: kids.some((k) => k.name === 'row') ? 'rows' : 'columns', blocks, cells };
}

/** Percent widths to whole grid columns that add up to 12 (largest remainders get the spare). */
function toColumns(percents: number[]): number[] {
  const total = percents.reduce((s, p) => s + p, 0) || 1;
  const raw = percents.map((p) => (p / total) * 12);
  const spans = raw.map((r) => Math.max(1, Math.floor(r)));
  let spare = 12 - spans.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; spare > 0 && order.length; k = (k + 1) % order.length, spare--) spans[order[k]![1]]!++;
  return spans;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(v)));
}

function blockOf(b: XmlElement, x: number, y: number, width: number, height: number): MaharaBlock {
  const settings: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const s of childElements(b)) {
    const raw = ownText(s).trim();
    let value: unknown = raw;
    try {
      value = raw ? JSON.parse(raw) : raw;
      // Every value is exported inside a one-element array (PHP bugs 38680 and 46518).
      if (Array.isArray(value) && value.length === 1) value = value[0];
    } catch {
      invalid.push(s.name);
    }
    // tagsin/tagsout repeat: one element per tag.
    if (s.name in settings && (s.name === 'tagsin' || s.name === 'tagsout')) settings[s.name] = [...[settings[s.name]].flat(), value];
    else settings[s.name] = value;
  }
  return { type: attr(b, 'blocktype', MAHARA) ?? attr(b, 'blocktype') ?? '', title: attr(b, 'blocktitle', MAHARA) ?? attr(b, 'blocktitle') ?? '', x, y, width, height, settings, invalid };
}

/** The entry ids a block's settings name (`artefactid`, `artefactids`, and any other id-shaped string). */
export function blockEntryIds(block: MaharaBlock, isEntry: (id: string) => boolean): string[] {
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

/** Blocktypes that never publish anything of the owner's: other people's data or the site's own lists. */
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

/** Of those, the blocktypes whose content is about other people (listed by `check --privacy`). */
export const THIRD_PARTY_BLOCKS: ReadonlySet<string> = new Set(['inbox', 'newviews', 'watchlist', 'mygroups', 'groupviews', 'groupmembers', 'groupinfo', 'myfriends', 'wall', 'recentforumposts', 'comment', 'peerassessment', 'signoff']);
