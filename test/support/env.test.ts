// Tests of the skip-or-fail rule in test/support/env.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasShared, repoRoot, requireOrSkip, sharedDir, skipNote } from './env.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('paths', () => {
  it('finds the repository root and puts ../shared beside it', () => {
    expect(existsSync(join(repoRoot, 'package.json'))).toBe(true);
    expect(sharedDir).toBe(join(repoRoot, '..', 'shared'));
    expect(hasShared('no-such-folder-in-shared')).toBe(false);
  });
});

describe('requireOrSkip', () => {
  it('returns true when the thing is available, in CI or not', () => {
    vi.stubEnv('CI', 'true');
    expect(requireOrSkip('thing A', true)).toBe(true);
    vi.stubEnv('CI', '');
    expect(requireOrSkip('thing A', true)).toBe(true);
  });

  it('throws in CI when the thing is missing', () => {
    vi.stubEnv('CI', 'true');
    expect(() => requireOrSkip('thing B', false)).toThrow('thing B is required in CI');
  });

  it('returns false and warns once outside CI', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requireOrSkip('thing C', false)).toBe(false);
    expect(requireOrSkip('thing C', false)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('thing C');
  });

  it('names the reason in a skipped test title', () => {
    expect(skipNote('xmllint', false)).toBe(' (skipped: needs xmllint)');
    expect(skipNote('xmllint', true)).toBe('');
  });
});
