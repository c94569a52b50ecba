import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The pure core may not reach into the app or its libraries (see
// architecture.md: ui -> state -> worker -> scenario -> engine).
const pureCoreImports = {
  patterns: [
    {
      group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
      message: 'The engine and scenario are framework-free: no React or zustand.',
    },
    {
      group: ['d3', 'd3/*', 'd3-*'],
      message: 'D3 belongs in src/charts; the engine and scenario produce plain columns.',
    },
    {
      // Relative imports that climb out into the app's folders, e.g. '../ui/App'.
      regex: '^(\\.\\./)+(src/)?(ui|state|charts|worker)(/.*)?$',
      message: 'The engine and scenario know nothing of the UI, store, charts or worker.',
    },
  ],
};

export default defineConfig([
  globalIgnores(['dist', 'coverage', 'node_modules', 'test-results', 'playwright-report']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**', 'e2e/**', 'bench/**', 'src/cli/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/engine/**', 'src/scenario/**'],
    rules: { 'no-restricted-imports': ['error', pureCoreImports] },
  },
  {
    // Determinism: all randomness comes from the seeded streams in rng.ts, and
    // time is the simulation's step counter, never the wall clock.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'self', message: 'The engine runs anywhere, not only in a worker.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from rng.ts.' },
        { object: 'Date', property: 'now', message: 'The engine is clock-free.' },
        { object: 'performance', property: 'now', message: 'The engine is clock-free.' },
      ],
    },
  },
]);
