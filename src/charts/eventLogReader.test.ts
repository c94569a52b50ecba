import { describe, expect, it } from 'vitest';
import { EVENT, createFrameBatch, type FrameBatch } from '../engine/frame';
import { makeTrace } from './__fixtures__/trace';
import { createEventLogReader } from './eventLogReader';
import { eventLog } from './events';

/** 400 steps with flags on and off in runs of varied length, some ADL notional and bad debt. */
function flaggedRun(): FrameBatch {
  const f = createFrameBatch(400, 1);
  const flags = Object.values(EVENT);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let badDebt = 0;
  for (let r = 0; r < 400; r++) {
    f.scalars.step[r] = r;
    let ev = 0;
    for (const flag of flags) if (next() < 0.15) ev |= flag;
    // Runs of consecutive steps: repeat the previous row's flags now and then.
    if (r > 0 && next() < 0.5) ev = f.scalars.events[r - 1];
    f.scalars.events[r] = ev;
    f.scalars.adlNotional[r] = ev & EVENT.ADL ? 1000 * next() : 0;
    if (ev & EVENT.BAD_DEBT) badDebt += 0.4;
    f.scalars.badDebt[r] = badDebt;
  }
  f.count = 400;
  return f;
}

describe('createEventLogReader', () => {
  it('gives eventLog’s entries after every batch, reading only the new rows', () => {
    const run = flaggedRun();
    const reader = createEventLogReader('#s', '#h');
    for (let n = 0, k = 0; n < 400; k++) {
      n = Math.min(400, n + 1 + ((k * 13) % 29));
      const f = { ...run, count: n };
      expect(reader.read(f)).toEqual(eventLog(f, '#s', '#h'));
    }
    expect(reader.read(run).length).toBeGreaterThan(20);
  });

  it('hands back the same array while nothing new arrived', () => {
    const reader = createEventLogReader('#s', '#h');
    const f = makeTrace();
    expect(reader.read(f)).toBe(reader.read(f));
  });

  it('starts over for another history, or fewer rows', () => {
    const reader = createEventLogReader('#s', '#h');
    reader.read(makeTrace());
    const held = { ...makeTrace(), count: 9 };
    expect(reader.read(held)).toEqual(eventLog(held, '#s', '#h'));
    const other = makeTrace(12);
    expect(reader.read(other)).toEqual(eventLog(other, '#s', '#h'));
  });
});
