import { describe, expect, it } from 'vitest';
import { removeMaharaChrome } from './mahara-chrome.ts';

describe('removeMaharaChrome', () => {
  it("drops the editor's buttons, hidden elements, comment links and links to #, and keeps the page's words", () => {
    const html = [
      '<div class="block-header"><a class="quickedit" href="#">Quick edit</a></div>',
      '<div class="blockinstance"><h2>About me</h2><p>I study <a href="https://example.org/coast">the coast</a>.</p></div>',
      '<div class="d-none">hidden instructions</div><div class="collapse">More instructions</div>',
      '<a href="#" >Édition rapide</a><a href="https://mahara.example.org/view/view.php?id=3#comments">Add comment / Details</a>',
      '<button type="button">Configure</button><p>Please configure this block</p>',
    ].join('');
    const out = removeMaharaChrome(html);
    expect(out).toContain('<h2>About me</h2>');
    expect(out).toContain('<a href="https://example.org/coast">the coast</a>');
    for (const gone of ['Quick edit', 'hidden instructions', 'More instructions', 'Édition rapide', 'Add comment', 'Configure<', 'Please configure']) expect(out).not.toContain(gone);
  });
});
