/** The Leap2A adapter: Atom feeds with Leap2A terms (Mahara, Moodle, PebblePad exports). */
import { detectLeap2a, generateLeap2aPackage, readLeap2aPackage } from '../../formats/leap2a/index.ts';
import { displayPath } from '../../read/index.ts';
import type { Format } from '../format.ts';
import { portfolioFromLeap2a } from './from-leap2a.ts';
import { portfolioToLeap2a } from './to-leap2a.ts';

/** Leap2A 2009-03 to 2010-07 exports, read and written. docs/leap2a-mapping.md. */
export const leap2aFormat: Format = {
  id: 'leap2a',
  title: 'Leap2A export (Atom feed with Leap2A terms: Mahara, Moodle, PebblePad)',
  recognisedBy: 'a feed file (leap2a.xml, leap.xml, leap2.xml) or an Atom root',
  detect: (bundle) => detectLeap2a(bundle) !== undefined,
  read(bundle, cx) {
    const feedPath = detectLeap2a(bundle)!;
    const leap = readLeap2aPackage(bundle, feedPath, cx.bag);
    if (!leap) return undefined;
    const rootPrefix = leap.root ? `${leap.root}/` : '';
    return portfolioFromLeap2a(leap, (p) => displayPath(bundle, p === feedPath ? p : rootPrefix + p), cx.bag, cx.fallbackId);
  },
  write: (portfolio, bag) => generateLeap2aPackage(portfolioToLeap2a(portfolio, bag)),
  output: 'zip',
  cannotCarry: ['IMS manifest metadata and package extensions', 'IMS detail of parts other than the person', 'part extensions', "a status's date and description"],
};
