/** `vitrine pack`: write the portfolio as a package, atomically, only when the input could be trusted. */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readSiteConfig } from '../../views/index.ts';
import { exportPackage, readPortfolio, type PackFormat } from '../../api.ts';
import { diagnostic, DiagnosticBag, type Result } from '../../diagnostics/index.ts';
import { slugify, type Portfolio } from '../../model/index.ts';
import { formatById } from '../../model/registry.ts';
import { planViews, readViewConfig } from '../../views/index.ts';
import { accessSecrets } from '../../project.ts';
import { newFolderConflict, packageConflict, writeFileAtomic, writeNewFolder, zipFiles } from '../../write/index.ts';
import { exitStatus, plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';
import { stripImageMetadata } from '../../render/images/strip.ts';
import { proposeViewsConfig } from '../../views/propose.ts';
import { schemaRef } from '../starter.ts';

/** Runs `pack` and returns the exit status. */
export async function runPack(input: string, options: PackOptions, flags: OutputFlags, io: Io): Promise<number> {
  const read = await readPortfolio(input);
  printDiagnostics(io, read.diagnostics, flags);
  if (!read.value || exitStatus(read.diagnostics, flags.strict) !== 0) {
    say(io, flags, `nothing written: the input has ${flags.strict ? 'errors or warnings (--strict)' : 'errors'}`);
    return 1;
  }
  // --view: only what that view shows, with the same selection and privacy closure as its site.
  const viewed = options.view ? await portfolioOfView(input, read.value, options.view, options.config) : undefined;
  if (viewed) printDiagnostics(io, viewed.diagnostics, flags);
  if (viewed && (!viewed.value || exitStatus(viewed.diagnostics, flags.strict) !== 0)) {
    say(io, flags, 'nothing written: the view could not be planned');
    return 1;
  }
  const value = viewed?.value?.portfolio ?? read.value;
  const output = formatById(options.format)?.output;
  const folder = output === 'folder';
  const single = output === 'file';
  const out = resolve(io.cwd, options.out ?? (folder ? slugify(value.id) : single ? 'resume.json' : `${slugify(value.id)}.zip`));
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
  const viewUrl = options.url && viewed?.value ? `${options.url.replace(/\/*$/, '/')}${viewed.value.folder}/` : undefined;
  const exported = exportPackage(value, options.format, viewUrl ? { viewUrl } : {});
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
    if (single) {
      const bytes = [...exported.value.values()][0]!;
      await writeFileAtomic(out, bytes);
      say(io, flags, `wrote ${out}: JSON Resume, ${Math.max(1, Math.round(bytes.byteLength / 1024))} KiB`);
      return 0;
    }
    const zip = zipFiles(exported.value);
    await writeFileAtomic(out, zip);
    say(io, flags, `wrote ${out}: ${options.format} package, ${plural(exported.value.size, 'file')}, ${Math.round(zip.byteLength / 1024)} KiB`);
    return 0;
  } catch (e) {
    printDiagnostics(io, [diagnostic('OutputNotWritable', `could not write ${out}: ${(e as Error).message}`, { file: out })], flags);
    return 1;
  }
}

/** What `pack` was asked for. */
export interface PackOptions {
  format: PackFormat;
  out?: string | undefined;
  stripMetadata?: boolean;
  /** Pack only what this view shows. */
  view?: string | undefined;
  config?: string | undefined;
  /** The site's public base URL: links to the view's pages (JSON Resume project URLs). */
  url?: string | undefined;
}

/** The portfolio as one view shows it (its parts, relations and files), and the view's folder. */
async function portfolioOfView(input: string, portfolio: Portfolio, id: string, configFile: string | undefined): Promise<Result<{ portfolio: Portfolio; folder: string } | undefined>> {
  const bag = new DiagnosticBag();
  const config = await readViewConfig(input, configFile);
  bag.push(...config.diagnostics);
  if (bag.hasErrors()) return { value: undefined, diagnostics: bag.items };
  const access = await accessSecrets(input, config.value.views, {}, bag);
  if (!access) return { value: undefined, diagnostics: bag.items };
  const planned = planViews(portfolio, config.value, access.byView);
  bag.push(...planned.diagnostics);
  const plan = planned.value.find((p) => p.id === id);
  if (!plan) {
    bag.add('ViewNotFound', `no view "${id}" is configured (views: ${planned.value.map((p) => p.id).join(', ') || 'none'})`, config.value.file ? { file: config.value.file } : undefined);
    return { value: undefined, diagnostics: bag.items };
  }
  const viewPortfolio: Portfolio = { id: plan.id, title: plan.title, lang: plan.lang, parts: plan.parts, relations: plan.relations, files: plan.files, extensions: [] };
  if (portfolio.jsonresume) viewPortfolio.jsonresume = portfolio.jsonresume;
  return { value: { portfolio: viewPortfolio, folder: plan.folder }, diagnostics: bag.items };
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
