/**
 * A Leap2A selection as a view: `with: [parts]` from a Mahara page takes its parts in the
 * page's order (mahara:view layout, display_order), including parts nested elsewhere first.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { planViews } from '../../src/views/index.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/leap2a');

describe('Leap2A selections as views', () => {
  it('a page with its parts, in layout order', async () => {
    const p = (await readPortfolio(join(fixtures, 'mahara-quirks'))).value!;
    const plans = planViews(p, { views: [{ id: 'page', access: 'public', select: [{ id: 'portfolio:view7', with: ['parts'] }] }] });
    expect(plans.value[0]!.parts.map((x) => x.id)).toEqual(['portfolio:view7', 'portfolio:artefact12', 'portfolio:artefact11', 'portfolio:artefact10']);
    // artefact11 is nested under view7 (its first container) but is also a part of view8.
    const other = planViews(p, { views: [{ id: 'broken', access: 'public', select: [{ id: 'portfolio:view8', with: ['parts'] }] }] });
    expect(other.value[0]!.parts.map((x) => x.id)).toEqual(['portfolio:view8', 'portfolio:artefact11']);
  });

  it('display_order orders a page that has no layout', async () => {
    const p = (await readPortfolio(join(fixtures, 'ns-2009-03.xml'))).value!;
    const plans = planViews(p, { views: [{ id: 'v', access: 'public', select: [{ id: 'portfolio:page1', with: ['parts', 'evidence', 'reflections'] }] }] });
    expect(plans.value[0]!.parts.map((x) => x.id)).toEqual(['portfolio:page1', 'portfolio:report', 'portfolio:skill', 'portfolio:thoughts']);
  });
});
