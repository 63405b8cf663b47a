/** `vitrine batch` on one machine: a pool of build processes, one failing input among good ones. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';
import { writeBatchInputs } from './make-inputs.ts';

describe('vitrine batch DIR --out OUT (process pool)', () => {
  it('builds each input into OUT/<name>, reports the broken ones, exits 1, and never shares a secrets file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-batch-'));
    try {
      const input = join(dir, 'in');
      writeBatchInputs(input, 3, 40);
      // Two of the three get an unlisted view: each must get a token of its own, in a file of its own.
      for (const n of ['student-01', 'student-02']) writeFileSync(join(input, `${n}.vitrine.yaml`), 'views:\n  - id: cv\n    access: unlisted\n    select: [{ kind: product }]\n');
      writeFileSync(join(input, 'not-a-portfolio.zip'), 'this is no zip');
      writeFileSync(join(input, 'bad name!.zip'), readFileSync(join(input, 'student-03.zip')));
      const out = join(dir, 'out');
      const secrets = join(dir, 'secrets');
      const r = await runCli(['batch', input, '--out', out, '--workers', '2', '--json', '--secrets-dir', secrets], dir);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out.trim()) as { inputs: number; ok: number; failed: number; results: { name: string; ok: boolean; files: number; diagnostics: { code: string }[] }[] };
      expect(report).toMatchObject({ inputs: 5, ok: 3, failed: 2 });
      const byName = new Map(report.results.map((x) => [x.name, x]));
      expect(byName.get('not-a-portfolio')?.diagnostics.map((d) => d.code)).toContain('InputKindUnknown');
      expect(byName.get('bad name!')?.diagnostics.map((d) => d.code)).toEqual(['BatchInputFailed']);
      expect(r.err).toMatch(/\[5\/5\]/); // progress as it goes
      for (const n of ['student-01', 'student-02', 'student-03']) {
        expect(byName.get(n)?.ok).toBe(true);
        expect(existsSync(join(out, n, '.vitrine-site'))).toBe(true);
      }
      expect(readdirSync(out).sort()).toEqual(['student-01', 'student-02', 'student-03']);
      // Secrets per input under --secrets-dir: two files, two different tokens, two folders.
      expect(readdirSync(secrets).sort()).toEqual(['student-01.json', 'student-02.json']);
      const token = (n: string) => JSON.stringify(JSON.parse(readFileSync(join(secrets, `${n}.json`), 'utf8')));
      expect(token('student-01')).not.toBe(token('student-02'));
      expect(readdirSync(join(out, 'student-01')).filter((e) => !e.startsWith('.'))).not.toEqual(readdirSync(join(out, 'student-02')).filter((e) => !e.startsWith('.')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('prints a summary table without --json, and refuses a config shared by every zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-batch-'));
    try {
      const input = join(dir, 'in');
      writeBatchInputs(input, 1, 20);
      const r = await runCli(['batch', input, '--out', join(dir, 'out'), '--workers', '1'], dir);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^input\s+status\s+views\s+files/m);
      expect(r.out).toMatch(/^student-01\s+ok\s+1\s+\d+/m);
      mkdirSync(join(dir, 'in2'));
      writeFileSync(join(dir, 'in2', 'vitrine.config.yaml'), 'views: []\n');
      const shared = await runCli(['batch', join(dir, 'in2'), '--out', join(dir, 'out2')], dir);
      expect(shared.code).toBe(1);
      expect(shared.err).toContain('would be the config of every zip');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('jobs taken from Redis', () => {
  it('are refused unless they are paths of the shape vitrine batch enqueues', async () => {
    const { jobProblem } = await import('../../src/batch/queue.ts');
    const good = { name: 'ann', input: '/srv/in/ann.zip', folder: false, out: '/srv/out/ann' };
    expect(jobProblem(good)).toBeUndefined();
    expect(jobProblem({ ...good, out: '/etc' })).toMatch(/OUT\/<name>/);
    expect(jobProblem({ ...good, name: '../x', out: '/srv/out/../x' })).toMatch(/safe folder name/);
    expect(jobProblem({ ...good, input: 'relative.zip' })).toMatch(/absolute/);
    expect(jobProblem({ ...good, secrets: { token: 'x' } })).toMatch(/unknown fields secrets/);
  });
});
