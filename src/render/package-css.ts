/**
 * A package's CSS (`presentationStyle` resources, used only with `--allow-package-code`) is
 * filtered through a real CSS parser (css-tree) before it is published: regular expressions
 * miss what a browser decodes, such as `u\72l(`, `url(h\74tps:…)` or `image-set("https://…")`.
 * Removed: every `@import`; every declaration that names a URL with a scheme other than
 * `data:` or one starting `//` (values decoded as the browser decodes them, tabs and newlines
 * dropped as its URL parser drops them); every declaration css-tree could not parse into
 * known parts (a Raw value) that, decoded, calls a URL-taking function; and old script hooks
 * (`expression()`, `behavior`, `-moz-binding`). Relative URLs stay: they stay on the site.
 */
import { createRequire } from 'node:module';
import type * as CssTree from 'css-tree';

/**
 * css-tree, loaded on first use: it takes 0.2 s to load, and only a package's own CSS (with
 * `--allow-package-code`) needs it, not every build.
 */
let loaded: typeof CssTree | undefined;
const cssTree = (): typeof CssTree => (loaded ??= createRequire(import.meta.url)('css-tree') as typeof CssTree);

/** A URL that leaves the site: a scheme other than data:, or protocol-relative (`//`, `\\`). */
function isRemote(url: string): boolean {
  const u = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (/^[/\\]{2}/.test(u)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u);
  return !!scheme && scheme[1]!.toLowerCase() !== 'data';
}

/** CSS escapes decoded (`\72` → `r`, `\(` → `(`), as the browser reads an identifier or raw text. */
function decodeEscapes(s: string): string {
  return s.replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([^\n\r\f])/gi, (_m, hex: string | undefined, ch: string | undefined) => (hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : ch!));
}

const URL_FUNCTIONS = /(^|[^a-z0-9_-])(url|src|image|image-set|cross-fade|element|paint)\s*\(/i;
const SCRIPT_HOOKS = /expression\s*\(|javascript:|vbscript:/i;

/** Why a declaration (or at-rule prelude) must go, or undefined when it may stay. */
function unsafe(node: CssTree.CssNode): string | undefined {
  let why: string | undefined;
  cssTree().walk(node, (n) => {
    if (why) return;
    if (n.type === 'Url' && isRemote(n.value)) why = `url(${n.value})`;
    else if (n.type === 'String' && isRemote(n.value)) why = `"${n.value}"`;
    else if (n.type === 'Function') {
      const name = decodeEscapes(n.name).toLowerCase();
      if (name === 'expression') why = 'expression()';
    } else if (n.type === 'Raw') {
      const text = decodeEscapes(n.value);
      if (URL_FUNCTIONS.test(text) || SCRIPT_HOOKS.test(text) || /[/\\]{2}/.test(text)) why = `unparsed value ${n.value.slice(0, 40)}`;
    }
  });
  if (!why && node.type === 'Declaration') {
    const property = decodeEscapes(node.property).toLowerCase();
    if (property === 'behavior' || property === '-moz-binding') why = property;
  }
  return why;
}

/** The filtered CSS, and what was removed (for the build's message). */
export function filterPackageCss(css: string): { css: string; removed: string[] } {
  const removed: string[] = [];
  const csstree = cssTree();
  const ast = csstree.parse(css, { parseCustomProperty: true, parseValue: true, parseAtrulePrelude: true });
  csstree.walk(ast, {
    enter(node: CssTree.CssNode, item: CssTree.ListItem<CssTree.CssNode>, list: CssTree.List<CssTree.CssNode>) {
      if (!list) return;
      if (node.type === 'Atrule' && decodeEscapes(node.name).toLowerCase() === 'import') {
        removed.push('@import');
        list.remove(item);
      } else if (node.type === 'Declaration' || (node.type === 'Atrule' && node.prelude)) {
        const why = node.type === 'Declaration' ? unsafe(node) : unsafe(node.prelude!);
        if (why) {
          removed.push(why);
          list.remove(item);
        }
      } else if (node.type === 'Raw') {
        // A rule css-tree could not parse at all: kept only when it names nothing to load.
        const why = unsafe(node);
        if (why) {
          removed.push(why);
          list.remove(item);
        }
      }
    },
  });
  return { css: csstree.generate(ast), removed };
}
