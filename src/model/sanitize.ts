/** Rich text in the model is sanitized HTML: imported descriptions can carry script. */
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's',
    'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'span', 'div', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img',
    'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // No data: images: their bytes would reach pages without the metadata stripping images get.
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
};

/**
 * Tells whether a text is an HTML document fragment: it starts with a block element. A plain
 * text that merely mentions a tag ("use the <table> element") is not, and is never rewritten.
 */
export function isRichHtml(s: string): boolean {
  return /^\s*<(p|div|ul|ol|h[1-6]|blockquote|table|section|article|figure|pre|dl)[\s>]/i.test(s);
}

/** Tells whether a text looks like HTML markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(s);
}

/** Sanitizes HTML; returns the clean text and whether anything was removed. */
export function sanitizeRichText(html: string): { html: string; changed: boolean } {
  const clean = sanitizeHtml(html, options);
  return { html: clean, changed: clean.replace(/\s+/g, '') !== html.replace(/\s+/g, '') };
}

/** The text of an HTML fragment, block ends kept as blank lines (for excerpts and plain views). */
export function textOf(html: string): string {
  const blocks = html.replace(/<\/(p|div|li|h[2-6]|blockquote|pre|tr)>/gi, '$&\n\n').replace(/<br\s*\/?>/gi, '\n');
  return sanitizeHtml(blocks, { allowedTags: [], allowedAttributes: {} }).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Sanitizes the HTML a package's own XSL stylesheet made (docs/xsl-views.md): the same rules as
 * imported rich text, plus `class` and sectioning elements so that the package's
 * presentationStyle CSS can still apply. No script, no event handlers, no style attributes.
 */
export function sanitizePresentationHtml(html: string): { html: string; changed: boolean } {
  const clean = sanitizeHtml(html, {
    ...options,
    allowedTags: [...(options.allowedTags as string[]), 'h1', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main'],
    allowedAttributes: { ...(options.allowedAttributes as Record<string, string[]>), '*': ['lang', 'dir', 'class', 'id'] },
  });
  return { html: clean, changed: clean.replace(/\s+/g, '') !== html.replace(/\s+/g, '') };
}
