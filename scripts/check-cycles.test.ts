import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './check-cycles.mjs';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it('finds nothing in a graph that only flows one way', () => {
    expect(
      findCycles(graph({ ui: ['state'], state: ['worker', 'engine'], worker: ['engine'] })),
    ).toEqual([]);
  });

  it('finds each cycle once, with every module in it, and a module importing itself', () => {
    const cycles = findCycles(
      graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['f'], f: ['e'], g: ['g'] }),
    );
    expect(cycles).toEqual([['a', 'b', 'c'], ['e', 'f'], ['g']]);
  });
});

describe('importGraph', () => {
  it('follows type-only, re-export and dynamic imports, not packages', () => {
    const root = mkdtempSync(join(tmpdir(), 'cycles-'));
    mkdirSync(join(root, 'worker'));
    const file = (name: string, text: string) => writeFileSync(join(root, name), text);
    file('worker/client.ts', "import 'd3';\nexport const load = () => import('./inProcess');\n");
    file(
      'worker/inProcess.ts',
      "import type { load } from './client';\nexport type L = typeof load;\n",
    );
    file('worker/index.ts', "export * from './client';\n");
    file('main.tsx', "import { load } from './worker';\nload();\n");
    const g = importGraph(root);
    expect(g.get(join(root, 'main.tsx'))).toEqual([join(root, 'worker/index.ts')]);
    expect(g.get(join(root, 'worker/index.ts'))).toEqual([join(root, 'worker/client.ts')]);
    expect(findCycles(g)).toEqual([
      [join(root, 'worker/client.ts'), join(root, 'worker/inProcess.ts')],
    ]);
  });
});
