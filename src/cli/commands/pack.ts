/** `vitrine pack`: write the portfolio as a package, atomically, only when the input could be trusted. */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readSiteConfig } from '../../views/index.ts';
import { exportPackage, readPortfolio, type PackFormat } from '../../api.ts';
import { diagnostic } from '../../diagnostics/index.ts';
import { slugify } from '../../model/index.ts';
import { newFolderConflict, packageConflict, writeFileAtomic, writeNewFolder, zipFiles } from '../../write/index.ts';
import { exitStatus, plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';
import { stripImageMetadata } from '../../render/images/strip.ts';
import { proposeViewsConfig } from '../../views/propose.ts';
import { schemaRef } from '../starter.ts';

/** Runs `pack` and returns the exit status. */
export async function runPack(input: string, options: { format: PackFormat; out?: string | undefined; stripMetadata?: boolean }, flags: OutputFlags, io: Io): Promise<number> {
  const { value, diagnostics } = await readPortfolio(input);
  printDiagnostics(io, diagnostics, flags);
  const status = exitStatus(diagnostics, flags.strict);
  if (!value || status !== 0) {
    say(io, flags, `nothing written: the input has ${flags.strict ? 'errors or warnings (--strict)' : 'errors'}`);
    return 1;
  }
  const folder = options.format === 'authored';
  const out = resolve(io.cwd, options.out ?? (folder ? slugify(value.id) : `${slugify(value.id)}.zip`));
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
  if (folder) {
    // The views come along: the folder then builds the same site as the input did.
    const config = await readSiteConfig(input);
    const files = new Map(exported.value);
    if (config.value.file && !config.diagnostics.some((d) => d.severity === 'error')) files.set(basename(config.value.file), new Uint8Array(await readFile(config.value.file)));
    else if (!config.value.file) {
      // No views yet: the pages of the source system (Mahara pages) become unlisted views.
      const proposed = proposeViewsConfig(value, schemaRef(out, 'vitrine.config.schema.json'));
      if (proposed) {
        files.set('vitrine.config.yaml', new TextEncoder().encode(proposed.text));
        say(io, flags, `vitrine.config.yaml: ${plural(proposed.views, 'unlisted view')}, one per collection and page of the export; make a view public to list it`);
      }
    }
    return await writeFolder(out, files, flags, io);
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

/** Writes an authored folder: only into a folder that does not exist or is empty. */
async function writeFolder(out: string, files: Map<string, Uint8Array>, flags: OutputFlags, io: Io): Promise<number> {
  const conflict = await newFolderConflict(out);
  if (conflict) {
    printDiagnostics(io, [diagnostic('OutputNotASite', conflict, { file: out }, { hint: 'Give --out a folder that does not exist yet (or is empty).' })], flags);
    return 1;
  }
  try {
    await writeNewFolder(out, files);
    say(io, flags, `wrote ${out}: authored portfolio, ${plural(files.size, 'file')}; build it with: vitrine build ${out}`);
    return 0;
  } catch (e) {
    printDiagnostics(io, [diagnostic('OutputNotWritable', `could not write ${out}: ${(e as Error).message}`, { file: out })], flags);
    return 1;
  }
}
