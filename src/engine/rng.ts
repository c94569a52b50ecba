/**
 * Seeded pseudo-random streams. Every source of randomness in a run is one named stream derived
 * from the scenario's seed, so adding draws to one stream (say, noise traders) never shifts
 * another (say, the index path) — which is what makes the counterfactual run comparable.
 */

import { cosPi, log, sinPi } from './dmath';

/** A stream of uniform and derived random numbers. */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal (Box–Muller; the spare value is kept for the next call). */
  normal(): number;
  /** Exponential with mean 1. */
  exponential(): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
}

/** splitmix32: a good mixer to expand one seed into many independent state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a stream name, so each purpose gets its own state. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Creates the stream `name` of a seed. sfc32 core: fast, 128-bit state, passes PractRand far
 * beyond what a run draws.
 */
export function createRng(seed: number, name: string): Rng {
  const mix = { s: (seed >>> 0) ^ hashName(name) };
  let a = splitmix32(mix);
  let b = splitmix32(mix);
  let c = splitmix32(mix);
  let d = splitmix32(mix);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up so that nearby seeds decorrelate.
  for (let i = 0; i < 12; i++) next();
  let spare = 0;
  let hasSpare = false;
  return {
    next,
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * log(u));
      spare = r * sinPi(2 * v);
      hasSpare = true;
      return r * cosPi(2 * v);
    },
    exponential() {
      let u = next();
      while (u === 0) u = next();
      return -log(u);
    },
    int(n: number) {
      return Math.floor(next() * n);
    },
  };
}
