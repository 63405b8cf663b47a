/**
 * Puts a view's Mahara pages into its template data: each page part gets its rebuilt grid
 * (page-data.ts) in place of the editor HTML Mahara exported, each page in a collection its
 * place in the sequence (collections.ts). Kept apart from render/page-data.ts, which is about
 * every format.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { ViewPlan } from '../../views/types.ts';
import type { MediaData, PartData, PartRef } from '../types.ts';
import { maharaPageData, type MaharaPageContext } from './page-data.ts';
import { pagesOfView, type PagesData } from './collections.ts';

/** What attaching needs: the plan and the data built so far for its parts (same order). */
export interface AttachInput {
  plan: ViewPlan;
  parts: PartData[];
  refs: Map<string, PartRef>;
  media: Map<string, MediaData[]>;
  htmls: Map<string, string>;
  t: (key: string, fallback?: string) => string;
  excerpt: (s: string) => string;
  bag?: DiagnosticBag;
}

/** Attaches grids and sequences; returns the view's collections and pages, and every part they show. */
export function attachMaharaPages(input: AttachInput): { pages: PagesData; onPages: Set<string> } {
  const { plan, parts, refs } = input;
  const kids = new Map<string, string[]>();
  const add = (k: string, v: string) => kids.set(k, [...(kids.get(k) ?? []), v]);
  for (const r of plan.relations) if (/^(has_?part|.*[#/]has_part)$/i.test(r.type)) for (const to of r.to) add(r.from, to);
  for (const p of plan.parts) if (p.parent) add(p.parent, p.id);
  const omitted = new Set<string>();
  const cx: MaharaPageContext = {
    parts: new Map(plan.parts.map((p) => [p.id, p])),
    refs,
    media: input.media,
    htmls: input.htmls,
    children: kids,
    lang: plan.lang,
    t: input.t,
    omitted: (blocktype, reason) => {
      if (omitted.has(blocktype)) return;
      omitted.add(blocktype);
      input.bag?.add('MaharaBlockOmitted', `view "${plan.id}": Mahara "${blocktype}" blocks are left out (${reason})`);
    },
  };
  for (const [i, p] of plan.parts.entries()) {
    const page = maharaPageData(p, cx);
    if (!page) continue;
    const d = parts[i]!;
    d.page = page;
    // Nor is its text quoted on cards: the editor's HTML holds other people's names (a dashboard's inbox).
    const short = p.description?.short?.value;
    for (const r of [refs.get(p.id)!, d]) {
      if (short) r.excerpt = input.excerpt(short);
      else delete r.excerpt;
    }
    // The content HTML Mahara wrote is its editor's rendering of the same blocks: not shown.
    delete d.html;
    d.paragraphs = [];
  }
  const pages = pagesOfView(plan.parts, plan.relations, refs);
  for (const d of parts) {
    const seq = pages.sequence.get(d.id);
    if (seq) d.sequence = seq;
  }
  const onPages = new Set([...pages.collections.flatMap((c) => [c.collection.id, ...c.pages.map((x) => x.id)]), ...pages.pages.map((x) => x.id), ...parts.flatMap((p) => p.page?.shown ?? [])]);
  return { pages, onPages };
}
