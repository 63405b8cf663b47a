/**
 * ACCLIP 1.0 documents a portfolio carries as files of their own (an `imslip-Accessibility`
 * resource whose file is `<accessForAll>`), parsed here so that audience/ reads a tree, not
 * bytes. `accessForAll` elements inside accessibility parts are already trees (extensions).
 */
import { parseXml } from '../formats/xml/parse.ts';
import type { XmlElement } from '../formats/xml/tree.ts';
import type { Portfolio } from './types.ts';

/** ACCLIP documents larger than this are not looked at: preferences are a few kilobytes. */
const MAX_ACCLIP_BYTES = 256 * 1024;

/** Every file of the portfolio whose root is `accessForAll`, parsed, with its path. */
export function acclipDocuments(portfolio: Portfolio): { path: string; root: XmlElement }[] {
  const out: { path: string; root: XmlElement }[] = [];
  for (const f of portfolio.files) {
    if (!/\.xml$/i.test(f.path) || f.size > MAX_ACCLIP_BYTES || !new TextDecoder().decode(f.bytes.subarray(0, 4096)).includes('accessForAll')) continue;
    const parsed = parseXml(f.bytes, f.path);
    if (parsed.root?.name === 'accessForAll') out.push({ path: f.path, root: parsed.root });
  }
  return out;
}
