/**
 * Every format Vitrine knows, in the order inputs are recognised (the first adapter whose
 * `detect` says yes reads). api.ts, the CLI's `--format` and docs/formats.md come from this
 * list. Adding a format: a folder under formats/ (its files, both ways), a mapping under
 * model/<format>/ (to and from the Portfolio, and its `Format`), and one line here.
 */
import type { DiagnosticBag } from '../diagnostics/index.ts';
import { zipFiles } from '../formats/zip/encode.ts';
import type { Format } from './format.ts';
import type { Portfolio } from './types.ts';
import { authoredFormat } from './authored/format.ts';
import { imsFormat, lipPartsFormat } from './ims/format.ts';
import { leap2aFormat } from './leap2a/format.ts';
import { jsonResumeFormat } from './jsonresume/format.ts';

/** The formats, in detection order (LIP part files last: it takes whatever XML is left). */
export const FORMATS: readonly Format[] = [authoredFormat, leap2aFormat, jsonResumeFormat, imsFormat, lipPartsFormat];

/** The format with this id, if Vitrine has it. */
export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The ids of the formats Vitrine can write (`vitrine pack --format`). */
export const WRITABLE_FORMATS: readonly string[] = FORMATS.filter((f) => f.write).map((f) => f.id);

/** The portfolio as one zip of a format's files (what a view's package.zip holds), with what the format could not carry in `bag`. */
export function packageZip(id: string, portfolio: Portfolio, bag: DiagnosticBag): Uint8Array {
  const format = formatById(id);
  if (!format?.write || format.output !== 'zip') throw new Error(`${id} is not a package format`);
  return zipFiles(format.write(portfolio, bag));
}
