/**
 * Which seeds a multi-run command runs: 1..N from `--seeds N`, or the `--seed-list a,b,c`.
 * Every scenario of a sweep or comparison runs the same seeds, so results are paired.
 */

import { wholeNumber } from './options';

/** Most seeds a command may run per scenario. */
export const MAX_SEEDS = 10_000;
/** Largest seed the parameter table allows. */
const MAX_SEED = 4294967295;

export type SeedsOutcome = { ok: true; seeds: number[] } | { ok: false; message: string };

export function readSeeds(
  count: string | undefined,
  list: string | undefined,
  defaultCount: number,
): SeedsOutcome {
  if (count !== undefined && list !== undefined) {
    return { ok: false, message: '--seeds and --seed-list cannot both be given' };
  }
  if (list !== undefined) {
    const seeds: number[] = [];
    for (const part of list.split(',')) {
      const read = wholeNumber('--seed-list', part, 0, MAX_SEED);
      if (!read.ok) return read;
      if (seeds.includes(read.value)) {
        return { ok: false, message: `--seed-list: seed ${read.value} is listed twice` };
      }
      seeds.push(read.value);
    }
    if (seeds.length > MAX_SEEDS) {
      return { ok: false, message: `--seed-list: more than ${MAX_SEEDS} seeds` };
    }
    return { ok: true, seeds };
  }
  const read = wholeNumber('--seeds', count ?? String(defaultCount), 1, MAX_SEEDS);
  if (!read.ok) return read;
  return { ok: true, seeds: Array.from({ length: read.value }, (_, i) => i + 1) };
}
