/**
 * Vitrine installs like a tool: the tarball `npm pack` makes is installed into an empty temp
 * folder (outside the clone), and the commands a new user types run there: `init`, then the
 * very commands init prints, `build`, and `serve`. The `$schema` lines of the starter resolve.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { repoRoot } from '../support/env.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';
let child: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-pack-'));
  // `npm pack` runs `prepare`, which compiles dist/ from the sources being tested. It runs in a
  // copy of the clone, so the clone's own dist/ (other tests run bin/vitrine.js) is never
  // replaced under them; node_modules is linked, not copied.
  const copy = join(dir, 'clone');
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'scripts', 'templates', 'docs']) {
    cpSync(join(repoRoot, f), join(copy, f), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  execFileSync(npm, ['pack', '--pack-destination', dir, '--silent'], { cwd: copy, stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  // Dependencies come from npm's cache where it has them (npm ci filled it), else the registry.
  execFileSync(npm, ['install', '--prefix', join(dir, 'home'), join(dir, tarball), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'pipe', 'inherit'] });
}, 600_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  // The link to the clone's node_modules is removed, never followed.
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 180_000);

const home = () => join(dir, 'home');
const vitrine = (args: string[], cwd = home()) => execFileSync(process.execPath, [join(home(), 'node_modules/.bin/vitrine'), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed tarball, installed in a temp folder', () => {
  it('ships compiled JavaScript, types, templates and schemas, and no TypeScript sources or tests', () => {
    const pkg = join(home(), 'node_modules/vitrine');
    for (const f of ['bin/vitrine.js', 'dist/cli/start.js', 'dist/index.js', 'dist/index.d.ts', 'dist/render/xsl/child.cjs', 'dist/render/xsl/sef-checks.cjs', 'dist/render/xsl/source-document.cjs', 'dist/render/protect/unlock.js', 'templates/layouts/base.njk', 'docs/schema/authored-part.schema.json']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(existsSync(join(pkg, 'test'))).toBe(false);
    expect(readFileSync(join(pkg, 'bin/vitrine.js'), 'utf8')).not.toContain('tsx');
  });

  it('init writes a starter whose $schema lines resolve, and prints commands that work as printed', () => {
    spawnSyncText(['init', 'my-portfolio']);
    const printed = spawnSyncText(['init', 'second']);
    expect(printed).toContain('next: cd second && npx vitrine serve');
    const yaml = readFileSync(join(home(), 'my-portfolio/portfolio.yaml'), 'utf8');
    const schema = /\$schema=(\S+)/.exec(yaml)![1]!;
    expect(existsSync(resolve(home(), 'my-portfolio', schema)), schema).toBe(true);
    for (const f of readdirSync(join(home(), 'my-portfolio/parts'), { recursive: true }).map(String).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(home(), 'my-portfolio/parts', f), 'utf8');
      const ref = /\$schema=(\S+)/.exec(text)?.[1];
      if (ref) expect(existsSync(resolve(dirname(join(home(), 'my-portfolio/parts', f)), ref)), `${f}: ${ref}`).toBe(true);
    }
    // The printed build command, run as printed (npx finds the local install, offline).
    execFileSync(npm, ['exec', '--offline', '--', 'vitrine', 'build', 'second', '--quiet'], { cwd: home(), stdio: ['ignore', 'pipe', 'pipe'] });
    expect(existsSync(join(home(), '_site/index.html'))).toBe(true);
  }, 120_000);

  it('build writes the site beside where it runs, not into the clone', () => {
    vitrine(['build', '--quiet'], join(home(), 'my-portfolio'));
    expect(existsSync(join(home(), 'my-portfolio/_site/index.html'))).toBe(true);
  }, 120_000);

  it('serve starts, lists every view, and serves the site', async () => {
    child = spawn(process.execPath, [join(home(), 'node_modules/.bin/vitrine'), 'serve', 'my-portfolio', '--port', '0'], { cwd: home(), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`serve did not start: ${err}`)), 90_000);
      child!.stderr!.on('data', (b: Buffer) => {
        err += b.toString();
        const m = /serving \S+ at (http:\/\/\S+)[\s\S]*\n {2}http:\/\/\S+\/ +public/.exec(err);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      child!.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${err}`)));
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const view = /\n {2}(http:\/\/\S+\/) +public/.exec(err)![1]!;
    expect((await fetch(`${view}index.html`)).status).toBe(200);
    child.kill('SIGTERM');
    await new Promise((done) => child!.once('exit', done));
  }, 120_000);
});

/** Runs the installed command; returns what it printed on stderr (where init says what to do next). */
function spawnSyncText(args: string[]): string {
  const r = spawnSync(process.execPath, [join(home(), 'node_modules/.bin/vitrine'), ...args], { cwd: home(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vitrine ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stderr;
}
