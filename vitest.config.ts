import { defineConfig } from 'vitest/config';

// Three projects so that a unit run never waits for Neo4j or Chromium:
//   unit    everything under test/ except the two below
//   neo4j   test/neo4j/**  (globalSetup starts a real Neo4j 5.26 unless NEO4J_URI is set)
//   browser test/viz/**    (headless Chromium from Debian via playwright-core)
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/neo4j/**', 'test/viz/**', '**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['test/neo4j/**/*.test.ts'],
          globalSetup: ['test/neo4j/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/viz/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
