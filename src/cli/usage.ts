/** Help texts. Command and flag names are stable: users and scripts depend on them. */

/** Top-level help. */
export const mainHelp = `vitrine: static sites and packages from ePortfolios

Usage: vitrine <command> [input] [options]

Commands:
  check [input]                 read and validate a portfolio; print diagnostics
  pack [input] --format ims     write a package another ePortfolio system can import

Input (default: content/): an IMS ePortfolio package (.zip or unpacked folder with
imsmanifest.xml), a folder of IMS LIP / ePortfolio part files, or one part file.

Common options:
  --json      diagnostics as JSON lines on stdout
  --strict    warnings fail the command (exit 1)
  --quiet     print errors only
  --debug     add stack traces to internal errors
  -h, --help  show help for a command
  --version   print the version

Exit status: 0 done, 1 error diagnostics, 2 wrong usage, 70 internal error.
Run 'vitrine <command> --help' for a command's options.
`;

/** Help per command. */
export const commandHelp: Record<string, string> = {
  check: `Usage: vitrine check [input] [--json] [--strict] [--quiet] [--debug]

Reads the portfolio and reports every problem found, with a permanent code and
file:line:col. Nothing is written. Exit 1 when there are errors (or warnings with
--strict).
`,
  pack: `Usage: vitrine pack [input] --format ims [--out FILE] [--json] [--strict] [--quiet] [--debug]

Writes the portfolio as a package another system can import.
  --format ims   IMS ePortfolio content package (imsmanifest.xml + LIP/ePortfolio parts)
  --out FILE     the zip to write (default: <portfolio-id>.zip in the current folder)

The package is generated from the portfolio model, not copied from the input; what
Vitrine did not understand is written back as it was read. The file is replaced only
when the whole package was written.
`,
};
