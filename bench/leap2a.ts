/**
 * Leap2A benchmark: a generated Mahara-like export (a zip holding leap2a.xml and its files)
 * of 5,000 entries and 500 files builds into a site. Prints the read time, the build time
 * (read + plan + render + write, empty image cache) and peak memory, each measured in a
 * child process of its own so its peak RSS is its own.
 *
 *     npm run bench:leap2a [-- --entries 5000 --files 500 --images 100 --runs 1]
 *     node --import tsx bench/leap2a.ts --fixture DIR    (write the export only, for profiling)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes the export: persons, pages (selections) with ordered parts, abilities with evidence, blog posts with embedded images, plans, resources with files. */
async function makeExport(dir: string, nEntries: number, nFiles: number, nImages: number): Promise<string> {
  const { zipFiles } = await import('../src/write/index.ts');
  const files = new Map<string, Uint8Array>();
  const entries: string[] = [];
  const ids: string[] = [];
  const entry = (id: string, title: string, type: string, body: string, extra = '') => {
    ids.push(id);
    entries.push(`  <entry>\n    <title>${esc(title)}</title>\n    <id>${id}</id>\n    <updated>2024-05-01T10:00:00Z</updated>\n    ${body}\n    <rdf:type rdf:resource="leap2:${type}"/>\n${extra}  </entry>`);
  };
  entry('portfolio:artefactinternal', 'Bench Owner', 'person', '<content type="text">The owner.</content>', '    <category term="Self" scheme="categories:person_type#"/>\n    <leap2:persondata leap2:field="email">owner@example.org</leap2:persondata>\n');
  // Files: resources, each with its file (raw spaces and accents in some names).
  const jpegs: Uint8Array[] = [];
  for (let i = 0; i < Math.min(nImages, 8); i++) {
    jpegs.push(new Uint8Array(await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: (i * 37) % 255, g: (i * 91) % 255, b: 120 } } }).jpeg({ quality: 80 }).toBuffer()));
  }
  const resources: string[] = [];
  for (let i = 0; i < nFiles; i++) {
    const image = i < nImages;
    const name = image ? `Photo été ${i}.jpg` : `report ${i}.pdf`;
    const path = `files/${i}-${name}`;
    // Distinct bytes per file (a trailing comment in the JPEG, a numbered PDF), as real exports have.
    const bytes = image ? new Uint8Array([...jpegs[i % jpegs.length]!, ...new TextEncoder().encode(`#${i}`)]) : new TextEncoder().encode(`%PDF-1.4\n% report ${i}\n%%EOF\n`);
    files.set(path, bytes);
    const id = `portfolio:artefact-file-${i}`;
    resources.push(id);
    entry(id, name, 'resource', '<content/>', `    <link rel="enclosure" type="${image ? 'image/jpeg' : 'application/pdf'}" href="${esc(path)}"/>\n    <category term="Offline" scheme="categories:resource_type#" label="File"/>\n`);
  }
  const rest = nEntries - ids.length;
  const nPages = Math.max(1, Math.floor(rest / 25));
  const pageParts = new Map<number, string[]>();
  let n = 0;
  for (let i = 0; ids.length < nEntries - nPages; i++, n++) {
    const id = `portfolio:artefact${i}`;
    const page = i % nPages;
    const kind = i % 4;
    const link = `    <link rel="leap2:is_part_of" href="portfolio:view${page}" leap2:display_order="${(pageParts.get(page)?.length ?? 0) + 1}"/>\n`;
    (pageParts.get(page) ?? pageParts.set(page, []).get(page)!).push(id);
    if (kind === 0) entry(id, `Ability ${i}`, 'ability', `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ability <em>${i}</em> described at some length so the page has text to render.</p></div></content>`, link + `    <link rel="leap2:has_evidence" href="${resources[i % resources.length]}"/>\n`);
    else if (kind === 1) entry(id, `Post ${i}`, 'entry', `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A post with a picture:</p><p><img rel="leap2:has_part" href="${resources[i % Math.max(1, nImages)]}" alt="photo"/></p></div></content>`, link + `    <link rel="leap2:reflects_on" href="portfolio:artefact${i - 1}"/>\n    <category term="tag${i % 20}"/>\n`);
    else if (kind === 2) entry(id, `Plan ${i}`, 'plan', '<content type="text">Do the thing.</content>', link + '    <leap2:date leap2:point="target">2025-12-31</leap2:date>\n    <leap2:status leap2:stage="planned"/>\n');
    else entry(id, `Activity ${i}`, 'activity', '<content type="html">&lt;p&gt;Work &amp;amp; study.&lt;/p&gt;</content>', link + '    <leap2:date leap2:point="start" leap2:label="Spring">2020-03-01</leap2:date>\n');
  }
  for (let pg = 0; pg < nPages; pg++) {
    const parts = pageParts.get(pg) ?? [];
    entry(`portfolio:view${pg}`, `Page ${pg}`, 'selection', '<content type="text">A page.</content>', parts.map((p, k) => `    <link rel="leap2:has_part" href="${p}" leap2:display_order="${k + 1}"/>\n`).join('') + '    <category term="Webpage" scheme="categories:selection_type#"/>\n');
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:leap2="http://terms.leapspecs.org/" xmlns:categories="http://wiki.leapspecs.org/2A/categories/" xmlns:portfolio="http://bench.example.org/export/">
  <leap2:version>http://www.leapspecs.org/2010-07/2A/</leap2:version>
  <id>http://bench.example.org/export/1</id>
  <title>Leap2A benchmark export</title>
  <updated>2024-05-01T10:00:00Z</updated>
  <author><name>Bench Owner</name><uri>portfolio:artefactinternal</uri></author>
${entries.join('\n')}
</feed>
`;
  files.set('leap2a.xml', new TextEncoder().encode(xml));
  const zip = join(dir, 'export.zip');
  writeFileSync(zip, zipFiles(files));
  process.stdout.write(`fixture: ${ids.length} entries (${nPages} pages), ${nFiles} files (${nImages} JPEG), leap2a.xml ${(xml.length / 1024 / 1024).toFixed(1)} MiB\n`);
  return zip;
}

async function child(mode: string, input: string, out: string, cache: string): Promise<void> {
  const t0 = performance.now();
  let detail = '';
  if (mode === 'read') {
    const { readPortfolio } = await import('../src/index.ts');
    const r = await readPortfolio(input);
    if (!r.value) throw new Error(JSON.stringify(r.diagnostics.slice(0, 5)));
    detail = `${r.value.parts.length} parts, ${r.value.relations.length} relations, ${r.value.files.length} files, ${r.diagnostics.filter((d) => d.severity !== 'info').length} warnings`;
  } else {
    const { build } = await import('../src/build.ts');
    const { createImageProcessor } = await import('../src/render/image-processor.ts');
    const r = await build(input, { out, render: { processImage: createImageProcessor(cache) } });
    if (!r.value.written) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error').slice(0, 5)));
    detail = `${r.value.files} files written`;
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, maxRssMiB: process.resourceUsage().maxRSS / 1024, detail }) + '\n');
}

async function main(): Promise<void> {
  if (args[0] === '--child') return child(args[1]!, args[2]!, args[3]!, args[4]!);
  if (args[0] === '--fixture') {
    mkdirSync(args[1]!, { recursive: true });
    await makeExport(args[1]!, arg('entries', 5000), arg('files', 500), arg('images', 100));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-leap2a-'));
  try {
    const zip = await makeExport(dir, arg('entries', 5000), arg('files', 500), arg('images', 100));
    const runs = arg('runs', 1);
    const measure = (mode: string) => {
      const results: { ms: number; maxRssMiB: number; detail: string }[] = [];
      for (let i = 0; i < runs; i++) {
        const out = join(dir, `site-${mode}-${i}`);
        const cache = join(dir, `cache-${mode}-${i}`);
        mkdirSync(cache, { recursive: true });
        const line = execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, zip, out, cache], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        results.push(JSON.parse(line.trim().split('\n').pop()!));
      }
      results.sort((a, b) => a.ms - b.ms);
      const med = results[Math.floor(results.length / 2)]!;
      process.stdout.write(`${mode.padEnd(6)} median ${(med.ms / 1000).toFixed(2)} s, peak RSS ${Math.round(Math.max(...results.map((r) => r.maxRssMiB)))} MiB  (${med.detail}; ${runs} run${runs === 1 ? '' : 's'})\n`);
    };
    measure('read');
    measure('build');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
