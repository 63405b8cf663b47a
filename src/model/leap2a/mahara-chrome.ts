/**
 * Mahara's editor chrome, removed from a page's content HTML. The exporter writes each page as
 * Mahara renders it for its owner: "Quick edit" buttons, "Add comment / Details" links,
 * instructions toggles, placeholders and links to `#`. This HTML is used only for a page without
 * `<mahara:view>` (the structure is rebuilt from the blocks otherwise, render/mahara), and only
 * once this chrome is gone. Runs before sanitizing, which drops the class names it looks at.
 */
import sanitizeHtml from 'sanitize-html';

/** Classes of elements Mahara hides or uses for editing only. */
const CHROME_CLASS = /(^|\s)(d-none|collapse|sr-only|visually-hidden|quickedit|js-configure-block|configure[-_]?block|block-header|blockinstance-controls|comment(s|-)\S*|feedback\S*|modal\S*|btn\S*|dropdown\S*)(\s|$)/i;
/** Link and button texts of the editor, in the languages Mahara exports most. */
const CHROME_TEXT = /^\s*(quick edit|édition rapide|add comment|ajouter un commentaire|details|détails|add comment \/ details|please configure this block|veuillez configurer ce bloc)\s*$/i;

/** A block Mahara asks its owner to configure, shown as its only text. */
const PLACEHOLDER = /^\s*(please configure this block|veuillez configurer ce bloc)\s*$/i;

/** The page HTML without what Mahara shows only its editor; the words of the page stay. */
export function removeMaharaChrome(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    exclusiveFilter: (frame) => {
      const cls = frame.attribs.class ?? '';
      if (CHROME_CLASS.test(cls)) return true;
      if (frame.attribs['aria-hidden'] === 'true' || 'hidden' in frame.attribs) return true;
      if (frame.tag === 'a' && (frame.attribs.href === '#' || (frame.attribs.href ?? '').startsWith('#') || CHROME_TEXT.test(frame.text))) return true;
      if (frame.tag === 'button') return true;
      if (/^(p|div|span|h[1-6])$/.test(frame.tag) && PLACEHOLDER.test(frame.text)) return true;
      return false;
    },
  });
}
