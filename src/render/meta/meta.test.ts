/** Hostile text in previews, cards and feeds stays text; the search index fails softly. */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { cardSvg, initialsOf, withoutName, wrapText } from './card.ts';
import { jsonLdScript } from './json-ld.ts';
import { DEFAULT_COLOURS, themeColours } from './colours.ts';
import { DiagnosticBag } from '../../diagnostics/index.ts';
import { addSearchIndexes } from '../search/pagefind.ts';
import type { ViewPlan } from '../../views/types.ts';

describe('hostile text', () => {
  it('a name holding </script> cannot end the JSON-LD element, and parses back to itself', () => {
    const name = 'Eve</script><script>alert(1)</script>\u2028';
    const html = `<script type="application/ld+json">${jsonLdScript({ name })}</script>`;
    const doc = parse(html);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(JSON.parse(doc.querySelector('script')!.textContent)).toEqual({ name });
  });

  it('card text is escaped SVG text, and only plain colours are taken from a stylesheet', () => {
    const svg = cardSvg({ name: 'A <b>&"', title: '"/><script>x</script>', colours: DEFAULT_COLOURS }, false);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;');
    const colours = themeColours(':root { --paper: url(javascript:x); --ink: #123456; --accent: red"/><x; }');
    expect(colours).toEqual({ ...DEFAULT_COLOURS, text: '#123456' });
  });

  it('wraps at words, cuts with an ellipsis, and takes initials of the first and last names', () => {
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(initialsOf('Léa Moreau-Lindqvist')).toBe('LM');
    expect(initialsOf('  ')).toBe('');
    expect(withoutName('Léa M — Portfolio', 'Léa M')).toBe('Portfolio');
  });
});

describe('search index', () => {
  it('SearchIndexFailed: without Pagefind\'s program the site is built without search, with a warning', async () => {
    const before = process.env.PAGEFIND_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = '/nonexistent/pagefind';
    try {
      const bag = new DiagnosticBag();
      const files = new Map([['v/index.html', new TextEncoder().encode('<html lang="en"><body><main><h1>Hi</h1></main></body></html>')]]);
      await addSearchIndexes([{ id: 'v', folder: 'v', access: 'public', parts: [] } as unknown as ViewPlan], files, bag);
      expect(bag.items.map((d) => [d.code, d.severity])).toEqual([['SearchIndexFailed', 'warning']]);
      expect([...files.keys()]).toEqual(['v/index.html']);
    } finally {
      if (before === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = before;
    }
  }, 30_000);
});
