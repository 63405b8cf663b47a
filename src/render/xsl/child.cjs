/*
 * The XSLT child process (docs/xsl-views.md, "How stylesheets run"). Plain CommonJS on
 * purpose: it runs under Node's permission model with reads limited to the stylesheet's root
 * folders and saxon-js's own files, so it loads nothing but saxon-js (no TypeScript loader).
 *
 * A warm process: it serves one run after another for one stylesheet, one set of readable
 * folders and one audience (child-process.ts decides which runs may share it). Jobs come as
 * JSON, one per line, on stdin; each gets one answer, one JSON line on stdout:
 *   job:    { sefKey?: string (sha-256 of the SEF text), sef?: string, stylesheet?: { text, uri },
 *             source?: string (XML text) | sourceTree?: DOM-ready tree (formats/xml/dom-tree.ts),
 *             sourceUri: string, params: Record<string,string>, roots: string[],
 *             untrusted: boolean, allowed?: string[], outputLimit: number }
 *   answer: { ok: true, sef?: string, output: string, method: string, documents: {href: text},
 *             ms: { job, source, transform, cpu } (reading the job line, building the document,
 *             transforming; the CPU time of all that, every thread of the process) }
 *         | { ok: false, phase: 'compile'|'script'|'check'|'size'|'run', message, code?, module?, line?, column? }
 * A job without `sef` or `stylesheet` reuses the compiled form this process already holds
 * for `sefKey` (parsed, linked and checked once). The process ends when stdin closes.
 *
 * Inside, whatever the permission model allows, saxon-js's platform is narrowed (saxon-js
 * 2.7.0, pinned: these are private hooks, kept honest by test/xsl/hostile.test.ts):
 * file reads only under `roots` (fixed by the first job: a later job naming other roots is
 * refused), no http, no writes, no JavaScript global object, no collections, result
 * documents kept in memory with relative hrefs only.
 */
