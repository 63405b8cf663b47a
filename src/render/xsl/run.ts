/**
 * Running an XSLT stylesheet: in a warm child process (child.cjs, child-process.ts) under
 * Node's permission model, stopped after a time limit, with a memory limit; compiled by
 * saxon-js once per stylesheet content (kept in the build's XslContext, and on disk by content
 * hash of the stylesheet and every module it includes). Errors come back as diagnostics
 * pointing at the stylesheet's `file:line:col`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticBag, type Location } from '../../diagnostics/index.ts';
import { writeFileAtomic } from '../../write/atomic.ts';
import { STANDARD_FUNCTIONS } from './allowed-functions.ts';
import { SAXON_VERSION } from './child-process.ts';
import type { CompiledStylesheet, XslContext } from './context.ts';
import { XSL_MEMORY_LIMIT_MB, XSL_OUTPUT_LIMIT_BYTES, XSL_TIME_LIMIT_MS, type ChildAnswer, type XslJob, type XslOutput } from './job.ts';

export { childCommand, childFlags, networkNamespaceAvailable, permissionFlag, saxonReadFolders } from './child-process.ts';
export { createXslContext, XslContext } from './context.ts';
export { XSL_MEMORY_LIMIT_MB, XSL_OUTPUT_LIMIT_BYTES, XSL_TIME_LIMIT_MS, type XslDomNode, type XslJob, type XslOutput, type XslSource } from './job.ts';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

function cacheKey(job: XslJob, text: string): string {
  return sha(JSON.stringify([SAXON_VERSION, job.untrusted ? 'untrusted' : 'own', pathToFileURL(job.stylesheet).href, sha(text)]));
}

/** True when every module a compiled stylesheet came from still has the content it had. */
function modulesUnchanged(entry: CompiledStylesheet): boolean {
  for (const [path, hash] of Object.entries(entry.modules)) {
    if (!existsSync(path) || sha(readFileSync(path)) !== hash) return false;
  }
  return true;
}

function readCache(dir: string, key: string): CompiledStylesheet | undefined {
  const file = join(dir, `${key}.json`);
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CompiledStylesheet;
    return typeof entry.sef === 'string' && modulesUnchanged(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The module files a SEF was compiled from (their base URIs). */
function modulesOf(sef: string): string[] {
  const out = new Set<string>();
  for (const m of sef.matchAll(/"baseUri":"(file:[^"]+)"/g)) {
    try {
      out.add(fileURLToPath(m[1]!));
    } catch {
      // not a file URL: nothing to watch
    }
  }
  return [...out];
}

/** Every module a compiled stylesheet came from, with its content hash now. */
function moduleHashes(sef: string): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const path of modulesOf(sef)) if (existsSync(path)) modules[path] = sha(readFileSync(path));
  return modules;
}

/** Writes a compiled stylesheet to the disk cache, through write/ (one atomic file per key). */
async function writeCache(dir: string, key: string, entry: CompiledStylesheet, bag: DiagnosticBag): Promise<void> {
  try {
    await writeFileAtomic(join(dir, `${key}.json`), JSON.stringify(entry));
  } catch (e) {
    bag.add('XslCacheUnwritable', `compiled stylesheet could not be cached in ${dir}: ${(e as Error).message}`, { file: dir });
  }
}

/** The location of a stylesheet problem: the module saxon-js names, resolved against the stylesheet. */
function locate(job: XslJob, a: ChildAnswer): Location {
  let file = job.display ?? job.stylesheet;
  if (a.module) {
    // saxon-js names a module by its base name or URI; its own compiler's modules (static.xsl,
    // xpath.xsl) are not files of the stylesheet and leave the main stylesheet as the place.
    let path: string | undefined;
    try {
      path = a.module.startsWith('file:') ? fileURLToPath(a.module) : resolve(dirname(job.stylesheet), a.module);
    } catch {
      path = undefined;
    }
    const main = path !== undefined && basename(path) === basename(job.stylesheet);
    if (path && !main && existsSync(path)) file = path;
    else if (!main) return { file }; // a line of saxon-js's compiler, not of the stylesheet
  }
  return { file, line: a.line ?? 1, column: a.column ?? 1 };
}

