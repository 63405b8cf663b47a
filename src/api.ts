/**
 * The public API: read a portfolio from any supported input, and generate a package from it.
 * Every function returns its value with diagnostics; none prints or exits.
 */
import { basename } from 'node:path';
import { DiagnosticBag, diagnostic, type Result } from './diagnostics/index.ts';
import { readInput, displayPath, defaultReadLimits, dropSecretsFiles, type ReadLimits, type SourceBundle } from './read/index.ts';
import { attachBadges } from './model/openbadges/attach.ts';
import { generateImsPackage, readImsPackage } from './formats/ims-package/index.ts';
import { isAuthored, readAuthoredSource } from './formats/authored/index.ts';
import { portfolioFromAuthored } from './model/authored/from-authored.ts';
import { portfolioToAuthored } from './model/authored/to-authored.ts';
import { portfolioFromIms, portfolioToIms, type Portfolio } from './model/index.ts';
import { detectLeap2a, generateLeap2aPackage, readLeap2aPackage } from './formats/leap2a/index.ts';
import { portfolioFromLeap2a } from './model/leap2a/from-leap2a.ts';
import { portfolioToLeap2a } from './model/leap2a/to-leap2a.ts';
import { detectJsonResume, generateJsonResume, readJsonResume, RESUME_FILE } from './formats/jsonresume/index.ts';
import { portfolioFromJsonResume } from './model/jsonresume/from-jsonresume.ts';
import { portfolioToJsonResume, type JsonResumeWriteOptions } from './model/jsonresume/to-jsonresume.ts';
import { writeFileAtomic, zipFiles } from './write/index.ts';

/** Options for reading a portfolio. */
export interface ReadOptions {
  limits?: ReadLimits;
  /** Files never read as part of the portfolio (the secrets file in use); any secrets file is left out anyway. */
  exclude?: string[];
}

/** Reads a portfolio from a zip package, a package folder, a folder of part files, one part file, or an authored folder (portfolio.yaml). */
export async function readPortfolio(input: string, options: ReadOptions = {}): Promise<Result<Portfolio | undefined>> {
  const read = await readInput(input, options.limits ?? defaultReadLimits);
  const bag = new DiagnosticBag();
  bag.push(...read.diagnostics);
  const bundle = read.value;
  if (!bundle || bag.hasErrors()) return { value: undefined, diagnostics: bag.items };
  for (const path of dropSecretsFiles(bundle, options.exclude)) {
    bag.add('SecretsInInput', `${displayPath(bundle, path)} is a Vitrine secrets file (folder tokens, passphrases): it is left out of the portfolio, its packages and its sites`, { file: displayPath(bundle, path) });
  }
  const fallbackId = basename(input).replace(/\.(zip|xml|json)$/i, '') || 'portfolio';
  const found = readFormat(bundle, input, bag, fallbackId);
  // Badges are found in the files of any format (docs/open-badges.md).
  if (found) await attachBadges(found.portfolio, bundle, found.root, bag);
  return { value: found?.portfolio, diagnostics: bag.items };
}

