/**
 * Seeds for the property tests (fast-check), so that every run can be replayed.
 *
 * - `VITRINE_PROPERTY_SEED=<n>` runs each property with that seed only (to replay a failure);
 * - in CI (`CI=true`, as `isCI()` in env.ts) each property runs twice: with the fixed seed below, so a regression shows
 *   on every run, and with a random one, so CI keeps exploring;
 * - locally each property runs once, with a random seed.
 *
 * The seed is in each test's name and printed when the file loads, and a failure's message
 * starts with the command that replays it. Use it as:
 *
 *     it.each(propertySeeds())('holds for any selection (seed %i)', async (seed) => {
 *       await checkProperty(seed, fc.asyncProperty(...), { numRuns: 8 });
 *     });
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';

/** The seed every CI run uses, beside a random one. */
export const FIXED_PROPERTY_SEED = 13_062_026;

/** The seed given in `VITRINE_PROPERTY_SEED`, if any; throws on a value that is not an integer. */
export function givenSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.VITRINE_PROPERTY_SEED?.trim();
  if (raw === undefined || raw === '') return undefined;
  // fast-check takes any 32-bit integer, negative ones included (they appear in its own reports).
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Math.abs(Number(raw)) > 2 ** 31) {
    throw new Error(`VITRINE_PROPERTY_SEED must be a 32-bit integer, got "${raw}"`);
  }
  return Number(raw);
}

/** One random seed per test file, drawn once so every property of the file reports the same. */
const randomSeed = randomInt(1, 2 ** 31 - 1);

/**
 * The seeds each property runs with: the given one; or, in CI, the fixed one and a random one;
 * or, locally, a random one. Prints them, so a run's log always says how to replay it.
 */
export function propertySeeds(env: NodeJS.ProcessEnv = process.env): number[] {
  const given = givenSeed(env);
  const seeds = given !== undefined ? [given] : env.CI === 'true' ? [FIXED_PROPERTY_SEED, randomSeed] : [randomSeed];
  console.log(`[vitrine property] seeds ${seeds.join(', ')} (replay one with VITRINE_PROPERTY_SEED=<seed>)`);
  return seeds;
}

/** The command that replays a property of a test file with a seed. */
export function replayCommand(seed: number, file?: string): string {
  return `VITRINE_PROPERTY_SEED=${seed} npx vitest run${file ? ` ${file}` : ''}`;
}

/**
 * Runs `fc.assert` with `seed`. On failure, rethrows with the seed and the replay command first
 * in the message (fast-check's own report, with its shrunk counterexample, follows).
 */
export async function checkProperty<T>(seed: number, property: fc.IProperty<T> | fc.IAsyncProperty<T>, params: fc.Parameters<T> = {}, file?: string): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<T>, { ...params, seed });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`property failed with seed ${seed}; replay: ${replayCommand(seed, file)}\n${message}`, { cause: error });
  }
}
