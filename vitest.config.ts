import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests start real servers, git processes and SQLite files; forks isolate native handles.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
