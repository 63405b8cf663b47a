/**
 * Helpers for tests that need things from outside the repository: a command such as xmllint,
 * or the third-party samples in `../shared` (which a user's fresh clone does not have).
 *
 * The rule: such a test skips, with a visible reason, where the thing is missing, except in CI
 * (`CI=true`), where a missing thing is an error, so CI never goes green with real checks
 * silently skipped.
 *
 *     const ok = needs('xmllint', hasXmllint());
 *     it.skipIf(!ok)(`validates${skipNote('xmllint', ok)}`, () => { ... });
 *
 * Call `needs` at the top level of a test file (or in a `describe` body): in CI its error then
 * fails the whole file at collection time, which vitest reports as a failed file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the repository root (this file is `test/support/env.ts`). */
export const repoRoot = resolve(here, '..', '..');

/** Absolute path of `../shared`, the folder beside the repository root. */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** Absolute path of a file or folder inside `../shared`, e.g. `sharedPath('samples', 'ims-lip')`. */
export function sharedPath(...segments: string[]): string {
  return join(sharedDir, ...segments);
}

/**
 * Whether `../shared` is there; with segments, whether that path inside it exists
 * (`hasShared('samples', 'ims-eportfolio', 'xsd')`).
 */
export function hasShared(...segments: string[]): boolean {
  return existsSync(sharedPath(...segments));
}

/** True when running in CI, where nothing may be skipped for want of a tool or sample. */
export function isCI(): boolean {
  return process.env.CI === 'true';
}

const warned = new Set<string>();

/**
 * Returns `available`, after checking that skipping is allowed:
 * - available: returns true;
 * - missing and `CI=true`: throws `${what} is required in CI`;
 * - missing otherwise: warns once per `what` (so the reason shows in the test output) and
 *   returns false, for `it.skipIf(!ok)`.
 */
export function requireOrSkip(what: string, available: boolean): boolean {
  if (available) return true;
  if (isCI()) {
    throw new Error(`${what} is required in CI`);
  }
  if (!warned.has(what)) {
    warned.add(what);
    console.warn(`[vitrine tests] ${what} is not available: skipping the tests that need it (in CI this is an error)`);
  }
  return false;
}

/** Shorter name for `requireOrSkip`, reading as `const ok = needs('xmllint', hasXmllint())`. */
export const needs = requireOrSkip;

/**
 * A suffix for a test's name that says why it is skipped, so the reason shows in the list of
 * skipped tests too: `' (skipped: needs xmllint)'` when `ok` is false, `''` otherwise.
 */
export function skipNote(what: string, ok: boolean): string {
  return ok ? '' : ` (skipped: needs ${what})`;
}
