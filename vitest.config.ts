import { defineConfig } from 'vitest/config';

// When VITRINE_TEST_JSON names a file, vitest also writes its JSON report there (.ci/run reads
// it to print the pass/fail summary). Set through the environment rather than CLI arguments so
// it works whatever the `test` script runs before `vitest run` (today `tsc --noEmit && ...`).
const jsonReport = process.env.VITRINE_TEST_JSON;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Some tests run external tools (xmllint) or build whole sites: well above the 5 s default.
    testTimeout: 60_000,
    // Child processes rather than worker threads: tests spawn processes and use native modules
    // (sharp), which are safer in forks.
    pool: 'forks',
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