/** Compiles (or takes from a cache) and runs a stylesheet in a warm process of `ctx`; problems go into `bag`. */
export async function runXsl(ctx: XslContext, job: XslJob, bag: DiagnosticBag, severity?: 'warning'): Promise<XslOutput | undefined> {
  const at: Location = { file: job.display ?? job.stylesheet };
  const opts = severity ? { severity } : undefined;
  let text: string;
  try {
    text = readFileSync(job.stylesheet, 'utf8');
  } catch (e) {
    bag.add('XslNotFound', `stylesheet ${job.display ?? job.stylesheet} could not be read: ${(e as Error).message}`, at, opts);
    return undefined;
  }
  const key = cacheKey(job, text);
  // Compiled once per stylesheet content: this build's own copy first, then the disk cache.
  let sef = ctx.compiled.get(key);
  if (sef && !modulesUnchanged(sef)) {
    ctx.compiled.delete(key);
    sef = undefined;
  }
  const fromDisk = !sef && job.cacheDir ? readCache(job.cacheDir, key) : undefined;
  if (fromDisk) ctx.compiled.set(key, (sef = fromDisk));
  const audience = job.audience ?? 'public';
  // The same compiled stylesheet on the same document, parameters and readable files gives the
  // same result: `vitrine serve` then rebuilds without running it again.
  const readable = sef && !job.untrusted ? rootsFingerprint(job.roots) : undefined;
  // The document as JSON once: for the memo key and the job line both.
  const sourceJson = JSON.stringify(typeof job.source === 'string' ? job.source : job.source.tree);
  const memoKey = sef && readable ? sha(JSON.stringify([key, sha(sef.sef), sha(sourceJson), job.params, job.roots, readable, audience])) : undefined;
  const remembered = memoKey ? ctx.remembered(memoKey) : undefined;
  ctx.stats.runs++;
  if (remembered) {
    ctx.log.push({ stylesheet: job.stylesheet, audience });
    return { ...remembered, documents: new Map(remembered.documents), cached: true };
  }
  const poolKey = processKey(job);
  const proc = ctx.process(poolKey, job);
  const sefKey = sef ? sha(sef.sef) : undefined;
  const rest = JSON.stringify({
    ...(sef ? { sefKey, ...(proc.holds.has(sefKey!) ? {} : { sef: sef.sef }) } : { stylesheet: { text, uri: pathToFileURL(job.stylesheet).href } }),
    sourceUri: pathToFileURL(join(job.roots[0] ?? dirname(job.stylesheet), 'view.xml')).href,
    params: job.params,
    roots: job.roots,
    untrusted: !!job.untrusted,
    outputLimit: job.outputLimitBytes ?? XSL_OUTPUT_LIMIT_BYTES,
    ...(job.untrusted ? { allowed: STANDARD_FUNCTIONS } : {}),
  });
  const payload = `{"${typeof job.source === 'string' ? 'source' : 'sourceTree'}":${sourceJson},${rest.slice(1)}`;
  const run = await proc.run(payload, job);
  ctx.log.push({ stylesheet: job.stylesheet, audience, ...(run.pid ? { pid: run.pid } : {}) });
  // A process killed at a limit, dead, or whose stylesheet failed is not used again.
  if (run.killed || !run.answer?.ok) ctx.retire(poolKey);
  if (run.killed === 'time') {
    bag.add('XslTimeLimit', `stylesheet ${job.display ?? job.stylesheet} was stopped after ${(job.timeLimitMs ?? XSL_TIME_LIMIT_MS) / 1000} s`, at, opts);
    return undefined;
  }
  if (run.killed === 'memory') {
    bag.add('XslMemoryLimit', `stylesheet ${job.display ?? job.stylesheet} was stopped: it needed more than ${job.memoryLimitMb ?? XSL_MEMORY_LIMIT_MB} MB`, at, opts);
    return undefined;
  }
  const a = run.answer;
  if (!a) {
    bag.add('XslRunFailed', `stylesheet ${job.display ?? job.stylesheet} stopped unexpectedly: ${run.stderr.split('\n').find((l) => l.trim()) ?? 'no message'}`, at, opts);
    return undefined;
  }
  // The process keeps the last compiled form it was given or made, and that one only.
  if (sefKey && !proc.holds.has(sefKey) && (a.ok || a.phase === 'run' || a.phase === 'size')) {
    proc.holds.clear();
    proc.holds.add(sefKey);
  }
  if (a.sef && !job.untrusted) await keepCompiled(ctx, job, key, a.sef, bag);
  if (!a.ok) {
    const where = locate(job, a);
    const msg = (a.message ?? '').replace(/\s+/g, ' ').trim();
    const refused = a.refused || /^VXSL/.test(a.code ?? '') || /is not allowed|not available to XSL views|ERR_ACCESS_DENIED/.test(msg);
    if (a.phase === 'script') bag.add('XslScriptRefused', `${job.display ?? job.stylesheet} ${msg}`, where, opts);
    else if (a.phase === 'size' || a.code === 'VXSL0005') bag.add('XslOutputTooLarge', `${job.display ?? job.stylesheet}: ${msg}`, { file: job.display ?? job.stylesheet }, opts);
    else if (a.phase === 'compile' && !refused) bag.add('XslCompileFailed', msg, where, opts);
    else if (a.phase === 'check') bag.add('XslFunctionRefused', `${job.display ?? job.stylesheet} ${msg}`, where, opts);
    else if (refused) bag.add('XslAccessRefused', msg, where, opts);
    else bag.add('XslRunFailed', msg, where, opts);
    return undefined;
  }
  // An untrusted stylesheet's compiled form is kept only once it passed the check.
  if (a.sef && job.untrusted) await keepCompiled(ctx, job, key, a.sef, bag);
  // The process compiled it and keeps it, parsed, for the next run.
  if (a.sef) {
    proc.holds.clear();
    proc.holds.add(sha(a.sef));
  }
  const result: XslOutput = { output: a.output ?? '', method: a.method ?? 'xml', documents: new Map(Object.entries(a.documents ?? {})), cached: !!sef };
  if (memoKey) ctx.remember(memoKey, result);
  return { ...result, documents: new Map(result.documents), ...(run.pid ? { pid: run.pid } : {}), ...(a.ms ? { ms: a.ms } : {}) };
}

