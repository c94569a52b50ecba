// The size budget: the built JS and CSS, gzipped, must stay under 175 KB in all, so every
// feature pays for its weight. Runs right after `vite build` (npm run build); prints one row per
// file and fails with the total and the budget when it is over.
//
// Usage: node scripts/check-size.mjs [dist]   (default: dist)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 175 KB, counted as 175 × 1024 bytes. */
export const BUDGET_BYTES = 175 * 1024;

const BUILT = /\.(js|mjs|css)$/;

/**
 * @typedef {{ file: string, bytes: number, gzip: number }} FileSize
 */

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
  return builtFiles(dist).map((path) => {
    const data = readFileSync(path);
    return {
      file: relative(dist, path),
      bytes: data.length,
      gzip: gzipSync(data).length,
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
export function checkSize(sizes, budget = BUDGET_BYTES) {
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const width = Math.max(4, ...sizes.map((s) => s.file.length));
  const row = (/** @type {string} */ a, /** @type {string} */ b, /** @type {string} */ c) =>
    `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}`;
  const lines = [
    row('file', 'raw', 'gzip'),
    ...[...sizes].sort((a, b) => b.gzip - a.gzip).map((s) => row(s.file, kb(s.bytes), kb(s.gzip))),
    row('total', kb(sizes.reduce((sum, s) => sum + s.bytes, 0)), kb(total)),
  ];
  const ok = sizes.length > 0 && total <= budget;
  if (sizes.length === 0)
    lines.push('check-size: no JS or CSS files found; run `vite build` first.');
  else if (ok)
    lines.push(
      `check-size: ${kb(total)} gzipped of the ${kb(budget)} budget (${total} of ${budget} bytes).`,
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
