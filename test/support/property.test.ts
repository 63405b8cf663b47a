// The seed helper of the property tests (test/support/property.ts): which seeds run where, and
// that a failing property names its seed and the command that replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_PROPERTY_SEED, checkProperty, givenSeed, propertySeeds } from './property.ts';

describe('propertySeeds', () => {
  it('runs the fixed seed and a random one in CI, one random seed locally, the given one when set', () => {
    const ci = propertySeeds({ CI: 'true' });
    expect(ci).toHaveLength(2);
    expect(ci[0]).toBe(FIXED_PROPERTY_SEED);
    expect(ci[1]).not.toBe(FIXED_PROPERTY_SEED);
    const local = propertySeeds({});
    expect(local).toEqual([ci[1]]);
    expect(propertySeeds({ CI: 'true', VITRINE_PROPERTY_SEED: '-42' })).toEqual([-42]);
  });

  it('refuses a seed that is not a 32-bit integer', () => {
    expect(givenSeed({ VITRINE_PROPERTY_SEED: ' 28 ' })).toBe(28);
    expect(givenSeed({ VITRINE_PROPERTY_SEED: '' })).toBeUndefined();
    for (const bad of ['1.5', 'abc', '99999999999', '0x10']) expect(() => givenSeed({ VITRINE_PROPERTY_SEED: bad }), bad).toThrow(/32-bit integer/);
  });
});

describe('checkProperty', () => {
  it('passes a property that holds, with the seed it was given', async () => {
    const seen: number[] = [];
    await checkProperty(7, fc.property(fc.nat(), (n) => void seen.push(n)), { numRuns: 5 });
    const again: number[] = [];
    await checkProperty(7, fc.property(fc.nat(), (n) => void again.push(n)), { numRuns: 5 });
    expect(again).toEqual(seen);
  });

  it('names the seed and the replay command when the property fails', async () => {
    const failing = fc.property(fc.nat(), (n) => n < 0);
    await expect(checkProperty(123, failing, { numRuns: 5 }, 'test/x.test.ts')).rejects.toThrow(/^property failed with seed 123; replay: VITRINE_PROPERTY_SEED=123 npx vitest run test\/x\.test\.ts\n/);
  });
});
