/**
 * Builds into one output folder take turns (issue 12): a lease lock beside the folder (host,
 * process, heartbeat, expiry). A second writer waits for a live holder; a lock left by a
 * killed process, or one whose lease ran out (another machine sharing the folder), is taken
 * over; leftovers of interrupted builds are cleared under the lock; a failed write never claims
 * the previous site is unchanged when there was none.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { acquireOutputLock, lockPathFor, SiteWriteError, writeSite } from '../../src/write/index.ts';

const repo = resolve(import.meta.dirname, '../..');
const site = (text: string) => new Map([['index.html', new TextEncoder().encode(text)]]);
const fresh = () => mkdtempSync(join(tmpdir(), 'vitrine-lock-'));
const settled = <T>(p: Promise<T>) => {
  const state = { done: false };
  void p.then(() => (state.done = true), () => (state.done = true));
  return state;
};

describe('the output folder lock', () => {
  it('makes a second writer wait until the first releases, then writes', async () => {
    const out = join(fresh(), 'site');
    const first = await acquireOutputLock(out);
    const lock = JSON.parse(readFileSync(lockPathFor(out), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ host: hostname(), pid: process.pid });
    expect(lock.expires as number).toBeGreaterThan(lock.heartbeat as number);
    let waited = false;
    const second = writeSite(out, site('second'), { lock: { pollMs: 20, onWait: () => (waited = true) } });
    const state = settled(second);
    await new Promise((r) => setTimeout(r, 400));
    expect(state.done).toBe(false);
    expect(waited).toBe(true);
    expect(existsSync(out)).toBe(false);
    await first.release();
    await second;
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('second');
    expect(existsSync(lockPathFor(out))).toBe(false);
  });

  it('renews its lease on a heartbeat while held', async () => {
    const out = join(fresh(), 'site');
    const held = await acquireOutputLock(out, { leaseMs: 300, heartbeatMs: 50 });
    const before = JSON.parse(readFileSync(lockPathFor(out), 'utf8')) as { expires: number };
    await new Promise((r) => setTimeout(r, 400));
    const after = JSON.parse(readFileSync(lockPathFor(out), 'utf8')) as { expires: number };
    expect(after.expires).toBeGreaterThan(before.expires);
    expect(held.held()).toBe(true);
    await held.release();
  });

  it('takes over the lock of a killed build at once', async () => {
    const out = join(fresh(), 'site');
    // A real process takes the lock (long lease), then is killed with SIGKILL: no release runs.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(join(repo, 'src/write/lock.ts'))}).then((m) => m.acquireOutputLock(${JSON.stringify(out)}, { leaseMs: 600000 })).then(() => { console.log('held'); setInterval(() => {}, 1000); })`], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && ok()));
    const exited = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGKILL');
    await exited;
    expect(JSON.parse(readFileSync(lockPathFor(out), 'utf8'))).toMatchObject({ pid: child.pid });
    const t0 = Date.now();
    await writeSite(out, site('after the crash'), { lock: { pollMs: 20, timeoutMs: 5000 } });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('after the crash');
  }, 30_000);

  it('waits out the lease of a build on another machine, and gives up with OutputLocked past the wait', async () => {
    const out = join(fresh(), 'site');
    mkdirSync(resolve(out, '..'), { recursive: true });
    const other = (expires: number) => writeFileSync(lockPathFor(out), JSON.stringify({ host: 'other-machine.example', pid: 1, token: 'theirs', heartbeat: Date.now(), expires }));
    other(Date.now() + 500);
    const t0 = Date.now();
    await writeSite(out, site('mine'), { lock: { pollMs: 20 } });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('mine');

    other(Date.now() + 60_000);
    const err = await writeSite(out, site('never'), { lock: { pollMs: 20, timeoutMs: 200 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SiteWriteError);
    expect(err).toMatchObject({ locked: true, previous: 'unchanged' });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('mine');
    // Through build(): the coded error, and the site left as it was.
    const r = await build(join(repo, 'test/fixtures/ims-example'), { out, secrets: join(out, '..', 'secrets.json'), lock: { pollMs: 20, timeoutMs: 200 }, render: { processImage: createImageProcessor(join(out, '..', 'cache')) } });
    const d = r.diagnostics.find((x) => x.code === 'OutputLocked');
    expect(d?.message).toContain('other-machine.example');
    expect(d?.message).toContain('previous site is unchanged');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('mine');
  }, 60_000);

  it('removes the leftovers of interrupted builds while holding the lock, and puts back a site left only in .old-*', async () => {
    const parent = fresh();
    const out = join(parent, 'site');
    mkdirSync(join(parent, '.site.new-111-1'), { recursive: true });
    writeFileSync(join(parent, '.site.new-111-1', 'half.html'), 'half');
    // A build killed between its two renames: the previous site is only in .old-*.
    mkdirSync(join(parent, '.site.old-222-2'), { recursive: true });
    writeFileSync(join(parent, '.site.old-222-2', '.vitrine-site'), 'marker');
    writeFileSync(join(parent, '.site.old-222-2', 'index.html'), 'previous');
    mkdirSync(join(parent, '.site.old-111-1'), { recursive: true });
    const done = await writeSite(out, site('next'));
    expect(done.restored).toBe(join(parent, '.site.old-222-2'));
    expect(done.removed.sort()).toEqual([join(parent, '.site.new-111-1'), join(parent, '.site.old-111-1')]);
    expect(existsSync(join(parent, '.site.new-111-1'))).toBe(false);
    expect(existsSync(join(parent, '.site.old-111-1'))).toBe(false);
    expect(existsSync(join(parent, '.site.old-222-2'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('next');
  });

  it('never says "previous site is unchanged" when there was no previous site', async () => {
    const cwd = fresh();
    // The output's parent is a file: nothing can be written, and there never was a site.
    writeFileSync(join(cwd, 'blocker'), 'a file, not a folder');
    const out = join(cwd, 'blocker', 'site');
    const input = join(repo, 'test/fixtures/ims-example');
    const r = await build(input, { out, secrets: join(cwd, 'secrets.json'), render: { processImage: createImageProcessor(join(cwd, 'cache')) } });
    const d = r.diagnostics.find((x) => x.code === 'OutputNotWritable');
    expect(d, JSON.stringify(r.diagnostics.map((x) => x.code))).toBeDefined();
    expect(d!.message).not.toContain('unchanged');
    expect(d!.message).toContain('nothing was written');
    expect(r.value.written).toBe(false);
  }, 60_000);

  it('keeps the heartbeat going while it writes a large site: the writer lets timers run between slices', async (ctx) => {
    // On tmpfs where there is one: what is tested is the slicing, and on a shared disk a single
    // file can take longer than the bound.
    const dir = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'vitrine-lock-')) : fresh();
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'site');
    // 50,000 small files in 500 folders: several slices' worth of work on any machine (a CI
    // machine wrote 20,000 in under 400 ms).
    const bytes = new TextEncoder().encode('<p>' + 'x'.repeat(200) + '</p>');
    const files = new Map<string, Uint8Array>();
    for (let i = 0; i < 50_000; i++) files.set(`v/${i % 500}/p-${i}.html`, bytes);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    try {
      await writeSite(out, files);
    } finally {
      clearInterval(timer);
    }
    const took = performance.now() - started;
    expect(readFileSync(join(out, 'v/499/p-49999.html'), 'utf8')).toBe('<p>' + 'x'.repeat(200) + '</p>');
    // The longest stretch without a timer running, from the start to the end of the write.
    const marks = [started, ...ticks, started + took];
    const stall = Math.max(...marks.slice(1).map((t, i) => t - marks[i]!));
    console.log(`wrote 50,000 files in ${took.toFixed(0)} ms; ${ticks.length} timer ticks; longest stall ${stall.toFixed(0)} ms`);
    // A writer that never yields stalls for the whole write; this one for about one slice (20 ms)
    // plus one file. The write must be long enough to tell the two apart.
    expect(took).toBeGreaterThan(100);
    expect(stall).toBeLessThan(Math.min(250, took / 2));
  }, 120_000);
});
