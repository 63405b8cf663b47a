/**
 * Hostile package stylesheets: each attack saxon-js allows in Node by default is refused with
 * its diagnostic, and no file outside the output changes. Real saxon-js, real child processes
 * under Node's permission model. (The guards in child.cjs use private saxon-js hooks: these
 * tests are what keeps them honest when saxon-js is upgraded.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticBag } from '../../src/diagnostics/index.ts';
import { createXslContext, childFlags, runXsl } from '../../src/render/xsl/run.ts';

// One XSL context for the file, as one build has: its processes end with the file.
const ctx = createXslContext();
afterAll(() => ctx.close());

const repo = resolve(import.meta.dirname, '../..');
const NS = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:js="http://saxonica.com/ns/globalJS"';
const SECRET = 'top-secret-value-4b1d';

/** A scratch area: the package, a secret file beside it, and a place an attack would write to. */
function arena() {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-hostile-'));
  const pkg = join(base, 'package');
  mkdirSync(pkg);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'outside', 'evil.xsl'), `<xsl:stylesheet version="3.0" ${NS}><xsl:template name="evil"><p>${SECRET}</p></xsl:template></xsl:stylesheet>`);
  writeFileSync(join(pkg, 'ok.xml'), '<ok>inside</ok>');
  return { base, pkg, secret: join(base, 'outside', 'secret.txt'), pwned: join(base, 'outside', 'pwned.txt') };
}

/** Every file under a folder with its size and mtime, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${s.size}:${s.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

async function attack(body: string, opts: { version?: string; untrusted?: boolean; timeLimitMs?: number; memoryLimitMb?: number; top?: string } = {}) {
  const a = arena();
  const xsl = `<xsl:stylesheet version="${opts.version ?? '3.0'}" ${NS}>\n${(opts.top ?? '').replaceAll('$OUTSIDE', pathToFileURL(join(a.base, 'outside')).href)}\n<xsl:template match="/">\n${body.replaceAll('$SECRET', pathToFileURL(a.secret).href).replaceAll('$PWNED', a.pwned).replaceAll('$OUTSIDE', pathToFileURL(join(a.base, 'outside')).href)}\n</xsl:template>\n</xsl:stylesheet>`;
  writeFileSync(join(a.pkg, 'view.xsl'), xsl);
  const before = snapshot(a.base);
  const bag = new DiagnosticBag();
  const out = await runXsl(ctx, { stylesheet: join(a.pkg, 'view.xsl'), source: '<view/>', params: {}, roots: [a.pkg], untrusted: opts.untrusted ?? true, ...(opts.timeLimitMs ? { timeLimitMs: opts.timeLimitMs } : {}), ...(opts.memoryLimitMb ? { memoryLimitMb: opts.memoryLimitMb } : {}) }, bag);
  const after = snapshot(a.base);
  const text = JSON.stringify(bag.items) + (out?.output ?? '') + JSON.stringify([...(out?.documents ?? [])]);
  return { a, out, bag, codes: bag.items.map((d) => d.code), before, after, leaked: text.includes(SECRET) };
}

/** The common assertions: refused with `code` at the package stylesheet, nothing leaked or written. */
function refused(r: Awaited<ReturnType<typeof attack>>, code: string) {
  expect(r.out).toBeUndefined();
  expect(r.codes).toEqual([code]);
  expect(r.bag.items[0]!.location!.file).toBe(join(r.a.pkg, 'view.xsl'));
  expect(r.leaked).toBe(false);
  expect(existsSync(r.a.pwned)).toBe(false);
  expect(r.after).toEqual(r.before);
}

