/** `vitrine pack`: write the portfolio as a package, atomically, only when the input could be trusted. */
import { resolve } from 'node:path';
import { exportPackage, readPortfolio, type PackFormat } from '../../api.ts';
import { diagnostic } from '../../diagnostics/index.ts';
import { slugify } from '../../model/index.ts';
import { packageConflict, writeFileAtomic, zipFiles } from '../../write/index.ts';
import { exitStatus, plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';
import { stripImageMetadata } from '../../render/images/strip.ts';

/** Runs `pack` and returns the exit status. */
export async function runPack(input: string, options: { format: PackFormat; out?: string | undefined; stripMetadata?: boolean }, flags: OutputFlags, io: Io): Promise<number> {
  const { value, diagnostics } = await readPortfolio(input);
  printDiagnostics(io, diagnostics, flags);
  const status = exitStatus(diagnostics, flags.strict);
  if (!value || status !== 0) {
    say(io, flags, `nothing written: the input has ${flags.strict ? 'errors or warnings (--strict)' : 'errors'}`);
    return 1;
  }
  const out = resolve(io.cwd, options.out ?? `${slugify(value.id)}.zip`);
  const conflict = packageConflict(out, resolve(io.cwd, input));
  if (conflict) {
    printDiagnostics(io, [diagnostic('OutputOverlapsInput', conflict, { file: out })], flags);
    return 1;
  }
  // The owner's own package keeps files as they are, unless asked to strip images' metadata;
  // an image that cannot be re-encoded is then left out rather than packed with it.
  if (options.stripMetadata) {
    const stripped = [];
    for (const f of value.files) {
      const clean = await stripImageMetadata(f);
      if (clean) stripped.push(clean);
      else printDiagnostics(io, [diagnostic('ExportFieldDropped', `image "${f.path}" could not be re-encoded without its metadata, so it was left out of the package`, { file: f.path })], flags);
    }
    value.files = stripped;
  }
  // What the format cannot carry is known before writing: with --strict it stops the write.
  const exported = exportPackage(value, options.format);
  printDiagnostics(io, exported.diagnostics, flags);
  if (exitStatus(exported.diagnostics, flags.strict) !== 0) {
    say(io, flags, `nothing written: the export has ${flags.strict ? 'errors or warnings (--strict)' : 'errors'}`);
    return 1;
  }
  try {
    const zip = zipFiles(exported.value);
    await writeFileAtomic(out, zip);
    say(io, flags, `wrote ${out}: ${options.format} package, ${plural(exported.value.size, 'file')}, ${Math.round(zip.byteLength / 1024)} KiB`);
    return 0;
  } catch (e) {
    printDiagnostics(io, [diagnostic('OutputNotWritable', `could not write ${out}: ${(e as Error).message}`, { file: out })], flags);
    return 1;
  }
}
