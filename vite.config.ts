/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * Loads the entry from an inline module (`import './assets/…'`) instead of `<script src>`. The
 * browser's preload scanner fetches a `src` ahead of the parser, against the address as opened;
 * an import is resolved only when it runs, after index.html's first script has turned a `//…`
 * catch-all path back into the root, so no request goes to the bogus folder.
 */
function entryAfterPathCheck(): Plugin {
  return {
    name: 'entry-after-path-check',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<script type="module" crossorigin src="([^"]+)"><\/script>/,
          (_, src: string) => `<script type="module">import ${JSON.stringify(src)};</script>`,
        ),
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), entryAfterPathCheck()],
  // Relative asset paths: the build works from any folder (a project page, a school's server).
  base: './',
  worker: { format: 'es' },
  // 127.0.0.1, not localhost: on Node 20 `localhost` may resolve to ::1 only,
  // and Playwright's baseURL is 127.0.0.1.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'bench/**', 'e2e/**'],
    coverage: {
      provider: 'v8',
      include: ['src/engine/**/*.ts', 'src/scenario/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary'],
    },
  },
});
