import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // builds dist/ first (workers run the compiled code) and says when the browser tests are skipped
    globalSetup: ['test/setup/global.ts'],
    // a guard against a hang, not a speed limit: the heaviest test takes under a minute on a quiet
    // 2-core machine, and a loaded one must not fail it for being slow
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: 'forks',
  },
});
