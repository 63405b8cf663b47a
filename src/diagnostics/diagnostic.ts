import { catalogue, type DiagnosticCode, type Severity } from './catalogue.ts';

/** Where a diagnostic points: a display path (`pkg.zip!/Product.xml`), line and column from 1. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** One message about the input, with a permanent code. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint?: string;
  location?: Location;
  /** Kept for internal errors and `--debug`. */
  stack?: string;
}

/** A stage's value with the diagnostics it produced. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** Builds a diagnostic, taking severity and hint from the catalogue unless overridden. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  location?: Location,
  extra: { severity?: Severity; hint?: string; stack?: string } = {},
): Diagnostic {
  const entry: { severity: Severity; hint?: string } = catalogue[code];
  const d: Diagnostic = { code, severity: extra.severity ?? entry.severity, message };
  const hint = extra.hint ?? entry.hint;
  if (hint) d.hint = hint;
  if (location) d.location = location;
  if (extra.stack) d.stack = extra.stack;
  return d;
}

/** Collects diagnostics for one stage; passed down instead of printing or throwing. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  /** Records a diagnostic and returns it. */
  add(code: DiagnosticCode, message: string, location?: Location, extra?: { severity?: Severity; hint?: string }): Diagnostic {
    const d = diagnostic(code, message, location, extra);
    this.items.push(d);
    return d;
  }

  /** Appends diagnostics produced elsewhere. */
  push(...ds: Diagnostic[]): void {
    this.items.push(...ds);
  }

  /** True when at least one error was recorded. */
  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Formats a location as `file:line:col`. */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  return s;
}
