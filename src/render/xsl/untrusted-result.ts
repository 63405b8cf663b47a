/**
 * What a package stylesheet returns, made safe to publish: its principal result becomes a
 * sanitized fragment inside the theme's layout (never a whole page of its own), and its result
 * documents are kept only as `.html` (sanitized), `.txt`, `.csv` or `.json`. Used for every
 * stylesheet that came with the input and runs under `--allow-package-code`: a config's
 * `xsl:` or `xsl: { osp: … }` inside the package, as for its ims-epView (package-views.ts).
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { sanitizePresentationHtml } from '../../model/sanitize.ts';

/** Extensions of result documents a package stylesheet may write; HTML ones are sanitized. */
const RESULT_TYPES = /\.(html?|txt|csv|json)$/i;

/** The body of a whole page, or the text as it is when it is a fragment. */
function bodyOf(output: string): string {
  const text = output.replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, '');
  if (!/^\s*(<!DOCTYPE\s+html|<html[\s>])/i.test(text)) return text;
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(text)?.[1] ?? '';
}

/**
 * A package stylesheet's result (principal output and result documents), sanitized. `display`
 * locates the stylesheet in diagnostics; `name` is how messages call it (default: `display`).
 */
export function untrustedResult(output: string, documents: Map<string, string>, display: string, viewId: string, bag: DiagnosticBag, name = display): { fragment: string; files: Map<string, Uint8Array> } {
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  let sanitized = false;
  for (const [href, text] of documents) {
    if (!RESULT_TYPES.test(href)) {
      bag.add('XslAccessRefused', `the package stylesheet's result document "${href}" was not written: a package may write .html, .txt, .csv and .json files only`, { file: display }, { severity: 'warning' });
      continue;
    }
    if (/\.html?$/i.test(href)) {
      const clean = sanitizePresentationHtml(bodyOf(text));
      sanitized ||= clean.changed;
      files.set(href, encoder.encode(`<!DOCTYPE html>\n<meta charset="utf-8">\n${clean.html}\n`));
    } else files.set(href, encoder.encode(text));
  }
  const clean = sanitizePresentationHtml(bodyOf(output));
  if (sanitized || clean.changed) bag.add('HtmlSanitized', `view "${viewId}": unsafe HTML made by the package stylesheet "${name}" was removed`, { file: display });
  return { fragment: clean.html, files };
}
