/** Help texts. Command and flag names are stable: users and scripts depend on them. */
import { FORMAT_SUMMARIES, WRITABLE_FORMAT_IDS } from '../model/format-summaries.ts';

/** Top-level help. */
export const mainHelp = `vitrine: static sites and packages from ePortfolios

Usage: vitrine <command> [input] [options]

Commands:
  build [input]                 build a static site, one folder per view (default out: _site/)
  check [input]                 read and validate a portfolio; print diagnostics
  init [dir]                    start a portfolio as Markdown + YAML files (default: here)
  serve [input] [--port N]      preview the site with live reload while you edit
  pdf [input] --view ID [--out FILE.pdf]
                                print one view (front page and every part) to a PDF
  pack [input] --format ims|leap2a
                                write a package another ePortfolio system can import
  pack [input] --format authored --out DIR
                                write the portfolio as Markdown + YAML files to keep editing
  pack [input] --format jsonresume [--view ID] [--url URL]
                                write a JSON Resume (resume.json) for CV tools and themes
  batch DIR --out OUT           build every portfolio in DIR into OUT/<name>/ (docs/batch.md)
  worker --queue redis://H:P    take batch jobs from a queue shared by several machines

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
  build: `Usage: vitrine build [input] [--out DIR] [--view ID] [--url URL] [--config FILE] [--templates DIR] [--cache DIR]
                     [--avif] [--secrets FILE] [--rotate VIEW]... [--allow-package-code]

Builds a static site: one self-contained folder per view configured in
vitrine.config.yaml (inside the input folder or beside the input file), or one
noindex preview of everything when no view is configured.
  --out DIR        output folder (default: _site); replaced only after a whole build
  --view ID        build one view alone
  --url URL        the site's public address (https://example.org/portfolio/), for link
                   previews, canonical links, sitemap.xml and feeds; overrides url: in the
                   config. Without it those absolute links are left out (docs/deploy.md)
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
file://. Images are resized and lose their metadata (EXIF, GPS, XMP). Each view gets a
link preview card (card.png), a favicon, and search (search/, needs http); public views
an Atom feed (feed.xml); the root robots.txt, and sitemap.xml when the url is known.
Long builds show progress (a bar on a terminal, a line every few seconds otherwise);
--quiet silences it.
`,
  pdf: `Usage: vitrine pdf [input] --view ID [--out FILE.pdf] [--config FILE] [--templates DIR] [--cache DIR] [--secrets FILE]

Prints one view to a PDF: its front page, then every part page in the view's order, as
one document, with the theme's print stylesheet. Needs Chrome or Chromium installed
(Debian/Ubuntu: apt-get install chromium), or its path in VITRINE_CHROMIUM.
Protected views are refused: a PDF would hold them unencrypted.
  --view ID       the view to print (required)
  --out FILE.pdf  where to write it (default: <view>.pdf here); replaced only when printed
`,
  batch: `Usage: vitrine batch DIR --out OUT [--workers N] [--json] [--secrets-dir DIR] [--cache DIR]
       vitrine batch DIR --out OUT --queue redis://HOST:PORT [--json]

Builds every portfolio in DIR (each zip, folder or file at its top) into OUT/<name>/,
each in a build process of its own: one failing input is reported and the others go on.
Prints progress, then a summary table (with --json: one JSON report on stdout).
Exit 1 when any input failed.
  --workers N        build processes at once (default: the number of cores)
  --queue URL        enqueue one job per input on BullMQ at this Redis and wait for
                     'vitrine worker' processes (any machine sharing DIR and OUT) to build them
  --secrets-dir DIR  secrets of each input as DIR/<name>.json (default: a folder's own
                     .vitrine-secrets.json, <name>.vitrine-secrets.json beside a zip)
  --cache DIR        image and XSL cache shared by the builds (default: .vitrine-cache)
A zip's views are in <name>.vitrine.yaml beside it; a folder keeps its own config.
`,
  worker: `Usage: vitrine worker --queue redis://HOST:PORT [--concurrency N] [--secrets-dir DIR] [--cache DIR] [--lock-ms MS]

Takes batch jobs from the queue and builds them, until Ctrl-C or SIGTERM (running jobs
finish first). Jobs carry paths: this machine must see DIR and OUT at the same paths as
the machine that ran 'vitrine batch' (a shared file system, docs/batch.md).
  --concurrency N    inputs built at once, one process each (default: the number of cores)
  --secrets-dir DIR  secrets of each input as DIR/<name>.json; secrets never go through Redis
  --lock-ms MS       how long a job stays with a worker that stopped answering before
                     another worker retries it (default 30000)
`,
  init: `Usage: vitrine init [dir]

Writes a starter portfolio (portfolio.yaml, a few Markdown parts, .gitignore) into dir
(default: the current folder), which must be new or empty: nothing is ever overwritten.
The files are commented to teach the format (docs/authored-format.md), and their
$schema lines point at the JSON Schemas shipped with this Vitrine.
`,
  serve: `Usage: vitrine serve [input] [--port N] [--config FILE] [--templates DIR] [--cache DIR] [--secrets FILE]

Builds the site in memory and serves it on http://127.0.0.1:N/ (default 8080, or the next
free port), and lists the address of every view, unlisted ones included. Saving a part, portfolio.yaml, vitrine.config.yaml, a template or a style
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
  pack: `Usage: vitrine pack [input] --format ${WRITABLE_FORMAT_IDS.join('|')} [--out FILE|DIR] [--view ID] [--config FILE] [--url URL] [--strip-metadata] [--json] [--strict] [--quiet] [--debug]

Writes the portfolio as a package another system can import.
${FORMAT_SUMMARIES.filter((f) => f.writes)
  .map((f) => `  --format ${f.id.padEnd(10)} ${f.title}`)
  .join('\n')}
                     An authored folder is written only where no folder is, or into an
                     empty one. The input's vitrine.config.yaml comes along; without one,
                     each Mahara page with parts becomes an unlisted view in a new
                     vitrine.config.yaml. A JSON Resume lists what it has no place for
                     (ExportFieldDropped)
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