'use strict';
const { createHash } = require('node:crypto');
const { realpathSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const { sep, resolve: resolvePath } = require('node:path');
// As a stylesheet's process (not when bench/xsl.ts loads this file): no network, before
// saxon-js; and stdout carries answers only (saxon-js logs parser warnings with console.log).
if (require.main === module) {
  require('./no-network.cjs').closeNetwork();
  console.log = console.info = console.debug = console.error;
}
const SaxonJS = require('saxon-js');

const platform = SaxonJS.getPlatform();
const { check, lineOf, scriptCalls } = require('./sef-checks.cjs');
const documentOf = require('./source-document.cjs').documentBuilder(platform);

/**
 * A refusal, as saxon-js's own error class: saxon-js rethrows only its own errors from file
 * access (anything else it caches as if it were a document).
 */
function Refused(message, code) {
  const e = new SaxonJS.XError(message, code);
  e.vitrineRefused = true;
  return e;
}

/** Narrows saxon-js's platform to reads under `roots`; everything else is refused. */
function guard(roots) {
  const realRoots = roots.map((r) => {
    const real = realpathSync(r);
    return real.endsWith(sep) ? real : real + sep;
  });
  const allowedPath = (target) => {
    let path;
    const s = String(target);
    if (/^[a-z][a-z0-9+.-]*:/i.test(s) && !/^file:/i.test(s)) throw new Refused(`reading ${s} is not allowed: only files inside ${roots.join(', ')}`, 'VXSL0001');
    path = /^file:/i.test(s) ? fileURLToPath(s) : resolvePath(s);
    let real;
    try {
      real = realpathSync(path);
    } catch {
      throw new Refused(`cannot read ${s}: no such file inside ${roots.join(', ')}`, 'FODC0002');
    }
    if (!realRoots.some((r) => real.startsWith(r))) throw new Refused(`reading ${s} is not allowed: only files inside ${roots.join(', ')}`, 'VXSL0001');
    return real;
  };
  const readFile = platform.readFile;
  platform.readFile = (target, ...rest) => readFile.call(platform, allowedPath(target), ...rest);
  const resourcePromise = platform.resourcePromise;
  platform.resourcePromise = (req) => {
    try {
      const where = req.file ?? req.location;
      const real = allowedPath(where);
      return resourcePromise.call(platform, { ...req, file: real, location: undefined });
    } catch (e) {
      return Promise.reject(e);
    }
  };
  platform.makeHttpRequest = () => {
    throw new Refused('http requests are not allowed', 'VXSL0001');
  };
  platform.writeFileSync = (url) => {
    throw new Refused(`writing ${url} is not allowed`, 'VXSL0002');
  };
  platform.writeFileAsync = (url) => Promise.reject(new Refused(`writing ${url} is not allowed`, 'VXSL0002'));
  // js: (globalJS) and ixsl: calls reach JavaScript through this object: give them nothing.
  platform.globalObject = Object.freeze(Object.create(null));
}

/** Sets parent links a loaded SEF needs (saxon-js does this for the SEFs it loads itself). */
function link(node) {
  if (node.C) for (const c of node.C) {
    c.parentNode = node;
    link(c);
  }
}

function withoutLinks(sef) {
  return JSON.stringify(sef, (k, v) => (k === 'parentNode' ? undefined : v));
}

/** Compiles stylesheet text with saxon-js's own XSLT compiler (the one fn:transform uses). */
function compile(text, uri) {
  const compiler = platform.resource('compiler');
  link(compiler);
  const doc = platform.parseXmlFromString(text, true);
  doc._saxonBaseUri = uri;
  doc._saxonDocUri = uri;
  const staticParams = new SaxonJS.XdmMap();
  staticParams.inSituPut(SaxonJS.XS.QName.fromParts('', '', 'staticParameters'), [new SaxonJS.XdmMap()]);
  const options = SaxonJS.checkOptions({
    stylesheetParams: staticParams,
    tunnelParams: { 'Q{}compiler.options': new SaxonJS.XdmMap() },
    functionParams: {},
    isDynamicStylesheet: true,
    destination: 'application',
    initialMode: 'compile-complete',
    templateParams: { 'Q{}options': { noXPath: false, 'enable-assertions': false, allowSyntaxExtensions: false, relocatable: false } },
    outputProperties: {},
  });
  SaxonJS.internalTransform(compiler, doc, options);
  return SaxonJS.XPath.sefToJSON(options.principalResult.firstChild);
}

function answer(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function location(e) {
  const out = {};
  const msg = String(e && e.message);
  const m = /on line (\d+)(?: column (\d+))? (?:of|in) (\S+?):?(?:\s|$)/.exec(msg);
  if (m) {
    out.line = Number(m[1]);
    if (m[2]) out.column = Number(m[2]);
    out.module = m[3];
  } else if (e && e.xsltLineNr !== undefined && e.xsltModule && !/^(xpath|compile|xslt|sequenceType)\w*\.xsl$/.test(e.xsltModule)) {
    out.line = Number(e.xsltLineNr);
    out.module = e.xsltModule;
  }
  return out;
}

/** The roots this process was narrowed to (by its first job), as one key. */
let guardedRoots;
/** Compiled stylesheets this process holds, parsed, linked and checked, by their key. */
const compiledSefs = new Map();

function main(job) {
  const rootsKey = JSON.stringify(job.roots);
  if (guardedRoots === undefined) {
    guard(job.roots);
    guardedRoots = rootsKey;
  } else if (guardedRoots !== rootsKey) {
    // child-process.ts never sends one; refused all the same, the guard cannot be widened.
    return answer({ ok: false, phase: 'run', refused: true, code: 'VXSL0001', message: 'this stylesheet process may read other folders only' });
  }
  let sef = job.sef || job.stylesheet ? undefined : compiledSefs.get(job.sefKey);
  let compiled;
  if (!sef) {
    if (job.sef) sef = JSON.parse(job.sef);
    else if (job.stylesheet) {
      try {
        sef = compile(job.stylesheet.text, job.stylesheet.uri);
        compiled = withoutLinks(sef);
      } catch (e) {
        return answer({ ok: false, phase: 'compile', message: String(e.message || e), code: e.code, ...location(e) });
      }
    } else return answer({ ok: false, phase: 'run', message: 'no compiled stylesheet for this job' });
    const scripts = scriptCalls(sef);
    if (scripts.length) return answer({ ok: false, phase: 'script', message: `calls JavaScript (${[...new Set(scripts.map((p) => p.what))].join(', ')}); no stylesheet may`, line: scripts[0].line });
    if (job.untrusted) {
      const problems = check(sef, job.allowed || []);
      if (problems.length) return answer({ ok: false, phase: 'check', message: `uses ${[...new Set(problems.map((p) => p.what))].join(', ')}, outside the functions a package stylesheet may call`, line: problems[0].line });
    }
    link(sef);
    // Only a stylesheet that passed both checks is kept for the next run, under the hash of
    // its compiled text (the key run.ts derives from the same text).
    // One stylesheet per process: an edited one (vitrine serve) replaces the last, so a long
    // session does not pile compiled forms up against the memory limit.
    compiledSefs.clear();
    compiledSefs.set(compiled ? createHash('sha256').update(compiled).digest('hex') : job.sefKey, sef);
  }
  const documents = {};
  let resultBytes = 0;
  let method = 'xml';
  try {
    // A tree (the view document) is built without parsing; text goes through saxon-js's parser.
    const started = performance.now();
    const source = job.sourceTree ? documentOf(job.sourceTree) : platform.parseXmlFromString(job.source, false);
    const built = performance.now();
    source._saxonBaseUri = job.sourceUri;
    source._saxonDocUri = job.sourceUri;
    const options = SaxonJS.checkOptions({
      isDynamicStylesheet: true,
      destination: 'serialized',
      stylesheetParams: job.params,
      outputProperties: {},
      resultDocuments: {},
      collectionFinder: (uri) => {
        throw new Refused(`collection(${uri === undefined ? '' : uri}) is not available to XSL views`, 'VXSL0001');
      },
      deliverResultDocument: (uri) => {
        const href = String(uri);
        // Relative, forward, inside the view folder: no scheme, no leading /, no .. segment.
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('\\') || href.split(/[\\/]/).some((s) => s === '..' || s === '')) {
          const e = new Refused(`xsl:result-document href="${href}" is not allowed: give a relative path inside the view folder`, 'VXSL0003');
          e.xsltLineNr = lineOf(sef, (n) => n.N === 'resultDoc' && JSON.stringify(n, (k, v) => (k === 'parentNode' ? undefined : v)).includes(JSON.stringify(href).slice(1, -1)));
          e.xsltModule = job.stylesheet ? job.stylesheet.uri.split('/').pop() : undefined;
          throw e;
        }
        return {
          destination: 'serialized',
          save: (u, result) => {
            documents[href] = String(result);
            resultBytes += documents[href].length;
            if (resultBytes > job.outputLimit) throw new Refused(`result documents over ${job.outputLimit} bytes`, 'VXSL0005');
          },
        };
      },
    });
    SaxonJS.internalTransform(sef, source, options);
    const props = sef.C && sef.C.find((c) => c.N === 'output');
    if (props && props.C) {
      const m = props.C.find((c) => c.N === 'property' && c.name === 'method');
      if (m) method = String(m.value).replace(/^Q\{\}/, '');
    }
    const output = String(options.principalResult ?? '');
    // Capped here, so an enormous result never travels to (and fills) the build's process.
    const size = Buffer.byteLength(output) + Object.entries(documents).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (size > job.outputLimit) return answer({ ok: false, phase: 'size', message: `the stylesheet returned ${size} bytes; the limit is ${job.outputLimit}`, ...(compiled ? { sef: compiled } : {}) });
    const cpu = process.cpuUsage(receivedCpu);
    const ms = { job: Math.round(built - received), source: Math.round(built - started), transform: Math.round(performance.now() - built), cpu: Math.round((cpu.user + cpu.system) / 1000) };
    return answer({ ok: true, ...(compiled ? { sef: compiled } : {}), output, method, documents, ms });
  } catch (e) {
        return answer({ ok: false, phase: 'run', refused: !!(e && e.vitrineRefused) || /VXSL/.test(String(e && e.code)), message: String((e && e.message) || e), code: e && e.code, ...(compiled ? { sef: compiled } : {}), ...location(e) });
  }
}

// Required as a module (bench/xsl.ts measures compiling and transforming in-process): no job.
if (require.main !== module) {
  module.exports = { compile, link, documentOf, SaxonJS, platform };
  return;
}

/** When the current job's line was whole (its `ms` timings start there). */
let received = 0;
let receivedCpu;

/** One job, answered whatever happens. */
function serve(line) {
  received = performance.now();
  receivedCpu = process.cpuUsage();
  let job;
  try {
    job = JSON.parse(line);
  } catch (e) {
    return answer({ ok: false, phase: 'run', message: `bad job: ${e.message}` });
  }
  try {
    main(job);
  } catch (e) {
    answer({ ok: false, phase: 'run', message: String((e && e.message) || e), code: e && e.code, ...location(e) });
  }
}

// Jobs are JSON lines (JSON text holds no raw newline). Chunks are kept apart until a line
// is whole, so a large document is joined once rather than copied on every chunk.
let chunks = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  let at = d.indexOf('\n');
  while (at >= 0) {
    chunks.push(d.slice(0, at));
    const line = chunks.join('');
    chunks = [];
    if (line.trim()) serve(line);
    d = d.slice(at + 1);
    at = d.indexOf('\n');
  }
  if (d) chunks.push(d);
});
process.stdin.on('end', () => {
  const line = chunks.join('');
  if (line.trim()) serve(line);
});
