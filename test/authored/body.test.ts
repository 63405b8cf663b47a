/** A part's body: Markdown through Eleventy's engine, sanitized like imported HTML. */
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { where, writeTree } from './helpers.ts';

describe('part bodies', () => {
  // markdown-it itself refuses javascript: links (left as text); sanitize-html removes the rest.
  it('render Markdown, move headings below the page title, and lose unsafe HTML with a diagnostic', async () => {
    const dir = writeTree({
      'portfolio.yaml': 'title: T\n',
      'parts/a.md': '---\nkind: product\nlang: fr\n---\n\n# Contexte\n\nUn *projet* <img src=x onerror="alert(1)"> [lien](javascript:alert(1)).\n\n<script>alert(2)</script>\n',
      'parts/b.md': '---\nkind: product\nformat: text\n---\nKept <as> written.\n',
      'parts/c.md': '---\nkind: product\nformat: html\n---\n<p onclick="x()">Hi</p>\n',
    });
    const r = await readPortfolio(dir);
    const long = (id: string) => r.value!.parts.find((p) => p.id === id)!.description!.long!;
    expect(long('a')).toEqual({ value: '<h2>Contexte</h2>\n<p>Un <em>projet</em> <img src="x" /> [lien](javascript:alert(1)).</p>', lang: 'fr' });
    expect(long('b')).toEqual({ value: 'Kept <as> written.' });
    expect(long('c')).toEqual({ value: '<p>Hi</p>' });
    expect(where(r.diagnostics, dir).sort()).toEqual(['HtmlSanitized parts/a.md:5:1', 'HtmlSanitized parts/c.md:5:1']);
  });
});
