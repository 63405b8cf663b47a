/**
 * Markdown → HTML with the same engine and options Eleventy uses for `.md` templates
 * (markdown-it, `html: true`), so a part's text looks the same as an Eleventy page would.
 * The HTML is NOT safe yet: model/authored sanitizes it like imported HTML.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true });

/** Renders a Markdown body to HTML. */
export function renderMarkdown(body: string): string {
  return md.render(body);
}