/**
 * Which runs share a warm process: one per stylesheet, readable folders, memory limit, trust
 * and audience. A protected view's audience names the view, so its process serves it alone.
 */
function processKey(job: Pick<XslJob, 'stylesheet' | 'roots' | 'memoryLimitMb' | 'untrusted' | 'audience'>): string {
  return JSON.stringify([job.stylesheet, job.roots.map((r) => realpathSync(r)), job.memoryLimitMb ?? XSL_MEMORY_LIMIT_MB, !!job.untrusted, job.audience ?? 'public']);
}

/**
 * Starts the process a later run of `job` will use, so that starting Node and loading
 * saxon-js (about half a second) overlap the build's other work; nothing runs in it yet.
 * Skipped when the stylesheet's folder is missing (the run reports that).
 */
export function warmUp(ctx: XslContext, job: Pick<XslJob, 'stylesheet' | 'roots' | 'memoryLimitMb' | 'untrusted' | 'audience'>): void {
  if (!job.roots.every((r) => existsSync(r)) || !existsSync(job.stylesheet)) return;
  ctx.process(processKey(job), job);
}

/** Keeps a freshly compiled stylesheet in the context and, given a cache folder, on disk. */
async function keepCompiled(ctx: XslContext, job: XslJob, key: string, sef: string, bag: DiagnosticBag): Promise<void> {
  ctx.stats.compiles++;
  const entry: CompiledStylesheet = { sef, modules: moduleHashes(sef) };
  ctx.compiled.set(key, entry);
  if (job.cacheDir) await writeCache(job.cacheDir, key, entry, bag);
}

/**
 * Name, size and modification time of every file under the roots a stylesheet may read (its
 * `doc()` and `unparsed-text()` inputs), so an edit to any of them runs the stylesheet again.
 * Undefined (no memo) when the roots hold too many files to list cheaply.
 */
function rootsFingerprint(roots: string[]): string[] | undefined {
  const out: string[] = [];
  const walk = (dir: string): boolean => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return true;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) {
        if (!walk(path)) return false;
      } else {
        out.push(`${path}:${st.size}:${st.mtimeMs}`);
        if (out.length > 2000) return false;
      }
    }
    return true;
  };
  for (const r of roots) if (!walk(r)) return undefined;
  return out;
}
