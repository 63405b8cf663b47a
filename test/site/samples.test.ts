/**
 * Every IMS input builds into a site where a reader finds every part, its fields and its
 * relations. With no view configured, the site is the preview of everything. The inputs are the
 * project's quirks fixtures (test/fixtures/ims-quirks, on any clone) and, where ../shared is
 * there, the real IMS samples too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import type { Portfolio } from '../../src/model/types.ts';
import { join } from 'node:path';
import { hasShared, needs, repoRoot, sharedPath, skipNote } from '../support/env.ts';
import { buildTo, listFiles, page, resolveLink } from './site-helpers.ts';

const ok = needs('../shared/samples', hasShared('samples', 'ims-lip'));
const quirks = join(repoRoot, 'test', 'fixtures', 'ims-quirks');
/** Label → folder: our fixtures always, the real samples where ../shared is there. */
const inputs = new Map<string, string>([
  ['ims-quirks/package', join(quirks, 'package')],
  ['ims-quirks/lip', join(quirks, 'lip')],
  ...(ok ? ['samples/ims-eportfolio/reflect-n-assert', 'samples/ims-eportfolio/minimal-parts', 'samples/ims-lip'].map((x) => [x, sharedPath(...x.split('/'))] as [string, string]) : []),
]);

/** Text of a part page's main content, whitespace folded. */
function mainText(out: string, path: string): string {
  return page(out, path).querySelector('main')!.text.replace(/\s+/g, ' ');
}

describe('IMS inputs as sites', () => {
  const built = new Map<string, { out: string; portfolio: Portfolio }>();
  beforeAll(async () => {
    for (const [input, dir] of inputs) {
      const { out, result } = await buildTo(dir);
      expect(result.diagnostics.filter((d) => d.severity === 'error'), input).toEqual([]);
      built.set(input, { out, portfolio: (await readPortfolio(dir)).value! });
    }
  }, 120_000);

  it('builds every input listed', () => {
    expect([...built.keys()]).toEqual([...inputs.keys()]);
    expect(built.size).toBe(ok ? 5 : 2);
  });

  it('gives every part a page with its descriptions, type, dates and status', () => {
    for (const [input, { out, portfolio }] of built) {
      const files = listFiles(out);
      for (const part of portfolio.parts) {
        const path = `preview/${part.slug}/index.html`;
        expect(files, `${input}: ${part.id}`).toContain(path);
        const text = mainText(out, path);
        for (const t of [part.description?.short?.value, part.description?.long?.value, part.title?.value, part.type?.value, part.comment?.value, part.priority?.value, part.author?.value, part.status?.type?.value, ...part.rationale.map((r) => r.value)]) {
          if (t) expect(text, `${input}: ${part.id} shows "${t}"`).toContain(t.replace(/\s+/g, ' '));
        }
        const times = page(out, path).querySelectorAll('time').map((x) => x.getAttribute('datetime'));
        for (const d of part.dates) expect(times, `${input}: ${part.id} date ${d.value}`).toContain(d.value);
      }
    }
  });

  it('links both ends of every relation', () => {
    for (const [input, { out, portfolio }] of built) {
      const slug = new Map(portfolio.parts.map((p) => [p.id, p.slug]));
      for (const rel of portfolio.relations) {
        const from = slug.get(rel.from);
        for (const to of rel.to.map((t) => slug.get(t))) {
          if (!from || !to) continue; // a dangling end is reported when reading, and has no page
          const fromPage = `preview/${from}/index.html`;
          const toPage = `preview/${to}/index.html`;
          const out1 = page(out, fromPage).querySelectorAll('a').map((a) => resolveLink(fromPage, a.getAttribute('href') ?? ''));
          const out2 = page(out, toPage).querySelectorAll('a').map((a) => resolveLink(toPage, a.getAttribute('href') ?? ''));
          expect(out1, `${input}: ${rel.id} ${rel.type} from ${rel.from}`).toContain(toPage);
          expect(out2, `${input}: ${rel.id} ${rel.type} back to ${rel.from}`).toContain(fromPage);
        }
      }
    }
  });

  it('shows the kind-specific fields of the LIP fixtures', () => {
    const { out } = built.get('ims-quirks/lip')!;
    const show = (slug: string, ...texts: string[]) => {
      const text = mainText(out, `preview/${slug}/index.html`);
      for (const t of texts) expect(text, `${slug}: ${t}`).toContain(t);
    };
    show('ident-1', 'Ms Ines Varga-Holm', 'Ines', 'Varga-Holm', 'Sawmill Lane', 'Eastwick', 'Nowhere Land', '5550147', 'M.Quist');
    show('act-1', 'Hours', '1200', 'Joinery apprenticeship, year two', 'Years', 'Lowest', 'Highest', 'Mark');
    show('affil-1', 'Journeyman', 'GW-0447', 'Guild of Woodworkers, North Chapter', "Secretary of the young members' circle");
    show('qcl-1', 'Journeyman Joiner', 'Northern Craft Chamber', 'Level 3');
    show('goal-1', 'Open my own workshop', 'Main aim', 'Active');
    show('comp-1', 'Hand-tool joinery skills', 'records/ines-skills.pdf');
    show('transcript-1', 'Chamber examination marks', 'CraftChamberXML', 'records/marks.xml');
    show('access-1', 'Screen magnifier at 200%');
    show('interest-1', 'Building a cedar-strip canoe');
    const sub = page(out, 'preview/goal-1-step-1/index.html').querySelectorAll('a').map((a) => resolveLink('preview/goal-1-step-1/index.html', a.getAttribute('href') ?? ''));
    expect(sub).toContain('preview/goal-1/index.html');
  });

  it.skipIf(!ok)(`shows the kind-specific fields of the LIP samples${skipNote('../shared/samples', ok)}`, () => {
    const { out } = built.get('samples/ims-lip')!;
    const show = (slug: string, ...texts: string[]) => {
      const text = mainText(out, `preview/${slug}/index.html`);
      for (const t of texts) expect(text, `${slug}: ${t}`).toContain(t);
    };
    show('identification-01', 'Mr Sherlock Holmes', 'Sherlock', 'Holmes', 'Baker Street', 'London', 'England', '6472239', 'Dr.Watson');
    show('activity-1', 'CreditNumber', '10', 'Degree in Philiosphy', 'Duration', 'MinScore', 'MaxScore', 'Total', '80');
    show('affiliation-01', 'Fellow', '2457923A', 'Royal Institution of Criminology: London Branch', 'Treasurer for the Local Branch of Criminology');
    show('qcl-01', 'MA Criminology', 'Cambridge University', 'First Class Honours');
    show('goal-01', 'To arrest Moriarty', 'Primary Objective', 'Active');
    show('competency-01', 'Competencies in Criminology', 'holmes/competency.doc');
    show('transcript-01', 'Cambridge University Transcript', 'MSWord98', 'holmes/cambridge_degree.doc');
    show('accessibility-01', 'Large Font Display Devices');
    show('interest-01', 'Music - playing the violin');
    // Nested parts link to their parent and back.
    const sub = page(out, 'preview/goal-01-subgoal-01/index.html').querySelectorAll('a').map((a) => resolveLink('preview/goal-01-subgoal-01/index.html', a.getAttribute('href') ?? ''));
    expect(sub).toContain('preview/goal-01/index.html');
  });

  it('marks the preview noindex and lists it at the root', () => {
    for (const { out } of built.values()) {
      const idx = page(out, 'preview/index.html');
      expect(idx.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
      expect(page(out, 'index.html').querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('preview/index.html');
    }
  });
});
