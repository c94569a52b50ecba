/**
 * A fingerprint of whole runs, for the cross-engine test: runs a few small scenarios that
 * exercise every random stream and elementary function the engine uses (warm-up path, Pareto
 * sizes, leverage spread, Box–Muller noise, the shock, behavioural agents, ADL) and hashes every
 * frame column and the report, bit for bit. The test bundles this file and runs it under a
 * second JavaScript engine; equal digests mean the runs are identical to the last bit.
 */

import { defaultScenario } from '../../scenario/params';
import { BUCKET_COLUMNS, SCALAR_COLUMNS } from '../frame';
import { runScenario } from '../run';
import type { Scenario } from '../types';

/**
 * Short runs (an interpreter takes ~80 ms a step) with the shock early, so each one cascades:
 * the crossEngine test checks that they liquidate.
 */
export const DIGEST_SCENARIOS: Partial<Scenario>[] = [
  { seed: 7, positions: 3000, steps: 40, shock: -12, shockStep: 5, shockSteps: 3 },
  {
    seed: 42,
    positions: 2000,
    steps: 40,
    leverage: 50,
    shockStep: 5,
    mark: 'smoothed',
    adl: 'prorata',
  },
  {
    seed: 3,
    positions: 1500,
    steps: 40,
    shock: -20,
    shockStep: 5,
    stopLoss: 2_000_000,
    panic: 1_000_000,
    dipBuyers: 1_000_000,
    breaker: 3,
  },
  // The venue engines' paths: Hyperliquid slices, the vault, the fund's stock and its ADL.
  {
    seed: 11,
    positions: 1500,
    steps: 40,
    leverage: 25,
    shock: -12,
    shockStep: 5,
    engine: 'hyperliquid',
    backstop: 5_000_000,
    insuranceFund: 0,
  },
];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) over the bytes of a typed array, continuing from `hash`. */
function fnv1a(hash: number, bytes: Uint8Array): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
  return h >>> 0;
}

function bytesOf(view: Float64Array | Float32Array): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * One hex digest per column (scalars as Float64, buckets as Float32) and one for the report's
 * figures, plus the liquidation count in plain text (so a test can see the run cascaded).
 */
export function runDigest(overrides: Partial<Scenario>): Record<string, string> {
  const { frames, report } = runScenario({ ...defaultScenario(), ...overrides });
  const n = frames.count;
  const hex = (h: number) => h.toString(16).padStart(8, '0');
  const out: Record<string, string> = {};
  for (const c of SCALAR_COLUMNS) {
    out[c] = hex(fnv1a(FNV_OFFSET, bytesOf(frames.scalars[c].subarray(0, n))));
  }
  for (const c of BUCKET_COLUMNS) {
    const rows = frames.buckets[c].subarray(0, n * frames.bucketCount);
    out[c] = hex(fnv1a(FNV_OFFSET, bytesOf(rows)));
  }
  // List figures (the ADL haircuts by decile) count entry by entry.
  const figures = Object.values(report)
    .flat()
    .map((v) => (typeof v === 'number' ? v : NaN));
  out.report = hex(fnv1a(FNV_OFFSET, bytesOf(Float64Array.from(figures))));
  out.liquidations = String(report.liquidations);
  return out;
}

/** The digests of every scenario above, as one JSON string (what crosses the engine boundary). */
export function allDigests(): string {
  return JSON.stringify(DIGEST_SCENARIOS.map(runDigest));
}
