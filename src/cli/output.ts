/** Printing diagnostics and summaries: the only place output is formatted for people. */
import { formatLocation, type Diagnostic } from '../diagnostics/index.ts';

/** Where the CLI writes and which flags shape its output. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
}

/** Output flags common to every command. */
export interface OutputFlags {
  json: boolean;
  quiet: boolean;
  debug: boolean;
  strict: boolean;
}

/** Prints diagnostics: `file:line:col  severity  message  [Code]` and a hint line, or JSON lines. */
export function printDiagnostics(io: Io, diagnostics: Diagnostic[], flags: OutputFlags): void {
  for (const d of diagnostics) {
    if (flags.quiet && d.severity !== 'error') continue;
    if (flags.json) {
      const { stack, ...rest } = d;
      io.stdout.write(JSON.stringify(flags.debug && stack ? d : rest) + '\n');
      continue;
    }
    const where = formatLocation(d.location);
    io.stderr.write(`${where ? where + '  ' : ''}${d.severity}  ${d.message}  [${d.code}]\n`);
    if (d.hint) io.stderr.write(`  hint: ${d.hint}\n`);
    if (flags.debug && d.stack) io.stderr.write(d.stack + '\n');
  }
}

/** Counts diagnostics by severity. */
export function countDiagnostics(ds: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: ds.filter((d) => d.severity === 'error').length,
    warnings: ds.filter((d) => d.severity === 'warning').length,
    infos: ds.filter((d) => d.severity === 'info').length,
  };
}

/** The exit status for a finished command: 1 on errors (or warnings with --strict), else 0. */
export function exitStatus(ds: Diagnostic[], strict: boolean): number {
  const c = countDiagnostics(ds);
  return c.errors > 0 || (strict && c.warnings > 0) ? 1 : 0;
}

/** Writes a line for people (suppressed by --quiet and --json). */
export function say(io: Io, flags: OutputFlags, line: string): void {
  if (!flags.quiet && !flags.json) io.stderr.write(line + '\n');
}

/** Plural helper for summaries. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
