/**
 * The public API: read a portfolio from any supported input, and generate a package from it.
 * Every function returns its value with diagnostics; none prints or exits.
 */
import { basename } from 'node:path';
import { DiagnosticBag, type Result } from './diagnostics/index.ts';
import { readInput, displayPath, defaultReadLimits, dropSecretsFiles, type ReadLimits, type SourceBundle } from './read/index.ts';
import type { Portfolio } from './model/index.ts';
import type { WriteOptions } from './model/format.ts';
import { FORMATS, formatById } from './model/registry.ts';
import { attachBadges } from './model/openbadges/attach.ts';
import { writeFileAtomic, zipFiles } from './write/index.ts';

/** Options for reading a portfolio. */
export interface ReadOptions {
  limits?: ReadLimits;
  /** Files never read as part of the portfolio (the secrets file in use); any secrets file is left out anyway. */
  exclude?: string[];
}

/** Reads a portfolio from a zip package, a package folder, a folder of part files, one part file, a JSON Resume, or an authored folder (portfolio.yaml). */
export async function readPortfolio(input: string, options: ReadOptions = {}): Promise<Result<Portfolio | undefined>> {
  const read = await readInput(input, options.limits ?? defaultReadLimits);
  const bag = new DiagnosticBag();
  bag.push(...read.diagnostics);
  const bundle = read.value;
  if (!bundle || bag.hasErrors()) return { value: undefined, diagnostics: bag.items };
  return { value: await portfolioFromBundle(bundle, input, bag, options.exclude), diagnostics: bag.items };
}

/**
 * Reads the portfolio of an input already read: the first format whose adapter recognises the
 * files reads them (model/registry.ts). Secrets files (and `exclude`) are left out first; the
 * Open Badges in the portfolio's files, whatever its format, are found and checked last.
 */
export async function portfolioFromBundle(bundle: SourceBundle, input: string, bag: DiagnosticBag, exclude?: string[]): Promise<Portfolio | undefined> {
  for (const path of dropSecretsFiles(bundle, exclude)) {
    bag.add('SecretsInInput', `${displayPath(bundle, path)} is a Vitrine secrets file (folder tokens, passphrases): it is left out of the portfolio, its packages and its sites`, { file: displayPath(bundle, path) });
  }
  const fallbackId = basename(input).replace(/\.(zip|xml|json)$/i, '') || 'portfolio';
  const format = FORMATS.find((f) => f.detect(bundle))!;
  // A folder two formats claim: the first in the registry wins, and the user is told.
  for (const other of FORMATS.slice(FORMATS.indexOf(format) + 1)) other.shadowedBy?.(bundle, format.id, bag);
  const portfolio = format.read(bundle, { bag, fallbackId, input });
  if (portfolio) await attachBadges(portfolio, bundle, bag);
  return portfolio;
}

/** The id of a format `pack` can write (see `WRITABLE_FORMATS` in model/registry.ts). */
export type PackFormat = string;

/** Generates the files of a package (or authored folder, or résumé) of the portfolio in memory, with what could not be carried. */
export function exportPackage(portfolio: Portfolio, format: PackFormat = 'ims', options: WriteOptions = {}): Result<Map<string, Uint8Array>> {
  const bag = new DiagnosticBag();
  const adapter = formatById(format);
  if (!adapter?.write) throw new Error(`unsupported format ${format}`);
  return { value: adapter.write(portfolio, bag, options), diagnostics: bag.items };
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
