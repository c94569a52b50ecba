/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  // 127.0.0.1, not localhost: on Node 20 `localhost` may resolve to ::1 only,
  // and Playwright's baseURL is 127.0.0.1.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'bench/**', 'e2e/**'],
    coverage: {
      provider: 'v8',
      include: ['src/engine/**/*.ts', 'src/scenario/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary'],
    },
  },
});
