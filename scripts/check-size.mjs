// The size budget: the built JS and CSS the page loads at start, gzipped, must stay under
// 175 KB in all, so every feature pays for its weight. A view loaded only through a dynamic
// import (the criticality lab) is counted apart, against its own 40 KB budget: it costs nothing
// until it is opened. Runs right after `vite build` (npm run build); prints one row per file
// and fails with the total and the budget when either is over.
//
// Usage: node scripts/check-size.mjs [dist]   (default: dist)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 175 KB, counted as 175 × 1024 bytes. */
export const BUDGET_BYTES = 175 * 1024;
/** What the chunks loaded on demand may weigh in all. */
export const ON_DEMAND_BUDGET_BYTES = 40 * 1024;

const BUILT = /\.(js|mjs|css)$/;

/**
 * @typedef {{ file: string, bytes: number, gzip: number, onDemand?: boolean }} FileSize
 */

const STATIC_REF = [
  /(?:from|import)\s*["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g,
  /new URL\(\s*["'`](?:\.\/)?([\w.-]+\.js)["'`]/g,
  /["'`]\.\/assets\/([\w.-]+\.(?:js|css))["'`]/g,
];
const DYNAMIC_REF = /import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g;

/** @param {string} text @param {RegExp[]} patterns @returns {string[]} the file names matched */
const refs = (text, patterns) => patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]));

/**
 * The files loaded only on demand: reached from a dynamic `import()` and not from the page's
 * start (index.html, the service worker, the workers and their static imports). A file nothing
 * refers to counts as loaded at start, so a pattern this misses errs toward the strict budget.
 * @param {Map<string, string>} texts file name (no folder) -> contents, index.html included
 * @returns {Set<string>}
 */
export function onDemandFiles(texts) {
  /** @type {Map<string, string[]>} */
  const statics = new Map();
  const dynamics = new Set();
  const referenced = new Set();
  for (const [name, text] of texts) {
    const found = refs(text, STATIC_REF).filter((f) => f !== name);
    statics.set(name, found);
    found.forEach((f) => referenced.add(f));
    for (const m of text.matchAll(DYNAMIC_REF)) {
      dynamics.add(m[1]);
      referenced.add(m[1]);
    }
  }
  /** @param {Iterable<string>} seeds */
  const closure = (seeds) => {
    const seen = new Set(seeds);
    const stack = [...seen];
    while (stack.length > 0) {
      for (const f of statics.get(/** @type {string} */ (stack.pop())) ?? []) {
        if (seen.has(f)) continue;
        seen.add(f);
        stack.push(f);
      }
    }
    return seen;
  };
  const start = closure([...texts.keys()].filter((f) => !referenced.has(f)));
  return new Set([...closure(dynamics)].filter((f) => !start.has(f) && texts.has(f)));
}

/** @param {string} dir @returns {string[]} the built JS and CSS files under `dir` */
export function builtFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return builtFiles(path);
      return BUILT.test(name) ? [path] : [];
    })
    .sort();
}

/** @param {string} dist @returns {FileSize[]} each built file's size, raw and gzipped */
export function measure(dist) {
  const files = builtFiles(dist);
  const texts = new Map(files.map((path) => [basename(path), readFileSync(path, 'utf8')]));
  try {
    texts.set('index.html', readFileSync(join(dist, 'index.html'), 'utf8'));
  } catch {
    // no page: every file counts as loaded at start
  }
  const onDemand = onDemandFiles(texts);
  return files.map((path) => {
    const data = readFileSync(path);
    return {
      file: relative(dist, path),
      bytes: data.length,
      gzip: gzipSync(data).length,
      onDemand: onDemand.has(basename(path)),
    };
  });
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The table to print and whether the files fit the budget.
 * @param {FileSize[]} sizes
 * @param {number} [budget]
 * @returns {{ ok: boolean, total: number, lines: string[] }}
 */
export function checkSize(sizes, budget = BUDGET_BYTES, onDemandBudget = ON_DEMAND_BUDGET_BYTES) {
  const later = sizes.filter((s) => s.onDemand);
  const lazyTotal = later.reduce((sum, s) => sum + s.gzip, 0);
  sizes = sizes.filter((s) => !s.onDemand);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const width = Math.max(4, ...sizes.map((s) => s.file.length));
  const row = (/** @type {string} */ a, /** @type {string} */ b, /** @type {string} */ c) =>
    `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}`;
  const lines = [
    row('file', 'raw', 'gzip'),
    ...[...sizes].sort((a, b) => b.gzip - a.gzip).map((s) => row(s.file, kb(s.bytes), kb(s.gzip))),
    row('total', kb(sizes.reduce((sum, s) => sum + s.bytes, 0)), kb(total)),
  ];
  if (later.length > 0) {
    lines.push(
      'loaded on demand (dynamic import):',
      ...later.map((s) => row(s.file, kb(s.bytes), kb(s.gzip))),
      row('on demand', kb(later.reduce((sum, s) => sum + s.bytes, 0)), kb(lazyTotal)),
    );
  }
  const ok = sizes.length > 0 && total <= budget && lazyTotal <= onDemandBudget;
  if (sizes.length === 0)
    lines.push('check-size: no JS or CSS files found; run `vite build` first.');
  else if (lazyTotal > onDemandBudget)
    lines.push(
      `check-size: the chunks loaded on demand are ${kb(lazyTotal)} gzipped (${lazyTotal} bytes), over their budget of ${kb(onDemandBudget)} (${onDemandBudget} bytes) by ${lazyTotal - onDemandBudget} bytes.`,
    );
  else if (ok)
    lines.push(
      `check-size: ${kb(total)} gzipped of the ${kb(budget)} budget (${total} of ${budget} bytes)` +
        (later.length > 0 ? `; ${kb(lazyTotal)} more on demand.` : '.'),
    );
  else
    lines.push(
      `check-size: the built JS and CSS are ${kb(total)} gzipped (${total} bytes), over the budget of ${kb(budget)} (${budget} bytes) by ${total - budget} bytes.`,
    );
  return { ok, total, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? 'dist');
  let sizes;
  try {
    sizes = measure(dist);
  } catch {
    console.error(
      `check-size: cannot read ${relative(process.cwd(), dist) || dist}; run \`vite build\` first.`,
    );
    process.exit(1);
  }
  const { ok, lines } = checkSize(sizes);
  const out = ok ? console.log : console.error;
  for (const line of lines) out(line);
  if (!ok) process.exitCode = 1;
}
