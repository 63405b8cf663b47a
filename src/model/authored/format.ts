/** The authored adapter: a folder with portfolio.yaml and Markdown parts (docs/authored-format.md). */
import { isAuthored, readAuthoredSource } from '../../formats/authored/index.ts';
import type { Format } from '../format.ts';
import { portfolioFromAuthored } from './from-authored.ts';
import { portfolioToAuthored } from './to-authored.ts';

/** Vitrine's own format, for people who write their portfolio by hand; carries everything. */
export const authoredFormat: Format = {
  id: 'authored',
  title: 'authored folder (portfolio.yaml and Markdown parts with YAML front matter)',
  recognisedBy: 'a folder with portfolio.yaml',
  detect: isAuthored,
  read: (bundle, cx) => portfolioFromAuthored(readAuthoredSource(bundle, cx.bag), cx.bag, cx.fallbackId),
  write: portfolioToAuthored,
  output: 'folder',
  cannotCarry: [],
};
