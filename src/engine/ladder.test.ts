import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ladder, PROFILE_FLAT, PROFILE_KNEE, PROFILE_REACH, profileShape } from './ladder';

/** A small ladder: 1 USD ticks, prices around 1,000. */
const SIZE = 3000;
const TICK = 1;
const DEPTH = 50;

/** The refill as book.ts applied it before ladder.ts, to every level at once: the reference. */
class EagerLadder {
  readonly bids = new Float64Array(SIZE);
  readonly asks = new Float64Array(SIZE);

  refill(ref: number, resilience: number, scale: number, bidTop: number, askBottom: number) {
    const { bids, asks } = this;
    const mid = Math.min(SIZE - 2, Math.max(1, Math.round(ref / TICK)));
    for (let k = mid; k <= bidTop; k++) bids[k] = 0;
    for (let k = askBottom; k <= mid; k++) asks[k] = 0;
    const reach = Math.ceil((ref * PROFILE_REACH) / TICK);
    const lo = Math.max(1, mid - reach);
    const hi = Math.min(SIZE - 1, mid + reach);
    const flatScale = scale * PROFILE_FLAT;
    const knee = ref * (PROFILE_KNEE + 1e-4);
    const bidFlatEnd = Math.min(mid, Math.max(lo, Math.floor((ref - knee) / TICK)));
    const askFlatStart = Math.max(mid + 1, Math.min(hi + 1, Math.ceil((ref + knee) / TICK) + 1));
    const step = (level: number, target: number) => {
      const now = Math.min(level, target);
      return now + resilience * (target - now);
    };
    for (let k = lo; k < bidFlatEnd; k++) bids[k] = step(bids[k], flatScale / (k * TICK));
    for (let k = bidFlatEnd; k < mid; k++) {
      const p = k * TICK;
      bids[k] = step(bids[k], (scale * profileShape((ref - p) / ref)) / p);
    }
    for (let k = mid + 1; k < askFlatStart; k++) {
      const p = k * TICK;
      asks[k] = step(asks[k], (scale * profileShape((p - ref) / ref)) / p);
    }
    for (let k = askFlatStart; k <= hi; k++) asks[k] = step(asks[k], flatScale / (k * TICK));
  }
}

type Op =
  | { kind: 'refill'; ref: number; resilience: number; withdraw: number }
  | { kind: 'take'; side: 1 | -1; levels: number; rest: number }
  | { kind: 'read'; from: number; to: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('refill' as const),
    ref: fc.double({ min: 300, max: 2500, noNaN: true }),
    resilience: fc.oneof(
      fc.constantFrom(0, 0.05, 0.5, 1),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    withdraw: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('take' as const),
    side: fc.constantFrom(1 as const, -1 as const),
    levels: fc.integer({ min: 0, max: 400 }),
    rest: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('read' as const),
    from: fc.integer({ min: 0, max: SIZE - 1 }),
    to: fc.integer({ min: 0, max: SIZE - 1 }),
  }),
);

/** First level in [from, to] where the ladders differ in any bit (Object.is tells 0 from -0), or -1. */
function firstDifference(lazy: Ladder, eager: EagerLadder, from: number, to: number): number {
  for (let k = from; k <= to; k++) {
    if (!Object.is(lazy.bids[k], eager.bids[k]) || !Object.is(lazy.asks[k], eager.asks[k])) {
      return k;
    }
  }
  return -1;
}

/**
 * Drives a lazy and an eager ladder through the same refills and the same takes (a walk from
 * the touch that empties levels and leaves the last one partly taken, as OrderBook.take does),
 * and checks every level read, then every level, bit for bit.
 */
function replay(ops: readonly Op[]): void {
  const lazy = new Ladder(SIZE, TICK);
  const eager = new EagerLadder();
  let bidTop = 0;
  let askBottom = SIZE;
  for (const o of ops) {
    if (o.kind === 'refill') {
      const scale = (DEPTH * TICK * o.withdraw) / o.ref;
      lazy.refill(o.ref, o.resilience, scale, bidTop, askBottom);
      eager.refill(o.ref, o.resilience, scale, bidTop, askBottom);
      const mid = Math.min(SIZE - 2, Math.max(1, Math.round(o.ref / TICK)));
      bidTop = mid - 1;
      askBottom = mid + 1;
    } else if (o.kind === 'take') {
      let k = o.side === 1 ? askBottom : bidTop;
      for (let n = 0; n < o.levels && k >= 1 && k < SIZE; n++, k += o.side) {
        lazy.cover(k, k);
        expect(firstDifference(lazy, eager, k, k)).toBe(-1);
        const last = n === o.levels - 1;
        for (const l of [lazy, eager]) {
          const levels = o.side === 1 ? l.asks : l.bids;
          levels[k] = last ? levels[k] * o.rest : 0;
        }
        if (last) break;
      }
      if (o.side === 1) askBottom = Math.max(askBottom, Math.min(k, SIZE - 1));
      else bidTop = Math.min(bidTop, Math.max(k, 0));
    } else {
      const from = Math.min(o.from, o.to);
      const to = Math.max(o.from, o.to);
      lazy.read(from, to);
      expect(firstDifference(lazy, eager, from, to)).toBe(-1);
    }
  }
  lazy.cover(0, SIZE - 1);
  expect(firstDifference(lazy, eager, 0, SIZE - 1)).toBe(-1);
}

describe('lazily refilled ladder', () => {
  it('holds the same bits as refilling every level at once, whatever is read when', () => {
    const budget = { numRuns: 300, interruptAfterTimeLimit: 10_000 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 120 }), (ops) => replay(ops)),
      budget,
    );
  });

  it('keeps the same bits over runs longer than its refill log', () => {
    // A price drifting down and back, refilled 10,000 times, read near the mid now and then.
    const ops: Op[] = [];
    for (let t = 0; t < 10_000; t++) {
      const ref = 1000 + 400 * Math.sin(t / 700);
      ops.push({ kind: 'refill', ref, resilience: 0.3, withdraw: t % 50 === 0 ? 0.4 : 1 });
      if (t % 97 === 0) ops.push({ kind: 'take', side: -1, levels: 30, rest: 0.5 });
      if (t % 1234 === 0) ops.push({ kind: 'read', from: 0, to: 400 });
    }
    replay(ops);
  });
});
