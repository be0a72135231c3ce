import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Generous limits: a busy 2-core machine must never fail a test by being slow.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // No test contacts a real model hub (the model manager asks whether one answers): those that
    // download name their own local one (test/helpers/fake-hub.ts).
    env: { CONTINUUM_MODEL_HUB: 'off' },
    reporters: ['default'],
  },
});
