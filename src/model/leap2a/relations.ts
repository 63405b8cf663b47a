/**
 * The reading context shared by the Leap2A mapping, and the relations gathered from both
 * ends of each Leap2A link: merged, kept in one direction, ordered by `display_order` or by a
 * Mahara page's layout (docs/leap2a-mapping.md, Relations).
 */
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import { stripPositions, type XmlElement } from '../../formats/xml/tree.ts';
import { FORWARD, INVERSES, MAHARA, VITRINE, leap2Local, type Leap2aEntry, type Leap2aLink, type Leap2aPackage } from '../../formats/leap2a/index.ts';
import type { Part, PortfolioFile, Relation } from '../types.ts';
import { layoutOrder, type LayoutProblem } from './layout.ts';

/** What reading one export needs everywhere. */
export interface Ctx {
  pkg: Leap2aPackage;
  bag: DiagnosticBag;
  feedFile: string;
  files: Map<string, PortfolioFile>;
  /** Entries by id (duplicates already renamed). */
  entries: Map<string, Leap2aEntry>;
}

/** Where an element of the feed is, for diagnostics and for a part's or relation's `origin`. */
export const at = (cx: Ctx, x: { line?: number; column?: number }): Location => ({ file: cx.feedFile, line: x.line ?? 1, column: x.column ?? 1 });

/** Relations gathered from both ends, merged, ordered by `display_order`, then by layout. */
export class Relations {
  private readonly byKey = new Map<string, { rel: Relation; orders: Map<string, number | null>; seq: number; forward: number }>();
  private readonly pairs = new Set<string>();
  private seq = 0;
  constructor(private readonly cx: Ctx) {}

  add(entryId: string, l: Leap2aLink, cx: Ctx): void {
    const local = leap2Local(l.rel);
    const name = local ?? (l.rel.startsWith(VITRINE) ? l.rel.slice(VITRINE.length) : l.rel);
    let type = name;
    let from = entryId;
    let to = l.href;
    const swapped = local !== undefined && Object.hasOwn(INVERSES, local) && !FORWARD.has(local);
    if (swapped) {
      type = INVERSES[local]!;
      from = l.href;
      to = entryId;
    }
    const symmetric = type === 'relation' || type === 'related';
    if (symmetric && this.pairs.has(`${type}\u0000${to}\u0000${from}`)) return;
    this.pairs.add(`${type}\u0000${from}\u0000${to}`);
    if (!cx.entries.has(l.href)) {
      cx.bag.add('RelationTargetMissing', `entry "${entryId}" links (${name}) to "${l.href}", which is not in the export; kept as written`, at(cx, l));
    }
    const key = `${type}\u0000${from}`;
    let g = this.byKey.get(key);
    if (!g) {
      g = { rel: { id: `${from}#${type}`, type, from, to: [], extensions: [], origin: at(cx, l) }, orders: new Map(), seq: this.seq++, forward: 0 };
      this.byKey.set(key, g);
    }
    // Ends stated at the source come first, in the source's order; ends stated only at the
    // other end follow in the order they were met (so the order does not depend on which entry comes first).
    if (!swapped) {
      const at = g.rel.to.indexOf(to);
      if (at < 0 || at >= g.forward) {
        if (at >= 0) g.rel.to.splice(at, 1);
        g.rel.to.splice(g.forward++, 0, to);
      }
    } else if (!g.rel.to.includes(to)) g.rel.to.push(to);
    if (l.displayOrder !== undefined && (g.orders.get(to) ?? null) === null) g.orders.set(to, l.displayOrder);
    else if (!g.orders.has(to)) g.orders.set(to, null);
  }

  /** Mahara pages: the blocks' order (from `mahara:view`) orders the page's parts. */
  orderByLayout(parts: Part[]): void {
    for (const p of parts) {
      const view = p.leap2a?.elements.find((x) => x.ns === MAHARA && x.name === 'view');
      const g = this.byKey.get(`has_part\u0000${p.id}`);
      if (!view || !g) continue;
      const problems: LayoutProblem[] = [];
      const entry = this.cx.entries.get(p.id);
      const order = layoutOrder(view, (id) => this.cx.entries.has(id), problems);
      for (const pr of problems) this.cx.bag.add('Leap2aLayoutInvalid', `page "${p.id}": ${pr.message}`, at(this.cx, findLine(entry, pr.element) ?? {}));
      if (!order.length || [...g.orders.values()].some((v) => v !== null)) continue;
      const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length + g.rel.to.indexOf(id));
      g.rel.to.sort((a, b) => rank(a) - rank(b));
    }
  }

  finish(): Relation[] {
    const out: Relation[] = [];
    for (const g of [...this.byKey.values()].sort((a, b) => a.seq - b.seq)) {
      const orders = g.rel.to.map((t) => g.orders.get(t) ?? null);
      if (orders.some((o) => o !== null)) {
        // Ordered ends first by display_order (stable), unordered ones after, as stated.
        const idx = g.rel.to.map((t, i) => ({ t, o: orders[i]!, i }));
        idx.sort((a, b) => (a.o ?? Infinity) - (b.o ?? Infinity) || a.i - b.i);
        g.rel.to = idx.map((x) => x.t);
        g.rel.leap2a = { displayOrder: idx.map((x) => x.o) };
      }
      out.push(g.rel);
    }
    return out;
  }
}

/** The source position of a kept element: stripped copies have none, so find the original in the entry. */
function findLine(entry: Leap2aEntry | undefined, el: XmlElement): { line?: number; column?: number } | undefined {
  if (!entry) return undefined;
  const text = JSON.stringify(stripPositions(el));
  let found: XmlElement | undefined;
  const walk = (e: XmlElement) => {
    if (found) return;
    if (e.line !== undefined && JSON.stringify(stripPositions(e)) === text) found = e;
    for (const c of e.children) if (c.type === 'element') walk(c);
  };
  entry.elements.forEach(walk);
  return found ?? entry;
}

