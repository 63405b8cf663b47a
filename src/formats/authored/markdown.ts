/**
 * Markdown → HTML with the same engine and options Eleventy uses for `.md` templates
 * (markdown-it, `html: true`), so a part's text looks the same as an Eleventy page would.
 * The HTML is NOT safe yet: model/authored sanitizes it like imported HTML.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true });

/**
 * Renders a Markdown body to HTML. Headings move one level down (`#` → h2): the page's h1 is the
 * part's title, and a body's own `# Heading` must not compete with it.
 */
export function renderMarkdown(body: string): string {
  return md.render(body).replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + 1)}`);
}
