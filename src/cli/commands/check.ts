/** `vitrine check`: read and validate, print diagnostics, write nothing. */
import { readPortfolio } from '../../api.ts';
import { readInput } from '../../read/index.ts';
import { planViews, readViewConfig } from '../../views/index.ts';
import { formatPrivacyReport, privacyReport } from '../../views/privacy-report.ts';
import { loadPackagePresentations } from '../../xsl-inputs.ts';
import { countDiagnostics, exitStatus, plural, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';

/**
 * Runs `check` on an input and returns the exit status. With `privacy`, also prints per view
 * the personal data and external links it exposes (stdout; one JSON line per view with --json).
 */
export async function runCheck(input: string, flags: OutputFlags, io: Io, options: { privacy?: boolean } = {}): Promise<number> {
  const started = performance.now();
  const read = await readPortfolio(input);
  const value = read.value;
  const diagnostics = [...read.diagnostics];
  let report: ReturnType<typeof privacyReport> | undefined;
  // The view configuration is part of what a build trusts: check it too, and plan the views.
  if (value) {
    const config = await readViewConfig(input);
    diagnostics.push(...config.diagnostics);
    if (!config.diagnostics.some((d) => d.severity === 'error')) {
      const planned = planViews(value, config.value);
      diagnostics.push(...planned.diagnostics);
      if (options.privacy) report = privacyReport(planned.value, value);
    }
  }
  printDiagnostics(io, diagnostics, flags);
  // The presentations a package carries (ims-epView), and how to build them.
  const bundle = value ? (await readInput(input)).value : undefined;
  const presentations = bundle ? (loadPackagePresentations(bundle)?.presentations ?? []) : [];
  for (const p of presentations) {
    const line = `presentation ${p.identifier}${p.title ? ` “${p.title}”` : ''}: ${p.stylesheet}, ${plural(p.styles.length, 'stylesheet')} of CSS, ${p.names.length ? plural(p.names.length, 'part file') : 'every part'}`;
    if (flags.json) io.stdout.write(JSON.stringify({ presentation: p }) + '\n');
    else say(io, flags, line);
  }
  if (presentations.length && !flags.json) say(io, flags, 'build with --allow-package-xsl and no views configured to use them, or name one in a view: xsl: { package: ID }');
  if (report) {
    if (flags.json) for (const v of report) io.stdout.write(JSON.stringify({ privacy: v }) + '\n');
    else io.stdout.write(formatPrivacyReport(report));
  }
  const c = countDiagnostics(diagnostics);
  const ms = Math.round(performance.now() - started);
  if (value) {
    say(io, flags, `checked ${input}: ${plural(value.parts.length, 'part')}, ${plural(value.relations.length, 'relation')}, ${plural(value.files.length, 'file')} in ${ms} ms; ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`);
  } else {
    say(io, flags, `checked ${input}: no portfolio could be read; ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`);
  }
  return value ? exitStatus(diagnostics, flags.strict) : 1;
}
