/**
 * Mahara's page layout: `<mahara:view>` holds columns of block instances whose settings are
 * JSON inside XML (`<mahara:artefactid>["portfolio:artefact46"]</mahara:artefactid>`). The
 * entries the blocks name, column by column and top to bottom, give the order of the page.
 */
import { childElements, ownText, type XmlElement } from '../../formats/xml/tree.ts';
import { MAHARA } from '../../formats/leap2a/index.ts';

/** A JSON setting that could not be read, with where it is. */
export interface LayoutProblem {
  element: XmlElement;
  message: string;
}

/** The entry ids a Mahara view's blocks name, in page order; unreadable JSON is reported and skipped. */
export function layoutOrder(view: XmlElement, isEntry: (id: string) => boolean, problems: LayoutProblem[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      if (isEntry(v) && !out.includes(v)) out.push(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  for (const block of blocksInReadingOrder(view)) {
    {
      for (const setting of childElements(block)) {
        const raw = ownText(setting).trim();
        if (!raw) continue;
        try {
          visit(JSON.parse(raw));
        } catch (e) {
          problems.push({ element: setting, message: `block setting <${setting.name}> is not JSON: ${(e as Error).message}` });
        }
      }
    }
  }
  return out;
}

/** The block instances of any layout (grid, rows of columns, columns), in reading order. */
function blocksInReadingOrder(view: XmlElement): XmlElement[] {
  const m = (e: XmlElement, name: string) => childElements(e).filter((c) => c.ns === MAHARA && c.name === name);
  const pos = (b: XmlElement, n: string) => Number(b.attrs.find((a) => a.name === n)?.value) || 0;
  // A grid page's blocks are placed by position: row (positiony) first, then column.
  const grid = m(view, 'blockinstance').sort((a, b) => pos(a, 'positiony') - pos(b, 'positiony') || pos(a, 'positionx') - pos(b, 'positionx'));
  const columns = [...m(view, 'column'), ...m(view, 'row').flatMap((r) => m(r, 'column'))];
  return [...grid, ...columns.flatMap((c) => m(c, 'blockinstance'))];
}