describe('hostile package stylesheets', () => {
  it('globalJS reaching child_process is refused before it runs', async () => {
    const r = await attack(`<xsl:value-of select="js:eval('process.mainModule.require(&quot;child_process&quot;).execSync(&quot;touch $PWNED&quot;)')"/>`);
    // Refused by the check every stylesheet goes through, before the package allow-list.
    refused(r, 'XslScriptRefused');
    expect(r.bag.items[0]!.message).toContain('ixsl:call');
  });

  it('globalJS is refused in own stylesheets too, before it runs (issue 12)', async () => {
    const r = await attack(`<xsl:value-of select="js:eval('process.mainModule.require(&quot;child_process&quot;).execSync(&quot;touch $PWNED&quot;)')"/>`, { untrusted: false });
    expect(r.out).toBeUndefined();
    expect(r.codes).toEqual(['XslScriptRefused']);
    expect(existsSync(r.a.pwned)).toBe(false);
    expect(r.after).toEqual(r.before);
  });

  it("unparsed-text('file:///…') outside the package is refused", async () => {
    refused(await attack(`<p><xsl:value-of select="unparsed-text('$SECRET')"/></p>`), 'XslAccessRefused');
  });

  it("unparsed-text('file:///etc/passwd') is refused", async () => {
    const r = await attack(`<p><xsl:value-of select="unparsed-text('file:///etc/passwd')"/></p>`);
    refused(r, 'XslAccessRefused');
    expect(JSON.stringify(r.bag.items)).not.toContain('root:');
  });

  it('doc() outside the package is refused, inside it works', async () => {
    refused(await attack(`<xsl:copy-of select="doc('$OUTSIDE/evil.xsl')"/>`), 'XslAccessRefused');
    const ok = await attack(`<p><xsl:value-of select="doc('ok.xml')/ok"/></p>`);
    expect(ok.codes).toEqual([]);
    expect(ok.out!.output).toMatch(/<p[^>]*>inside<\/p>/);
  });

  it('document() of an absolute path is refused (XSLT 1.0)', async () => {
    refused(await attack(`<xsl:copy-of select="document('/etc/hosts')"/>`, { version: '1.0' }), 'XslAccessRefused');
  });

  it('collection() is refused', async () => {
    refused(await attack(`<xsl:copy-of select="collection('$OUTSIDE')"/>`), 'XslFunctionRefused');
    // Own stylesheets pass the check; the collection is refused when it runs.
    const own = await attack(`<xsl:copy-of select="collection('$OUTSIDE')"/>`, { untrusted: false });
    expect(own.codes).toEqual(['XslAccessRefused']);
    expect(own.leaked).toBe(false);
  });

  it('function-lookup, transform() and xsl:evaluate are refused', async () => {
    refused(await attack(`<xsl:value-of select="function-lookup(QName('http://saxonica.com/ns/globalJS', 'eval'), 1)('1')"/>`), 'XslFunctionRefused');
    refused(await attack(`<xsl:copy-of select="transform(map{'stylesheet-location': '$OUTSIDE/evil.xsl'})"/>`), 'XslFunctionRefused');
    refused(await attack(`<xsl:evaluate xpath="'unparsed-text(&quot;$SECRET&quot;)'"/>`), 'XslFunctionRefused');
  });

  it('xsl:include of an absolute path is refused', async () => {
    refused(await attack(`<xsl:call-template name="evil"/>`, { top: `<xsl:include href="$OUTSIDE/evil.xsl"/>` }), 'XslAccessRefused');
  });

  it('xsl:result-document to file:/// is refused and writes nothing', async () => {
    refused(await attack(`<p>x</p><xsl:result-document href="file://$PWNED"><p>pwned</p></xsl:result-document>`), 'XslAccessRefused');
    refused(await attack(`<p>x</p><xsl:result-document href="../../outside/pwned.txt"><p>pwned</p></xsl:result-document>`), 'XslAccessRefused');
  });

  it('an infinite loop is stopped at the time limit', async () => {
    const r = await attack(`<xsl:iterate select="1 to 100000000000"><xsl:next-iteration/></xsl:iterate>`, { timeLimitMs: 3000 });
    refused(r, 'XslTimeLimit');
    // Endless recursion runs out of stack before the time limit: a run error, also contained.
    refused(await attack(`<xsl:call-template name="loop"/>`, { top: `<xsl:template name="loop"><xsl:call-template name="loop"/></xsl:template>` }), 'XslRunFailed');
  }, 30_000);

  it('a memory blow-up is stopped at the memory limit', async () => {
    const r = await attack(`<xsl:variable name="big" select="for $i in 1 to 100000000 return string-join(('a', string($i)), '-')"/><p><xsl:value-of select="count($big) + string-length(string-join($big, ''))"/></p>`, { memoryLimitMb: 48, timeLimitMs: 60_000 });
    refused(r, 'XslMemoryLimit');
  }, 90_000);

  it("the child process can neither read outside its roots, write, spawn nor start workers on its own (Node's permission model)", () => {
    const a = arena();
    const script = `
      const out = [];
      const fs = require('fs');
      try { fs.readFileSync(${JSON.stringify(a.secret)}); out.push('read'); } catch (e) { out.push(e.code); }
      try { fs.writeFileSync(${JSON.stringify(a.pwned)}, 'x'); out.push('wrote'); } catch (e) { out.push(e.code); }
      try { require('child_process').execSync('true'); out.push('spawned'); } catch (e) { out.push(e.code); }
      try { new (require('worker_threads').Worker)('1', { eval: true }); out.push('worker'); } catch (e) { out.push(e.code); }
      try { fs.readFileSync(${JSON.stringify(join(a.pkg, 'ok.xml'))}); out.push('read-package'); } catch (e) { out.push(e.code); }
      try { fs.readFileSync(${JSON.stringify(join(repo, 'node_modules', 'yaml', 'package.json'))}); out.push('read-other-module'); } catch (e) { out.push(e.code); }
      try { require('saxon-js'); out.push('saxon-js'); } catch (e) { out.push(e.code || e.message); }
      process.stdout.write(JSON.stringify(out));`;
    // Run from the repository, as the child runs, so that require('saxon-js') resolves.
    const r = spawnSync(process.execPath, [...childFlags({ roots: [a.pkg] }), '-e', script], { encoding: 'utf8', cwd: repo });
    expect(JSON.parse(r.stdout)).toEqual(['ERR_ACCESS_DENIED', 'ERR_ACCESS_DENIED', 'ERR_ACCESS_DENIED', 'ERR_ACCESS_DENIED', 'read-package', 'ERR_ACCESS_DENIED', 'saxon-js']);
    expect(existsSync(a.pwned)).toBe(false);
    expect(readFileSync(a.secret, 'utf8')).toBe(SECRET);
  });
});
