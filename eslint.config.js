import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The data flow (README "Layout", architecture.md): a folder may import only from the folders
// after it in ui -> state -> worker -> scenario -> engine. charts sit beside the store, drawing
// the engine's frames; cli runs engine + scenario headless; shared holds neutral utilities any
// app folder may use. Paths are resolved, so '../../state' from src/ui/controls is caught too.
/** @type {Record<string, string[]>} */
const FORBIDDEN = {
  ui: ['cli'],
  state: ['ui', 'charts', 'cli'],
  charts: ['ui', 'state', 'worker', 'cli'],
  worker: ['ui', 'state', 'charts', 'cli'],
  cli: ['ui', 'state', 'charts', 'worker'],
  scenario: ['ui', 'state', 'charts', 'worker', 'cli', 'shared'],
  // The engine imports nothing of the app; its tests may build scenarios from the table.
  engine: ['ui', 'state', 'charts', 'worker', 'cli', 'shared', 'scenario'],
  shared: ['ui', 'state', 'charts', 'worker', 'cli', 'scenario', 'engine'],
};

/** Why each folder's bans hold, for the lint message. */
/** @type {Record<string, string>} */
const WHY = {
  ui: 'the CLI is an entry point, like main.tsx: nothing imports it',
  state: 'the store feeds the charts and the UI; they read it, it does not know them',
  charts: 'charts draw the frames they are given and know nothing of store, worker or UI',
  worker: 'the worker runs the engine and answers the store; it knows nothing above it',
  cli: 'the CLI runs engine + scenario headless, without the browser app',
  scenario: 'the scenario is pure core and imports only the engine',
  engine: 'the engine is pure core and imports nothing of the app',
  shared: 'shared utilities import nothing of the app, so every folder may use them',
};

/**
 * import-x/no-restricted-paths zones: `target` may not import from each forbidden folder.
 * @param {{ engineTests: boolean }} options
 */
function layerZones({ engineTests }) {
  return Object.entries(FORBIDDEN).flatMap(([target, banned]) =>
    banned
      .filter((from) => !(engineTests && target === 'engine' && from === 'scenario'))
      .map((from) => ({
        target: `./src/${target}`,
        from: `./src/${from}`,
        message: `src/${target} may not import src/${from}: ${WHY[target]}.`,
      })),
  );
}

const REACT = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
  message: 'Only src/ui and src/state use React and zustand.',
};
const D3 = {
  group: ['d3', 'd3/*', 'd3-*'],
  message: 'D3 belongs in src/charts; the other folders produce or pass plain columns.',
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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x parses only these for no-cycle's graph; the default is .js alone.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones({ engineTests: false }) }],
      // A cycle, even of types only, is a knot a reader has to untie: put the shared part in
      // its own module (as priceTypes.ts and worker/simClient.ts do).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Tests, and the fixtures only tests load, may build scenarios from the table.
    files: ['src/engine/**/*.test.ts', 'src/engine/__fixtures__/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones({ engineTests: true }) }],
    },
  },
  {
    files: ['src/engine/**', 'src/scenario/**', 'src/worker/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [REACT, D3] }],
    },
  },
  {
    files: ['src/charts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REACT] }] },
  },
  { files: ['src/state/**'], rules: { 'no-restricted-imports': ['error', { patterns: [D3] }] } },
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
