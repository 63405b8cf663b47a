/** The command line: parses arguments, runs a command, prints diagnostics, returns the exit status. */
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic } from '../diagnostics/index.ts';
import { printDiagnostics, type Io, type OutputFlags } from './output.ts';
import { commandHelp, mainHelp } from './usage.ts';
import { WRITABLE_FORMAT_IDS } from '../model/format-summaries.ts';
import { closestName } from '../diagnostics/suggest.ts';
import { normalizeSiteUrl, siteUrlProblem } from '../views/site-url.ts';
// Commands are imported when run, not here: `vitrine --help` then loads neither Eleventy nor
// sharp, and starts in a fraction of the time (bench/startup.ts).

/** Exit statuses. */
export const EXIT = { ok: 0, errors: 1, usage: 2, internal: 70 } as const;

const commonOptions = {
  json: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const commandOptions = {
  build: { out: { type: 'string' }, view: { type: 'string' }, config: { type: 'string' }, templates: { type: 'string' }, cache: { type: 'string' }, avif: { type: 'boolean', default: false }, 'allow-package-code': { type: 'boolean', default: false }, 'allow-package-xsl': { type: 'boolean', default: false }, secrets: { type: 'string' }, rotate: { type: 'string', multiple: true }, url: { type: 'string' } },
  check: { privacy: { type: 'boolean', default: false } },
  pack: { format: { type: 'string' }, out: { type: 'string' }, 'strip-metadata': { type: 'boolean', default: false }, view: { type: 'string' }, config: { type: 'string' }, url: { type: 'string' } },
  init: {},
  serve: { port: { type: 'string' }, config: { type: 'string' }, templates: { type: 'string' }, cache: { type: 'string' }, secrets: { type: 'string' } },
  pdf: { view: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' }, templates: { type: 'string' }, cache: { type: 'string' }, secrets: { type: 'string' } },
  batch: { out: { type: 'string' }, workers: { type: 'string' }, queue: { type: 'string' }, 'secrets-dir': { type: 'string' }, cache: { type: 'string' }, 'lock-ms': { type: 'string' } },
  worker: { queue: { type: 'string' }, concurrency: { type: 'string' }, 'secrets-dir': { type: 'string' }, cache: { type: 'string' }, 'lock-ms': { type: 'string' } },
} as const;

/** " (did you mean ...?)" for a mistyped command or option, or ''. */
function suggestion(given: string, known: Iterable<string>, prefix = ''): string {
  const near = closestName(given, known);
  return near ? ` (did you mean "${prefix}${near}"?)` : '';
}

/** The usage error parseArgs reported, with a "did you mean" for an unknown option. */
function usageMessage(e: Error, options: Record<string, unknown>): string {
  const m = /Unknown option '(--?)([^']+)'/.exec(e.message);
  if (!m) return e.message;
  return `unknown option "${m[1]}${m[2]}"${suggestion(m[2]!, Object.keys(options), '--')}`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM: long-running commands stop cleanly then. */
function interrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the CLI with the given arguments; never throws, never exits the process. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    // Anything that escapes a command is a bug in Vitrine, not a problem with the input.
    const err = e instanceof Error ? e : new Error(String(e));
    const has = (flag: string) => {
      try {
        return argv.includes(flag);
      } catch {
        return false; // the arguments themselves may be what failed
      }
    };
    const debug = has('--debug');
    printDiagnostics(io, [diagnostic('InternalError', `internal error: ${err.message}`, undefined, { stack: err.stack ?? '' })], {
      json: has('--json'),
      debug,
      quiet: false,
      strict: false,
    });
    if (!debug) io.stderr.write('  (run again with --debug for the stack trace)\n');
    return EXIT.internal;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(mainHelp);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`vitrine ${version()}\n`);
    return EXIT.ok;
  }
  if (!(command in commandOptions)) {
    io.stderr.write(`vitrine: unknown ${command.startsWith('-') ? 'option' : 'command'} "${command}"${suggestion(command.replace(/^-+/, ''), Object.keys(commandOptions))}\n\n${mainHelp}`);
    return EXIT.usage;
  }
  const name = command as keyof typeof commandOptions;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...commonOptions, ...commandOptions[name] }, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr.write(`vitrine ${name}: ${usageMessage(e as Error, { ...commonOptions, ...commandOptions[name] })}\n\n${commandHelp[name]}`);
    return EXIT.usage;
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) {
    io.stdout.write(commandHelp[name]!);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 1) {
    io.stderr.write(`vitrine ${name}: one input at most, got ${parsed.positionals.length}\n\n${commandHelp[name]}`);
    return EXIT.usage;
  }
  const flags: OutputFlags = { json: !!v.json, strict: !!v.strict, quiet: !!v.quiet, debug: !!v.debug };
  const o = v as Record<string, string | undefined>;
  if (name === 'batch') return await (await import('./commands/batch.ts')).runBatch(parsed.positionals[0], { out: o.out, workers: o.workers, queue: o.queue, secretsDir: o['secrets-dir'], cache: o.cache, lockMs: o['lock-ms'] }, flags, io);
  if (name === 'worker') return await (await import('./commands/worker.ts')).runWorker({ queue: o.queue, concurrency: o.concurrency, secretsDir: o['secrets-dir'], cache: o.cache, lockMs: o['lock-ms'] }, flags, io, interrupted());
  if (name === 'init') return await (await import('./commands/init.ts')).runInit(parsed.positionals[0] ?? '.', flags, io);
  // Inside an authored folder (after vitrine init), the folder itself is the default input.
  const input = parsed.positionals[0] ?? (existsSync(join(io.cwd, 'portfolio.yaml')) ? io.cwd : 'content');
  if (name === 'serve') {
    const o = v as Record<string, string | undefined>;
    const port = o.port === undefined ? undefined : Number(o.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      io.stderr.write(`vitrine serve: --port must be a port number, not "${o.port}"\n\n${commandHelp.serve}`);
      return EXIT.usage;
    }
    const { runServe } = await import('./commands/serve.ts');
    return await runServe(input, { port, config: o.config, templates: o.templates, cache: o.cache, secrets: o.secrets }, flags, io, interrupted());
  }
  if (name === 'check') return await (await import('./commands/check.ts')).runCheck(input, flags, io, { privacy: v.privacy === true });
  if (name === 'build') {
    const o = v as Record<string, string | undefined>;
    const rotate = (parsed.values as { rotate?: string[] }).rotate;
    const problem = o.url === undefined ? undefined : siteUrlProblem(o.url);
    if (problem) {
      io.stderr.write(`vitrine build: --url ${problem}\n\n${commandHelp.build}`);
      return EXIT.usage;
    }
    const { runBuild } = await import('./commands/build.ts');
    return await runBuild(input, { out: o.out, view: o.view, config: o.config, templates: o.templates, cache: o.cache, avif: v.avif === true, secrets: o.secrets, rotate, allowPackageCode: v['allow-package-code'] === true || v['allow-package-xsl'] === true, ...(o.url ? { url: normalizeSiteUrl(o.url) } : {}) }, flags, io);
  }
  if (name === 'pdf') {
    const o = v as Record<string, string | undefined>;
    if (!o.view) {
      io.stderr.write(`vitrine pdf: --view is required (the id of the view to print)\n\n${commandHelp.pdf}`);
      return EXIT.usage;
    }
    const { runPdf } = await import('./commands/pdf.ts');
    return await runPdf(input, { view: o.view, out: o.out, config: o.config, templates: o.templates, cache: o.cache, secrets: o.secrets }, flags, io);
  }
  const format = v.format as string | undefined;
  if (!format || !WRITABLE_FORMAT_IDS.includes(format)) {
    io.stderr.write(`vitrine pack: --format ${format ? `"${format}" is not supported` : 'is required'} (supported: ${WRITABLE_FORMAT_IDS.join(', ')})\n\n${commandHelp.pack}`);
    return EXIT.usage;
  }
  const url = o.url;
  const urlProblem = url === undefined ? undefined : siteUrlProblem(url);
  if (url !== undefined && urlProblem) {
    io.stderr.write(`vitrine pack: --url "${url}": ${urlProblem}\n`);
    return EXIT.usage;
  }
  const { runPack } = await import('./commands/pack.ts');
  return await runPack(input, { format, out: o.out, stripMetadata: v['strip-metadata'] === true, view: o.view, config: o.config, ...(url ? { url: normalizeSiteUrl(url) } : {}) }, flags, io);
}
