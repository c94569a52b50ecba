/**
 * Where the page's main thread spends its time, from a CDP CPU profile (Profiler domain): the
 * functions with the most self and total time over the whole recording, and the same for its
 * longest busy stretch (consecutive samples not idle: about one long task). For bench:ui's
 * `--profile`; build with `--minify false` to read the names.
 */

import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

function nameOf(n: ProfileNode): string {
  const f = n.callFrame;
  const where = f.url ? ` ${basename(f.url)}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'}${where}`;
}

/** Self and total ms per function over the samples in [from, to). */
function tally(p: Required<CpuProfile>, from: number, to: number, parent: Map<number, number>) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    let id: number | undefined = p.samples[i];
    const seen = new Set<string>();
    let first = true;
    while (id !== undefined) {
      const node = byId.get(id);
      if (!node) break;
      const name = nameOf(node);
      if (first) self.set(name, (self.get(name) ?? 0) + ms);
      first = false;
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + ms);
      seen.add(name);
      id = parent.get(id);
    }
  }
  return { self, total };
}

const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .filter(([name]) => name !== '(root)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${name}`)
    .join('\n');

/** A text summary: busy time, top functions overall, and the longest busy stretch's. */
export function summarizeProfile(profile: CpuProfile, k = 25): string {
  const p = { ...profile, samples: profile.samples ?? [], timeDeltas: profile.timeDeltas ?? [] };
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = new Set(p.nodes.filter((n) => IDLE.has(n.callFrame.functionName)).map((n) => n.id));
  // The longest run of consecutive busy samples.
  let best = { from: 0, to: 0, ms: 0 };
  let from = 0;
  let ms = 0;
  for (let i = 0; i <= p.samples.length; i++) {
    if (i === p.samples.length || idle.has(p.samples[i])) {
      if (ms > best.ms) best = { from, to: i, ms };
      from = i + 1;
      ms = 0;
    } else ms += (p.timeDeltas[i + 1] ?? 0) / 1000;
  }
  const all = tally(p, 0, p.samples.length, parent);
  const longest = tally(p, best.from, best.to, parent);
  let busy = 0;
  for (const v of all.self.values()) busy += v;
  return [
    `  sampled ${busy.toFixed(0)} ms (idle and program included); top self time:`,
    top(all.self, k),
    '  top total time:',
    top(all.total, k),
    `  longest busy stretch ${best.ms.toFixed(0)} ms; its total time:`,
    top(longest.total, k),
  ].join('\n');
}
