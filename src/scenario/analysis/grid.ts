/**
 * The grid of a sweep: `--vary name=from:to:step` or `--vary name=a,b,c`, one per numeric
 * parameter; the grid is their product, the first `--vary` outermost. Values are checked
 * against the parameter table (range, whole numbers) before anything runs.
 */

import { PARAMS, PARAM_KEYS } from '../params';
import type { ParamSpec, ParamKey, Scenario } from '../params';
import { suggestKey } from '../values';

/** Most runs (grid points × seeds) one sweep may ask for. */
export const MAX_SWEEP_RUNS = 100_000;
/** Most values one `--vary` may produce. */
const MAX_VALUES = 10_000;

export type NumericKey = {
  [K in ParamKey]: Scenario[K] extends number ? K : never;
}[ParamKey];

export interface Vary {
  name: NumericKey;
  values: number[];
}

/** One grid point: a value for each varied parameter. */
export type GridPoint = Partial<Record<NumericKey, number>>;

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Drops floating-point dust from a range's values: -1 + 3 × -0.1 is -1.3, not -1.3000000000000003. */
const tidy = (x: number) => Number(x.toPrecision(12));

function readNumber(name: string, text: string): Outcome<number> {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) {
    return fail(`--vary ${name}: ${JSON.stringify(text)} is not a number`);
  }
  return { ok: true, value: n };
}

/**
 * The values of `from:to:step`, from `from` toward `to` by `|step|` (so `-1:-30:0.5` counts
 * down), `to` included when the steps land on it.
 */
function rangeValues(name: string, parts: string[]): Outcome<number[]> {
  const read = parts.map((p) => readNumber(name, p));
  for (const r of read) if (!r.ok) return r;
  const [from, to, size] = read.map((r) => (r as { value: number }).value);
  if (size === 0) return fail(`--vary ${name}: the step is 0`);
  const step = (to >= from ? 1 : -1) * Math.abs(size);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VALUES) return fail(`--vary ${name}: more than ${MAX_VALUES} values`);
  return { ok: true, value: Array.from({ length: count }, (_, k) => tidy(from + k * step)) };
}

function checkValue(name: string, spec: ParamSpec, v: number): string | null {
  if (spec.kind !== 'int' && spec.kind !== 'float') return null;
  if (v < spec.min || v > spec.max) {
    return `--vary ${name}: ${v} is outside ${spec.min}..${spec.max}`;
  }
  if (spec.kind === 'int' && !Number.isInteger(v))
    return `--vary ${name}: ${v} is not a whole number`;
  return null;
}

/** Reads one `--vary` argument. */
export function parseVary(text: string): Outcome<Vary> {
  const eq = text.indexOf('=');
  if (eq <= 0)
    return fail(`--vary ${JSON.stringify(text)}: expected name=from:to:step or name=a,b,c`);
  const name = text.slice(0, eq);
  const body = text.slice(eq + 1);
  if (!Object.hasOwn(PARAMS, name)) {
    const hint = suggestKey(name, PARAM_KEYS);
    return fail(
      `--vary: unknown parameter ${JSON.stringify(name)}${hint ? ` (did you mean ${hint}?)` : ''}`,
    );
  }
  if (name === 'seed') return fail('--vary seed: seeds are chosen with --seeds or --seed-list');
  const spec: ParamSpec = PARAMS[name as ParamKey];
  if (spec.kind !== 'int' && spec.kind !== 'float') {
    return fail(`--vary ${name}: only numeric parameters can be varied (${name} is ${spec.kind})`);
  }
  if (body === '') return fail(`--vary ${name}: the range is empty (no values)`);
  const parts = body.split(':');
  let values: number[];
  if (parts.length === 3) {
    const range = rangeValues(name, parts);
    if (!range.ok) return range;
    values = range.value;
  } else if (parts.length === 1) {
    values = [];
    for (const p of body.split(',')) {
      if (p.trim() === '')
        return fail(`--vary ${name}: the list ${JSON.stringify(body)} has an empty value`);
      const r = readNumber(name, p);
      if (!r.ok) return r;
      values.push(r.value);
    }
  } else {
    return fail(`--vary ${name}: expected from:to:step or a list a,b,c`);
  }
  if (new Set(values).size !== values.length) return fail(`--vary ${name}: a value is repeated`);
  for (const v of values) {
    const problem = checkValue(name, spec, v);
    if (problem) return fail(problem);
  }
  return { ok: true, value: { name: name as NumericKey, values } };
}

/** Reads every `--vary` and builds the product grid, checking its size. */
export function buildGrid(
  texts: readonly string[],
  seeds: number,
): Outcome<{ varies: Vary[]; points: GridPoint[] }> {
  if (texts.length === 0) return fail('sweep needs at least one --vary name=from:to:step');
  const varies: Vary[] = [];
  for (const t of texts) {
    const v = parseVary(t);
    if (!v.ok) return v;
    if (varies.some((w) => w.name === v.value.name)) {
      return fail(`--vary ${v.value.name} is given twice`);
    }
    varies.push(v.value);
  }
  const size = varies.reduce((n, v) => n * v.values.length, 1);
  if (size * seeds > MAX_SWEEP_RUNS) {
    return fail(
      `the sweep asks for ${size} points × ${seeds} seeds = ${size * seeds} runs, more than ${MAX_SWEEP_RUNS}`,
    );
  }
  let points: GridPoint[] = [{}];
  for (const v of varies) {
    points = points.flatMap((p) => v.values.map((x) => ({ ...p, [v.name]: x })));
  }
  return { ok: true, value: { varies, points } };
}

/** The slice of the grid that shard `index` (1-based) of `count` runs: contiguous, so shards concatenate in order. */
export function shardRange(points: number, index: number, count: number): [number, number] {
  return [Math.floor(((index - 1) * points) / count), Math.floor((index * points) / count)];
}

/** Reads `--shard I/N`. */
export function parseShard(text: string): Outcome<{ index: number; count: number }> {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    return fail(`--shard: ${JSON.stringify(text)} is not I/N with 1 <= I <= N`);
  }
  return { ok: true, value: { index, count } };
}
