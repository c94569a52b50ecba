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

// Links replay bit for bit on every JavaScript engine only if the engine's arithmetic is the same
// everywhere: IEEE basic operations and Math.sqrt are, these functions are not (the standard
// leaves their last bits to each engine). src/engine/dmath.ts has deterministic versions.
const DMATH = 'Not deterministic across JavaScript engines: use src/engine/dmath.ts.';
const engineDependentMath = [
  'exp',
  'log',
  'log2',
  'log10',
  'log1p',
  'expm1',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
].map((property) => ({ object: 'Math', property, message: DMATH }));

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
        ...engineDependentMath,
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "BinaryExpression[operator='**']", message: DMATH },
        { selector: "AssignmentExpression[operator='**=']", message: DMATH },
      ],
    },
  },
  {
    // dmath.ts is where the deterministic versions live; tests compare them with Math.*.
    files: ['src/engine/dmath.ts', 'src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from rng.ts.' },
        { object: 'Date', property: 'now', message: 'The engine is clock-free.' },
        { object: 'performance', property: 'now', message: 'The engine is clock-free.' },
      ],
      'no-restricted-syntax': 'off',
    },
  },
]);
