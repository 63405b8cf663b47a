/**
 * What a stylesheet returns is capped inside its process (issue 12): on 956273f a stylesheet
 * writing millions of paragraphs sent them all to the build's process, which died of memory.
 * Real child processes; the cap is lowered per job so the test stays small.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticBag } from '../../src/diagnostics/index.ts';
import { createXslContext, runXsl } from '../../src/render/xsl/run.ts';

// One XSL context for the file, as one build has: its processes end with the file.
const ctx = createXslContext();
afterAll(() => ctx.close());

const NS = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"';

async function run(body: string, outputLimitBytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-outcap-'));
  writeFileSync(join(dir, 'big.xsl'), `<xsl:stylesheet version="3.0" ${NS}><xsl:template match="/">${body}</xsl:template></xsl:stylesheet>`);
  const bag = new DiagnosticBag();
  const out = await runXsl(ctx, { stylesheet: join(dir, 'big.xsl'), source: '<v/>', params: {}, roots: [dir], untrusted: true, outputLimitBytes }, bag);
  return { out, bag, codes: bag.items.map((d) => d.code), dir };
}

describe('the size of a stylesheet result is capped', () => {
  it('a principal result over the cap is an XslOutputTooLarge error, not a result', async () => {
    const r = await run(`<div><xsl:for-each select="1 to 200000"><p>paragraph</p></xsl:for-each></div>`, 1024 * 1024);
    expect(r.out).toBeUndefined();
    expect(r.codes).toEqual(['XslOutputTooLarge']);
    expect(r.bag.items[0]!.location!.file).toBe(join(r.dir, 'big.xsl'));
  }, 30_000);

  it('result documents count towards the cap', async () => {
    const r = await run(`<xsl:for-each select="1 to 40"><xsl:result-document href="page-{.}.html"><div><xsl:for-each select="1 to 5000"><p>paragraph</p></xsl:for-each></div></xsl:result-document></xsl:for-each><p>small</p>`, 1024 * 1024);
    expect(r.out).toBeUndefined();
    expect(r.codes).toEqual(['XslOutputTooLarge']);
  }, 30_000);

  it('a result under the cap is returned whole', async () => {
    const r = await run(`<div><xsl:for-each select="1 to 2000"><p>paragraph</p></xsl:for-each></div>`, 1024 * 1024);
    expect(r.codes).toEqual([]);
    expect(r.out!.output.match(/<p>/g)).toHaveLength(2000);
  }, 30_000);
});
