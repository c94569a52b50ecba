// Fails if any modules under src import each other in a cycle, type-only imports included.
// ESLint's import-x/no-cycle catches runtime cycles in the editor but skips `import type`, and a
// cycle of types is still a knot a reader has to untie (review §1.2). TypeScript's own
// pre-processor lists every import, export-from and import(), so nothing is missed.
//
// Usage: node scripts/check-cycles.mjs [dir]   (default: src)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts)$/;
const CANDIDATES = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** @param {string} dir @returns {string[]} the source files under `dir` */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** @param {string} from @param {string} spec @returns {string | null} the file a relative import names */
function resolveRelative(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const ext of CANDIDATES) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile() && SOURCE.test(path)) return path;
  }
  return null;
}

/** @param {string} root @returns {Map<string, string[]>} each file and the files it imports */
export function importGraph(root) {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((f) => resolveRelative(file, f.fileName));
    graph.set(file, [...new Set(targets.filter((t) => t !== null))]);
  }
  return graph;
}

/**
 * The cycles of a graph: its strongly connected components with more than one node, or one node
 * that imports itself (Tarjan's algorithm), each listed in a stable order.
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  let next = 0;
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */
  const cycles = [];
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(Number(low.get(node)), Number(low.get(to))));
      } else if (onStack.has(to))
        low.set(node, Math.min(Number(low.get(node)), Number(index.get(to))));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = /** @type {string} */ (stack.pop());
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node))
      cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? 'src');
  const cycles = findCycles(importGraph(root));
  for (const cycle of cycles)
    console.error(`import cycle: ${cycle.map((f) => relative(process.cwd(), f)).join(' <-> ')}`);
  if (cycles.length > 0) {
    console.error(
      `check-cycles: ${cycles.length} import cycle(s) under ${relative(process.cwd(), root) || '.'}; move what both sides need into a module of its own.`,
    );
    process.exitCode = 1;
  } else console.log('check-cycles: no import cycles');
}
