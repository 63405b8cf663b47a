/** Progress of long builds: silent under a second, plain periodic lines off a terminal, a bar on one, nothing with --quiet. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createProgress } from '../../src/cli/progress.ts';
import { runBuild } from '../../src/cli/commands/build.ts';

const flags = { json: false, quiet: false, debug: false, strict: false };
const capture = (isTTY: boolean) => {
  let text = '';
  return { io: { stdout: { write: () => true }, stderr: { write: (s: string) => (text += s), isTTY }, cwd: '.' }, text: () => text };
};

describe('progress', () => {
  it('off a terminal: nothing in the first second, then a line per stage and one every period', () => {
    let t = 0;
    const out = capture(false);
    const p = createProgress(out.io, flags, { now: () => t, afterMs: 1000, everyMs: 3000, timer: false });
    p.stage('reading');
    t = 500;
    p.stage('encoding images');
    expect(out.text()).toBe('');
    t = 1200;
    p.poll();
    expect(out.text()).toBe('... encoding images (1.2 s)\n');
    p.tick();
    p.tick();
    t = 2000;
    p.poll(); // less than a period since the last line
    t = 4300;
    p.poll();
    p.stage('rendering pages');
    p.end();
    expect(out.text().split('\n').filter(Boolean)).toEqual(['... encoding images (1.2 s)', '... encoding images: 2 done (4.3 s)', '... rendering pages (4.3 s)']);
  });

  it('on a terminal: one line redrawn in place with a bar, cleared at the end', () => {
    let t = 0;
    const out = capture(true);
    const p = createProgress(out.io, flags, { now: () => t, timer: false });
    t = 2000;
    p.stage('rendering pages');
    t = 2500;
    p.tick();
    p.end();
    expect(out.text()).toContain('\r\x1b[2K[##########..............] rendering pages (2.0 s)');
    expect(out.text()).toContain('rendering pages: 1 done (2.5 s)');
    expect(out.text().endsWith('\r\x1b[2K')).toBe(true);
    expect(out.text()).not.toContain('\n');
  });

  it('--quiet silences it', () => {
    const out = capture(false);
    const p = createProgress(out.io, { ...flags, quiet: true }, { now: () => 10_000, timer: false });
    p.stage('reading');
    p.poll();
    p.end();
    expect(out.text()).toBe('');
  });

  it('a real build reports reading, encoding images and rendering as plain lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-progress-'));
    const out = capture(false);
    const code = await runBuild(resolve(import.meta.dirname, '../../content'), { out: join(dir, 'site'), view: 'accessibility-assessment', cache: join(dir, 'cache'), secrets: join(dir, 's.json') }, flags, out.io, { afterMs: 0, timer: false });
    expect(code).toBe(0);
    const lines = out.text().split('\n').filter((l) => l.startsWith('... '));
    expect(lines.map((l) => l.replace(/( \(|:).*/, ''))).toEqual(['... reading', '... encoding images', '... rendering pages', '... indexing for search', '... writing']);
  }, 120_000);
});
