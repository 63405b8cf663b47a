/** `vitrine build`: the site of every view, written atomically to the output folder. */
import { build } from '../../build.ts';
import { createImageProcessor } from '../../render/image-processor.ts';
import type { RenderOptions } from '../../render/render-site.ts';
import { exitStatus, plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';
import { createProgress, type ProgressOptions } from '../progress.ts';

/** Options of `build`. */
export interface BuildCommandOptions {
  out?: string | undefined;
  view?: string | undefined;
  config?: string | undefined;
  templates?: string | undefined;
  cache?: string | undefined;
  avif?: boolean | undefined;
  secrets?: string | undefined;
  rotate?: string[] | undefined;
  /** Run the stylesheets and CSS the input package carries: code from the package's author (docs/access.md, "Trust"). */
  allowPackageCode?: boolean | undefined;
  /** The site's public base URL, normalised (ends with `/`). */
  url?: string | undefined;
}

/** Runs `build` and returns the exit status. */
export async function runBuild(input: string, options: BuildCommandOptions, flags: OutputFlags, io: Io, progressOptions: ProgressOptions = {}): Promise<number> {
  const progress = createProgress(io, flags, progressOptions);
  const images = createImageProcessor(options.cache ?? '.vitrine-cache', { avif: !!options.avif });
  // Count each image as it is done, for the progress display.
  const processImage: NonNullable<RenderOptions['processImage']> = (file, bag) => images(file, bag).finally(() => progress.tick());
  const render = { processImage, ...(options.templates ? { templates: options.templates } : {}), xslCache: `${options.cache ?? '.vitrine-cache'}/xsl`, allowPackageCode: !!options.allowPackageCode };
  const result = await build(input, {
    ...(options.out ? { out: options.out } : {}),
    ...(options.view ? { view: options.view } : {}),
    ...(options.config ? { config: options.config } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.rotate?.length ? { rotate: options.rotate } : {}),
    ...(options.url ? { url: options.url } : {}),
    strict: flags.strict,
    render,
    // Stage lines are the progress display's now; the view list is printed below anyway.
    onStage: (stage) => progress.stage(stage),
    progress: (line) => {
      if (line.startsWith('writing ')) progress.stage('writing');
    },
  }).finally(() => progress.end());
  printDiagnostics(io, result.diagnostics, flags);
  const s = result.value;
  printGenerated(io, flags, s.generated, s.secrets);
  if (!s.written) {
    // Said only when true: a write that failed midway may have left the output folder otherwise.
    const state = s.previous === 'elsewhere' ? 'see the error above for where the previous site is' : s.previous === 'none' ? `${s.out} was not created` : s.previous === undefined && s.views.length ? `${s.out} may be incomplete` : `${s.out} is unchanged`;
    say(io, flags, `nothing written: ${state}`);
    return Math.max(1, exitStatus(result.diagnostics, flags.strict));
  }
  for (const v of s.views) say(io, flags, `  ${v.folder}/  ${v.access}${v.access !== 'public' ? ` (${v.id})` : ''}${v.preview ? ' (preview, noindex)' : ''}, ${plural(v.parts, 'part')}`);
  say(io, flags, `built ${s.out}: ${plural(s.files, 'file')}, ${Math.round(s.bytes / 1024)} KiB in ${s.ms} ms`);
  return exitStatus(result.diagnostics, flags.strict);
}

/**
 * Shows each passphrase this build generated, once: on stdout (also with --quiet), or as a JSON
 * line with --json. It stays in the secrets file; diagnostics never carry it.
 */
function printGenerated(io: Io, flags: OutputFlags, generated: { view: string; passphrase: string }[], secrets: string | undefined): void {
  for (const g of generated) {
    if (flags.json) io.stdout.write(JSON.stringify({ passphrase: g.passphrase, view: g.view, secrets }) + '\n');
    else io.stdout.write(`new passphrase for protected view "${g.view}" (shown once; kept in ${secrets}):\n  ${g.passphrase}\n`);
  }
}
