/** `vitrine build`: the site of every view, written atomically to the output folder. */
import { build } from '../../build.ts';
import { createImageProcessor } from '../../render/image-processor.ts';
import { exitStatus, plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';

/** Options of `build`. */
export interface BuildCommandOptions {
  out?: string | undefined;
  view?: string | undefined;
  config?: string | undefined;
  templates?: string | undefined;
  cache?: string | undefined;
  avif?: boolean | undefined;
  /** Run the XSL stylesheets the input package carries (ims-epView): code from the package's author. */
  allowPackageXsl?: boolean | undefined;
}

/** Runs `build` and returns the exit status. */
export async function runBuild(input: string, options: BuildCommandOptions, flags: OutputFlags, io: Io): Promise<number> {
  const render = { processImage: createImageProcessor(options.cache ?? '.vitrine-cache', { avif: !!options.avif }), ...(options.templates ? { templates: options.templates } : {}), xslCache: `${options.cache ?? '.vitrine-cache'}/xsl`, allowPackageXsl: !!options.allowPackageXsl };
  const result = await build(input, {
    ...(options.out ? { out: options.out } : {}),
    ...(options.view ? { view: options.view } : {}),
    ...(options.config ? { config: options.config } : {}),
    strict: flags.strict,
    render,
    progress: (line) => say(io, flags, line),
  });
  printDiagnostics(io, result.diagnostics, flags);
  const s = result.value;
  if (!s.written) {
    say(io, flags, `nothing written: ${s.out} is unchanged`);
    return Math.max(1, exitStatus(result.diagnostics, flags.strict));
  }
  for (const v of s.views) say(io, flags, `  ${v.folder}/  ${v.access}${v.preview ? ' (preview, noindex)' : ''}, ${plural(v.parts, 'part')}`);
  say(io, flags, `built ${s.out}: ${plural(s.files, 'file')}, ${Math.round(s.bytes / 1024)} KiB in ${s.ms} ms`);
  return exitStatus(result.diagnostics, flags.strict);
}
