/** `date:` in front matter (one date, as Eleventy, Jekyll and Hugo write it) beside `dates:`. */
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { where, writeTree } from './helpers.ts';

describe('front matter date:', () => {
  it('reads date: as an untyped date before those of dates:, and reports a bad one at its line', async () => {
    const dir = writeTree({
      'portfolio.yaml': 'title: T\n',
      'parts/a.md': '---\nkind: product\ntitle: A\ndate: 2021-09-01\ndates: { Finish: 2022-06 }\n---\nText.\n',
      'parts/b.md': '---\nkind: product\ntitle: B\ndate: 2019\n---\n',
    });
    const r = await readPortfolio(dir);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const a = r.value!.parts.find((p) => p.title?.value === 'A' || p.description?.short?.value === 'A')!;
    expect(a.dates.map((d) => [d.type?.value, d.value])).toEqual([[undefined, '2021-09-01'], ['Finish', '2022-06']]);
    const b = r.value!.parts.find((p) => p.description?.short?.value === 'B')!;
    expect(b.dates.map((d) => d.value)).toEqual(['2019']);
    const bad = await readPortfolio(writeTree({ 'portfolio.yaml': 'title: T\n', 'parts/c.md': '---\nkind: product\ntitle: C\ndate: [1, 2]\n---\n' }));
    expect(where(bad.diagnostics, '').join('\n')).toMatch(/c\.md:4:\d+/);
  });
});
