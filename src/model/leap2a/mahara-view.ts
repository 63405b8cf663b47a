/**
 * A Mahara page as its owner built it, read from the `<mahara:view>` kept on the page entry
 * (Mahara's `htdocs/theme/raw/plugintype/export/leap/templates/view.tpl` writes it):
 * - `mahara:newlayout="1"`: block instances placed on a 12-column grid (`positionx`,
 *   `positiony`, `width`, `height`);
 * - `mahara:layout="33,33,33-50,50"`: `<mahara:row>`s of `<mahara:column>`s, widths in percent;
 * - older still: `<mahara:column>`s directly under the view.
 * Each block's settings are child elements whose text is JSON, each value wrapped in a
 * one-element array (Mahara's `export_blockinstance_config_leap`); they are unwrapped here.
 * Everything is normalised to grid positions so one renderer serves every layout: the neutral
 * `Part.page` (model/page-layout.ts), set by the Leap2A and authored readers.
 */
import { attr, childElements, ownText, type XmlElement } from '../../formats/xml/tree.ts';
import { MAHARA } from '../../formats/leap2a/index.ts';
import type { Part } from '../types.ts';
import type { PageBlock, PageCell, PageLayout } from '../page-layout.ts';

const num = (e: XmlElement, name: string, fallback: number) => {
  const v = Number(attr(e, name, MAHARA) ?? attr(e, name));
  return Number.isFinite(v) ? v : fallback;
};

/** The `<mahara:view>` element kept on a part read from a Mahara page entry, if any. */
export function maharaViewElement(part: Part): XmlElement | undefined {
  return part.leap2a?.elements.find((x) => x.ns === MAHARA && x.name === 'view');
}

/** The page structure of a part read from a Mahara page entry; undefined for any other part (readers store it as `Part.page`). */
export function maharaPageOf(part: Part): PageLayout | undefined {
  const view = maharaViewElement(part);
  return view ? readMaharaView(view) : undefined;
}

/** Reads a `<mahara:view>` element into grid-placed blocks. */
export function readMaharaView(view: XmlElement): PageLayout {
  const type = attr(view, 'type', MAHARA) ?? attr(view, 'type') ?? 'portfolio';
  const kids = childElements(view).filter((c) => c.ns === MAHARA);
  const blocks: PageBlock[] = [];
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
  const cells: PageCell[] = [];
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

function blockOf(b: XmlElement, x: number, y: number, width: number, height: number): PageBlock {
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
