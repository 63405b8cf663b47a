/** `vitrine serve`: build in memory, serve on localhost, rebuild and reload on every change. */
import { createImageProcessor } from '../../render/image-processor.ts';
import { startServer, type BuildEvent } from '../../serve/server.ts';
import { plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';

/** Options of `serve`. */
export interface ServeCommandOptions {
  port?: number | undefined;
  config?: string | undefined;
  templates?: string | undefined;
  cache?: string | undefined;
  /** The secrets file of unlisted and protected views (default: beside the input). */
  secrets?: string | undefined;
}

/**
 * Runs the server until `stop` resolves (Ctrl-C in the CLI); returns the exit status. The first
 * build may fail: the server still starts, shows the problems, and serves once they are fixed.
 */
export async function runServe(input: string, options: ServeCommandOptions, flags: OutputFlags, io: Io, stop: Promise<unknown>): Promise<number> {
  let listed: BuildEvent['views'];
  let builds = 0;
  const report = (e: BuildEvent) => {
    if (e.views) listed = e.views;
    // The missing site url matters for publishing, not for a preview: said at the first build only.
    if (builds++ > 0) e = { ...e, diagnostics: e.diagnostics.filter((d) => d.code !== 'SiteUrlMissing') };
    const what = e.changed ? `${e.changed} changed: ` : '';
    printDiagnostics(io, e.diagnostics, flags);
    if (e.ok) say(io, flags, `${what}built in ${e.ms} ms, ${plural(e.files, 'file')} served`);
    else say(io, flags, `${what}the build failed (${e.ms} ms); still serving the last good site`);
  };
  const server = await startServer(input, {
    ...(options.config ? { config: options.config } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    port: options.port ?? 8080,
    render: { processImage: createImageProcessor(options.cache ?? '.vitrine-cache'), ...(options.templates ? { templates: options.templates } : {}) },
    ...(options.templates ? { watch: [options.templates] } : {}),
    onBuild: report,
  });
  io.stderr.write(`serving ${input} at ${server.url}  (live reload; Ctrl-C to stop)\n`);
  // Every view's address, unlisted and protected ones too: the root page lists public views only.
  for (const v of listed ?? []) io.stderr.write(`  ${server.url.replace(/\/?$/, '/')}${v.folder}/  ${v.access}${v.access === 'public' ? '' : ` (${v.id})`}  ${v.title}\n`);
  await stop;
  await server.close();
  say(io, flags, 'stopped');
  return 0;
}
