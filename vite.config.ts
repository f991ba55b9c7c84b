import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Builds the renderer (the same files Electron loads and the browser host serves) and
 * configures Vitest, which runs every test folder: unit, integration and e2e.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