/** Reads the bundle in the format it is in; the folder inside the bundle the portfolio is rooted at. */
function readFormat(bundle: SourceBundle, input: string, bag: DiagnosticBag, fallbackId: string): { portfolio: Portfolio; root: string } | undefined {
  if (isAuthored(bundle)) {
    // An authored folder: portfolio.yaml and Markdown parts (docs/authored-format.md).
    if (bundle.files.has(RESUME_FILE)) bag.add('JsonResumeShadowed', `${displayPath(bundle, RESUME_FILE)} was not read: this folder is an authored portfolio (portfolio.yaml), which wins`, { file: displayPath(bundle, RESUME_FILE) });
    return { portfolio: portfolioFromAuthored(readAuthoredSource(bundle, bag), bag, fallbackId), root: '' };
  }
  // Leap2A is recognised by its feed file (leap2a.xml, leap.xml, leap2.xml) or an Atom root.
  const feedPath = detectLeap2a(bundle);
  if (feedPath) {
    const leap = readLeap2aPackage(bundle, feedPath, bag);
    if (!leap) return undefined;
    const rootPrefix = leap.root ? `${leap.root}/` : '';
    return { portfolio: portfolioFromLeap2a(leap, (p) => displayPath(bundle, p === feedPath ? p : rootPrefix + p), bag, fallbackId), root: leap.root ?? '' };
  }
  // JSON Resume: resume.json in a folder or zip, or one .json file shaped like a résumé.
  const resumePath = detectJsonResume(bundle);
  if (resumePath) {
    const doc = readJsonResume(bundle, resumePath, bag);
    return doc ? { portfolio: portfolioFromJsonResume(doc, bundle, bag, fallbackId), root: '' } : undefined;
  }
  const pkg = readImsPackage(bundle, bag);
  if (!pkg) {
    if (!bag.hasErrors()) bag.push(diagnostic('InputKindUnknown', `${input}: no portfolio found`, { file: input }));
    return undefined;
  }
  const rootPrefix = pkg.root ? `${pkg.root}/` : '';
  return { portfolio: portfolioFromIms(pkg, (p) => displayPath(bundle, rootPrefix + p), bag, fallbackId), root: pkg.root ?? '' };
}

/** The formats `pack` can write: an IMS package or a Leap2A zip, an authored folder, or a JSON Resume file. */
export type PackFormat = 'ims' | 'leap2a' | 'authored' | 'jsonresume';

/** Options of an export. */
export interface ExportOptions {
  /** JSON Resume: links to part pages of the published view. */
  jsonresume?: JsonResumeWriteOptions;
}

/** Generates the files of a package (or authored folder) of the portfolio in memory, with what could not be carried. */
export function exportPackage(portfolio: Portfolio, format: PackFormat = 'ims', options: ExportOptions = {}): Result<Map<string, Uint8Array>> {
  const bag = new DiagnosticBag();
  if (format === 'jsonresume') return { value: new Map([[RESUME_FILE, generateJsonResume(portfolioToJsonResume(portfolio, bag, options.jsonresume))]]), diagnostics: bag.items };
  if (format === 'authored') return { value: portfolioToAuthored(portfolio, bag), diagnostics: bag.items };
  if (format === 'leap2a') return { value: generateLeap2aPackage(portfolioToLeap2a(portfolio, bag)), diagnostics: bag.items };
  if (format !== 'ims') throw new Error(`unsupported format ${format as string}`);
  const files = generateImsPackage(portfolioToIms(portfolio, bag));
  // What the authored format (and Leap2A) can say that an IMS package has no place for.
  if (portfolio.lang) bag.add('ExportFieldDropped', `the portfolio's language (${portfolio.lang}) has no place in an IMS package and was left out`);
  const described = portfolio.files.filter((f) => f.about).map((f) => f.path);
  if (described.length) bag.add('ExportFieldDropped', `what is said about ${described.length} file(s) (alt text, captions, transcripts: ${described.slice(0, 3).join(', ')}${described.length > 3 ? ', ...' : ''}) has no place in an IMS package and was left out`);
  return { value: files, diagnostics: bag.items };
}

/** The files of a package of the portfolio, in memory (diagnostics: see exportPackage). */
export function generatePackage(portfolio: Portfolio, format: PackFormat = 'ims'): Map<string, Uint8Array> {
  return exportPackage(portfolio, format).value;
}

/** Writes a package of the portfolio to a zip file (atomically). */
export async function writePackage(portfolio: Portfolio, file: string, format: PackFormat = 'ims'): Promise<Result<{ file: string; entries: number; bytes: number }>> {
  const { value: files, diagnostics } = exportPackage(portfolio, format);
  const zip = zipFiles(files);
  await writeFileAtomic(file, zip);
  return { value: { file, entries: files.size, bytes: zip.byteLength }, diagnostics };
}
