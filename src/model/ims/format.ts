/** The IMS adapters: IMS ePortfolio packages (a manifest) and loose IMS LIP part files. */
import { diagnostic, type DiagnosticBag } from '../../diagnostics/index.ts';
import { findManifest, generateImsPackage, readImsPackage } from '../../formats/ims-package/index.ts';
import { displayPath, type SourceBundle } from '../../read/index.ts';
import type { Format, ReadContext } from '../format.ts';
import type { Portfolio } from '../types.ts';
import { portfolioFromIms } from './from-ims.ts';
import { portfolioToIms } from './to-ims.ts';

function read(bundle: SourceBundle, cx: ReadContext): Portfolio | undefined {
  const pkg = readImsPackage(bundle, cx.bag);
  if (!pkg) {
    if (!cx.bag.hasErrors()) cx.bag.push(diagnostic('InputKindUnknown', `${cx.input}: no portfolio found`, { file: cx.input }));
    return undefined;
  }
  const rootPrefix = pkg.root ? `${pkg.root}/` : '';
  return portfolioFromIms(pkg, (p) => displayPath(bundle, rootPrefix + p), cx.bag, cx.fallbackId);
}

function write(portfolio: Portfolio, bag: DiagnosticBag): Map<string, Uint8Array> {
  const files = generateImsPackage(portfolioToIms(portfolio, bag));
  // What the authored format (and Leap2A) can say that an IMS package has no place for.
  if (portfolio.lang) bag.add('ExportFieldDropped', `the portfolio's language (${portfolio.lang}) has no place in an IMS package and was left out`);
  const described = portfolio.files.filter((f) => f.about).map((f) => f.path);
  if (described.length) bag.add('ExportFieldDropped', `what is said about ${described.length} file(s) (alt text, captions, transcripts: ${described.slice(0, 3).join(', ')}${described.length > 3 ? ', ...' : ''}) has no place in an IMS package and was left out`);
  return files;
}

/** The ids of the parts read from these package paths of part files (an `ims-epView` organization names files, not parts). */
export function partsInFiles(portfolio: Portfolio, paths: readonly string[]): string[] {
  const named = new Set(paths);
  return portfolio.parts.filter((part) => part.ims?.file && named.has(part.ims.file)).map((part) => part.id);
}

const CANNOT_CARRY = ["the portfolio's language", 'what is said about files (alt text, captions, transcripts)', "a person's headline, summary, web links and photo", 'parts nested where IMS LIP has no place for them'];

/** IMS ePortfolio 1.0 packages: imsmanifest.xml with LIP part files. */
export const imsFormat: Format = {
  id: 'ims',
  title: 'IMS ePortfolio 1.0 package (imsmanifest.xml and IMS LIP part files)',
  recognisedBy: 'an imsmanifest.xml at the root or in the one top folder',
  detect: (bundle) => findManifest(bundle) !== undefined,
  read,
  write,
  output: 'zip',
  cannotCarry: CANNOT_CARRY,
};

/** IMS LIP part files without a manifest (a folder of part files, or one part file); written as an IMS package. */
export const lipPartsFormat: Format = {
  id: 'lip',
  title: 'IMS LIP part files without a manifest (a folder of part files, or one part file)',
  recognisedBy: 'anything else: every XML file whose root is a LIP learnerinformation or part element',
  detect: () => true,
  read,
  cannotCarry: CANNOT_CARRY,
};
