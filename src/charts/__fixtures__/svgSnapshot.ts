/**
 * SVG snapshots in the manner of Observable Plot's tests: a chart's SVG, serialised with its
 * generated ids renumbered (so the order tests run in does not matter), one element per line,
 * compared with a file in src/charts/__snapshots__. A mismatch writes `<name>-changed.svg`
 * beside it to open and diff; `CHART_SNAPSHOTS=update` (npm run snapshots:charts) rewrites the
 * files instead.
 */

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path from the file URL (the test DOM's global URL is not Node's, so no new URL here).
const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '__snapshots__');
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * `svg.outerHTML` with every id renamed `<prefix>-<n>` in order of appearance (the prefix is
 * the id without its counter), references to it (`url(#id)`, `href="#id"`) following.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  let text = svg.outerHTML;
  if (!svg.hasAttribute('xmlns')) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  const ids = [...text.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  const counts = new Map<string, number>();
  const renamed = new Map<string, string>();
  for (const id of ids) {
    const prefix = id.replace(/-\d+$/, '');
    const n = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, n);
    renamed.set(id, `${prefix}-${n}`);
  }
  // Rename via placeholders first, so a new name never collides with an old one.
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  [...renamed.keys()].forEach((id, i) => {
    text = text.replace(new RegExp(`(["#])${escape(id)}(?=[")])`, 'g'), `$1@@id${i}@@`);
  });
  const names = [...renamed.values()];
  text = text.replace(/@@id(\d+)@@/g, (_, i: string) => names[Number(i)]);
  return `${text.replace(/></g, '>\n<')}\n`;
}

/** Where a snapshot stands after a comparison. */
export type SnapshotResult = 'match' | 'updated' | 'changed' | 'missing';

/**
 * Compares `actual` with `__snapshots__/<name>.svg`. On a mismatch (or no file) writes
 * `<name>-changed.svg` for a person to look at; with CHART_SNAPSHOTS=update writes the
 * snapshot itself. Removes a stale `-changed` file once the two agree.
 */
export function compareSvgSnapshot(name: string, actual: string): SnapshotResult {
  const expectedPath = join(SNAPSHOTS, `${name}.svg`);
  const changedPath = join(SNAPSHOTS, `${name}-changed.svg`);
  if (process.env.CHART_SNAPSHOTS === 'update') {
    writeFileSync(expectedPath, actual);
    rmSync(changedPath, { force: true });
    return 'updated';
  }
  const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : null;
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return 'match';
  }
  writeFileSync(changedPath, actual);
  return expected === null ? 'missing' : 'changed';
}
