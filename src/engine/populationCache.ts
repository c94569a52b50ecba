/**
 * Drawn-and-sorted populations kept for reuse. In a sweep, grid points that differ only in
 * parameters the population does not depend on (the shock, the safeguards, the engine…) draw
 * the same population for a seed; drawing and sorting it is a sixth of a short run's time.
 *
 * The engine stays pure: a cache is an object its caller owns and passes in (the CLI's pool
 * keeps one per thread). A cached population is never mutated: PositionSide copies its columns.
 */

import { drawPopulation } from './population';
import { createRng } from './rng';
import { argsortNonNegative } from './sort';
import type { Scenario } from './types';
import type { Population } from './population';

/** A population with each side's order by liquidation price, as createWorld needs it. */
export interface SortedPopulation {
  population: Population;
  longOrder: Uint32Array;
  shortOrder: Uint32Array;
}

/**
 * Every scenario field drawPopulation reads, the seed among them: two scenarios equal in these
 * draw the same population bit for bit (populationCache.test.ts perturbs every other field).
 */
export const POPULATION_PARAMS = [
  'seed',
  'positions',
  'longShare',
  'openInterest',
  'leverage',
  'price',
  'volatility',
  'sizing',
] as const satisfies readonly (keyof Scenario)[];

/** The cache key of a scenario's population. */
export function populationKey(s: Scenario): string {
  return POPULATION_PARAMS.map((name) => String(s[name])).join('|');
}

/** Sorts each side of a population by liquidation price. */
export function sortPopulation(population: Population): SortedPopulation {
  return {
    population,
    longOrder: argsortNonNegative(population.longs.liq),
    shortOrder: argsortNonNegative(population.shorts.liq),
  };
}

/** Draws a scenario's population from its seed and sorts it. */
export function drawSortedPopulation(s: Scenario): SortedPopulation {
  return sortPopulation(drawPopulation(s, createRng(s.seed, 'population')));
}

/** Bytes a population holds: four float columns, the tier byte and two sort orders' share. */
const BYTES_PER_POSITION = 4 * 8 + 1 + 4;

/** Default budget of a cache: 32 seeds of 10⁵ positions, or 6 of 10⁶. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/** Least-recently-used cache of sorted populations within a byte budget. */
export class PopulationCache {
  private readonly entries = new Map<string, SortedPopulation>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = DEFAULT_CACHE_BYTES) {}

  /** The scenario's sorted population, drawn on first use. */
  get(s: Scenario): SortedPopulation {
    const key = populationKey(s);
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      // Re-insert: Map keeps insertion order, so the first entry is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const sorted = drawSortedPopulation(s);
    const size = s.positions * BYTES_PER_POSITION;
    if (size > this.maxBytes) return sorted;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= (old.longOrder.length + old.shortOrder.length) * BYTES_PER_POSITION;
    }
    this.entries.set(key, sorted);
    this.bytes += size;
    return sorted;
  }
}
