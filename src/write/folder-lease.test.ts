import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireFolderLease, leaseFileFor } from './folder-lease.ts';

describe('folder lease', () => {
  it('a live lease keeps a second try waiting; an expired one is taken over and its old holder learns it lost it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-lease-'));
    try {
      const out = join(dir, 'site');
      const first = await acquireFolderLease(out, { ttlMs: 300 });
      await expect(acquireFolderLease(out, { ttlMs: 300, waitMs: 400 })).rejects.toThrow(/still being written/);
      await first.assertHeld(); // renewed meanwhile
      // The first holder freezes (as a stalled worker would): it stops renewing.
      const frozen = JSON.parse(readFileSync(leaseFileFor(out), 'utf8')) as { expires: number };
      writeFileSync(leaseFileFor(out), JSON.stringify({ ...frozen, token: 'someone-dead', expires: Date.now() - 1 }));
      const second = await acquireFolderLease(out, { ttlMs: 300, waitMs: 2000 });
      await expect(first.assertHeld()).rejects.toThrow(/lost/);
      await second.assertHeld();
      await first.release(); // not its lease any more: leaves it alone
      expect(existsSync(leaseFileFor(out))).toBe(true);
      await second.release();
      expect(existsSync(leaseFileFor(out))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after taking over from a dead writer, its temporary folder goes and a site it had moved aside comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-lease-'));
    try {
      const out = join(dir, 'site');
      // A writer died between its two renames: the old site aside, a half-written new one.
      mkdirSync(join(dir, '.site.old-123-1000'));
      writeFileSync(join(dir, '.site.old-123-1000', 'index.html'), 'previous');
      mkdirSync(join(dir, '.site.new-123-1000'));
      writeFileSync(leaseFileFor(out), JSON.stringify({ token: 'dead', host: 'h', pid: 123, expires: Date.now() - 1000 }));
      // ...and it was killed between writing its renewed lease and renaming it into place.
      writeFileSync(`${leaseFileFor(out)}.renew-dead`, JSON.stringify({ token: 'dead', host: 'h', pid: 123, expires: Date.now() + 1000 }));
      const lease = await acquireFolderLease(out, { ttlMs: 1000 });
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous');
      expect(existsSync(join(dir, '.site.new-123-1000'))).toBe(false);
      expect(existsSync(`${leaseFileFor(out)}.renew-dead`)).toBe(false);
      await lease.release();
      expect(readdirSync(dir).filter((e) => e.startsWith('.'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
