/** Help texts. Command and flag names are stable: users and scripts depend on them. */

/** Top-level help. */
export const mainHelp = `vitrine: static sites and packages from ePortfolios

Usage: vitrine <command> [input] [options]

Commands:
  build [input]                 build a static site, one folder per view (default out: _site/)
  check [input]                 read and validate a portfolio; print diagnostics
  init [dir]                    start a portfolio as Markdown + YAML files (default: here)
  serve [input] [--port N]      preview the site with live reload while you edit
  pack [input] --format ims|leap2a
                                write a package another ePortfolio system can import
  pack [input] --format authored --out DIR
                                write the portfolio as Markdown + YAML files to keep editing
  pack [input] --format jsonresume [--view ID] [--url URL]
                                write a JSON Resume (resume.json) for CV tools and themes

Input (default: content/): an IMS ePortfolio package (.zip or unpacked folder with
imsmanifest.xml), a folder of IMS LIP / ePortfolio part files, one part file, a
Leap2A export (.zip, folder or leap2a.xml from Mahara, Moodle, ...), a JSON Resume
(resume.json), or an authored folder (portfolio.yaml + Markdown parts,
docs/authored-format.md).

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
  build: `Usage: vitrine build [input] [--out DIR] [--view ID] [--config FILE] [--templates DIR] [--cache DIR] [--avif]
                     [--secrets FILE] [--rotate VIEW]... [--allow-package-code]

Builds a static site: one self-contained folder per view configured in
vitrine.config.yaml (inside the input folder or beside the input file), or one
noindex preview of everything when no view is configured.
  --out DIR        output folder (default: _site); replaced only after a whole build
  --view ID        build one view alone
  --config FILE    the view configuration to use
  --templates DIR  your templates, overriding the defaults file by file
  --cache DIR      cache of image variants (default: .vitrine-cache)
  --avif           also publish AVIF images (slower to build: 3-4x the image work)
  --secrets FILE   folder tokens and generated passphrases of unlisted and protected
                   views (default: .vitrine-secrets.json in the input folder); keep it
                   out of git and out of the site
  --rotate VIEW    give an unlisted or protected view a new folder (and a new generated
                   passphrase): the old link stops working. Repeatable.
  --allow-package-code  run the stylesheets and CSS the input package carries (its
                   ims-epView resources, the xsl: of a config inside it): the package
                   author's code. They run sandboxed, but only allow them for packages
                   you trust; without it they are skipped. A package's Nunjucks
                   templates never run. --allow-package-xsl is an alias.

Pages link to files (…/index.html), so the site works from any sub-path and from
file://. Images are resized and lose their metadata (EXIF, GPS, XMP).
`,
  init: `Usage: vitrine init [dir]

Writes a starter portfolio (portfolio.yaml, a few Markdown parts, .gitignore) into dir
(default: the current folder), which must be new or empty: nothing is ever overwritten.
The files are commented to teach the format (docs/authored-format.md).
`,
  serve: `Usage: vitrine serve [input] [--port N] [--config FILE] [--templates DIR] [--cache DIR]

Builds the site in memory and serves it on http://127.0.0.1:N/ (default 8080, or the next
free port). Saving a part, portfolio.yaml, vitrine.config.yaml, a template or a style
rebuilds it and reloads the browser. A broken edit prints its diagnostics here and shows
them over the page, while the last good site stays served. Nothing is written to disk
except the image cache. Only requests addressed to 127.0.0.1, localhost or [::1] with this
port are answered (docs/access.md: DNS rebinding). Ctrl-C stops.
`,
  check: `Usage: vitrine check [input] [--privacy] [--json] [--strict] [--quiet] [--debug]

Reads the portfolio and reports every problem found, with a permanent code and
file:line:col. Nothing is written. Exit 1 when there are errors (or warnings with
--strict).
  --privacy   also list, per view, the personal data it exposes (e-mail, phone,
              address, birth date, identifiers...) and its external links
              (with --json: one {"privacy": ...} line per view)
`,
  pack: `Usage: vitrine pack [input] --format ims|leap2a|authored|jsonresume [--out FILE|DIR] [--view ID] [--config FILE] [--url URL] [--strip-metadata] [--json] [--strict] [--quiet] [--debug]

Writes the portfolio as a package another system can import.
  --format ims       IMS ePortfolio content package (imsmanifest.xml + LIP/ePortfolio parts)
  --format leap2a    Leap2A zip (leap2a.xml + files/), as Mahara imports it
  --format authored  a folder of Markdown + YAML (docs/authored-format.md) to keep editing;
                     written only where no folder is, or into an empty one. The input's
                     vitrine.config.yaml comes along; without one, each Mahara page with
                     parts becomes an unlisted view in a new vitrine.config.yaml
  --format jsonresume  a JSON Resume (https://jsonresume.org/schema) for CV tools and
                     themes; what a résumé has no place for is listed (ExportFieldDropped)
  --out FILE|DIR     the zip (default: <portfolio-id>.zip), folder (default: <portfolio-id>)
                     or résumé file (default: resume.json)
  --view ID          only what the view shows: its parts, relations and files
  --config FILE      the views' config file (default: found beside the input)
  --url URL          the site's public address: résumé projects link to their pages
  --strip-metadata   re-encode images without EXIF (GPS position, camera), XMP, ICC and
                     comments; by default your package keeps the original files

The package is generated from the portfolio model, not copied from the input; what
Vitrine did not understand is written back as it was read. The file is replaced only
when the whole package was written.
`,
};
