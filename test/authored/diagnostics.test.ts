/**
 * Every mistake of the authored format has its own code and points at the file, line and
 * column of the value it is about; one bad file does not hide the others' problems.
 */
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { where, writeTree } from './helpers.ts';

const portfolio = 'title: Test\nlang: en\n';

describe('authored format diagnostics', () => {
  it('reports every mistake of every file, each at its file:line:col', async () => {
    const dir = writeTree({
      'portfolio.yaml': portfolio,
      'parts/work/poster.md': [
        '---',
        'kind: product',
        'titel: A poster',
        'dates:',
        '  Create: 2024-13-01',
        'evidences: [teamwork, team-work]',
        'files:',
        '  - path: poster.jpg',
        '    alt: A poster in blue',
        '  - missing.png',
        '---',
        'The *poster*.',
      ].join('\n'),
      'parts/work/poster.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
      'parts/teamwork.md': '---\nkind: competency\ntitle: Teamwork\n---\n',
      'parts/other.md': '---\nkind: competncy\nid: teamwork\n---\n',
      'parts/broken.md': '---\nkind: goal\ntags: [a\n---\n',
      'parts/nokind.md': '---\ntitle: No kind\n---\n',
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir).sort()).toEqual(
      [
        'AuthoredFieldUnknown parts/work/poster.md:3:1',
        'AuthoredDateInvalid parts/work/poster.md:5:11',
        'AuthoredRelationTargetMissing parts/work/poster.md:6:23',
        'AuthoredFileMissing parts/work/poster.md:10:5',
        'AuthoredKindUnknown parts/other.md:2:7',
        'AuthoredDuplicateId parts/teamwork.md:1:1',
        'AuthoredYamlInvalid parts/broken.md:4:1',
        'AuthoredKindUnknown parts/nokind.md:1:1',
      ].sort(),
    );
    const byCode = (c: string) => r.diagnostics.find((d) => d.code === c)!;
    expect(byCode('AuthoredFieldUnknown').message).toContain('Did you mean "title"?');
    expect(r.diagnostics.find((d) => d.location?.file.endsWith('other.md'))!.message).toContain('Did you mean "competency"?');
    expect(byCode('AuthoredRelationTargetMissing').message).toContain('Did you mean "teamwork"?');
    expect(byCode('AuthoredRelationTargetMissing').severity).toBe('warning');
    for (const code of ['AuthoredYamlInvalid', 'AuthoredKindUnknown', 'AuthoredDateInvalid', 'AuthoredDuplicateId', 'AuthoredFileMissing', 'AuthoredFieldUnknown', 'AuthoredRelationTargetMissing']) {
      expect(r.diagnostics.filter((d) => d.code === code).every((d) => d.location?.line !== undefined && d.location.column !== undefined), code).toBe(true);
      expect(r.diagnostics.some((d) => d.code === code), code).toBe(true);
    }
    // The good parts are read all the same.
    expect(r.value?.parts.map((p) => p.id).sort()).toEqual(['poster']);
  });

  it('reports wrong kinds of values and a front matter that is not a mapping', async () => {
    const dir = writeTree({
      'portfolio.yaml': portfolio,
      'a.md': '---\nkind: product\ntags: { a: 1 }\nformat: rst\n---\n',
      'b.md': '---\njust text\n---\n',
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir).sort()).toEqual(['AuthoredValueInvalid a.md:3:7', 'AuthoredValueInvalid a.md:4:9', 'AuthoredValueInvalid b.md:2:1'].sort());
    expect(r.diagnostics.every((d) => d.code === 'AuthoredValueInvalid' && d.severity === 'error')).toBe(true);
  });

  it('resume: needs a section, knows its fields, and takes text and lists of text', async () => {
    const dir = writeTree({
      'portfolio.yaml': portfolio,
      'a.md': '---\nkind: activity\nresume: { organisation: Atelier Nord }\n---\n',
      'b.md': '---\nkind: activity\nresume: { section: employment, employer: X, highlights: [one, { two: 2 }] }\n---\n',
      'c.md': '---\nkind: activity\nresume: { section: employment, role: 2024, highlights: Led the rebrand }\n---\n',
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir).sort()).toEqual(['AuthoredFieldUnknown b.md:3:32', 'AuthoredValueInvalid a.md:3:9', 'AuthoredValueInvalid b.md:3:63'].sort());
    const resume = (id: string) => r.value!.parts.find((p) => p.id === id)!.resume;
    expect(resume('a')).toBeUndefined();
    expect(resume('b')).toEqual({ section: 'employment', highlights: ['one'] });
    expect(resume('c')).toEqual({ section: 'employment', role: '2024', highlights: ['Led the rebrand'] });
  });

  it('a Mahara page kept in leap2a.elements that the layout reader cannot walk is a mistake, not a crash', async () => {
    const view = (attrs: string) => `    - { type: element, ns: "http://wiki.mahara.org/Developer_Area/Import%2F%2FExport/LEAP_Extensions#", name: view, attrs: ${attrs}, children: [] }`;
    const dir = writeTree({
      'portfolio.yaml': portfolio,
      'a.md': `---\nkind: product\nleap2a:\n  types: []\n  categories: []\n  elements:\n${view('5')}\n---\n`,
      'b.md': `---\nkind: product\nleap2a:\n  types: []\n  categories: []\n  elements:\n${view('[]')}\n---\n`,
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir)).toEqual(['AuthoredValueInvalid a.md:7:5']);
    expect(r.value!.parts.find((p) => p.id === 'a')!.page).toBeUndefined();
    // A well-formed (empty) view is a page of its own, as the Leap2A reader makes it.
    expect(r.value!.parts.find((p) => p.id === 'b')!.page).toEqual({ type: 'portfolio', layout: 'columns', blocks: [], cells: [] });
  });

  it('reads a duplicate relation id and a file that is not UTF-8 as mistakes too', async () => {
    const dir = writeTree({
      'portfolio.yaml': portfolio,
      'a.md': '---\nkind: product\nrelations:\n  - { type: Supports, to: b, id: r1 }\n  - { type: Uses, to: b, id: r1 }\n---\n',
      'b.md': '---\nkind: goal\n---\n',
      'c.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir).sort()).toEqual(['AuthoredDuplicateId a.md:5:30', 'AuthoredYamlInvalid c.md:1:1'].sort());
  });
});
