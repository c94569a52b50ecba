/**
 * Exact stops: a play with `pauseOn` pauses after the first step whose events match, at any
 * speed and across batch boundaries, at the step where the headless run (the CLI's frames)
 * first shows the flag.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT } from '../engine/frame';
import { runScenario } from '../engine/run';
import { defaultScenario, type Scenario } from '../scenario';
import { createFakeClock } from '../shared/fakeClock';
import type { SimResponse, Speed } from './protocol';
import { createRunLoop } from './runLoop';

/** Crowded, thin insurance: a shock, a cascade, the fund running out and ADL in 120 steps. */
const scenario: Scenario = {
  ...defaultScenario(),
  positions: 800,
  steps: 120,
  shockStep: 20,
  shock: -10,
  leverage: 20,
  insuranceFund: 500_000,
};
const headless = runScenario(scenario);
const events = headless.frames.scalars.events;

/** The first step whose events match `mask`, as the headless run computed it, or -1. */
const firstStep = (mask: number) => events.findIndex((e) => (e & mask) !== 0);

function setUp(speed: Speed, chunkRows = 256) {
  const clock = createFakeClock();
  const out: SimResponse[] = [];
  const loop = createRunLoop((message) => out.push(message), clock, { tickMs: 10, chunkRows });
  loop.handle({ type: 'load', runId: 'a', generation: 1, scenario });
  loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: speed });
  const frames = () =>
    out.flatMap((m) => (m.type === 'frames' ? Array.from(m.batch.scalars.step) : []));
  const paused = () => out.filter((m) => m.type === 'paused');
  return { clock, loop, out, frames, paused };
}

describe('run loop: pauseOn', () => {
  it('the scenario raises the flags the tests stop on', () => {
    for (const flag of [EVENT.SHOCK, EVENT.CASCADE_START, EVENT.FUND_EXHAUSTED, EVENT.ADL]) {
      expect(firstStep(flag)).toBeGreaterThan(0);
    }
  });

  it('at max speed stops exactly at the step where the flag first shows', () => {
    for (const flag of [EVENT.SHOCK, EVENT.CASCADE_START, EVENT.FUND_EXHAUSTED, EVENT.ADL]) {
      const t = setUp('max');
      t.loop.handle({ type: 'play', runId: 'a', pauseOn: flag });
      t.clock.advance(1000);
      const at = firstStep(flag);
      expect(t.frames().at(-1)).toBe(at);
      expect(t.paused()).toEqual([
        { type: 'paused', runId: 'a', generation: 1, step: at + 1, events: events[at] & flag },
      ]);
      expect(t.clock.pending).toBe(0); // nothing plays any more
    }
  });

  it('continues to the next moment from where it stopped', () => {
    const t = setUp('max');
    t.loop.handle({ type: 'play', runId: 'a', pauseOn: EVENT.SHOCK });
    t.clock.advance(1000);
    t.loop.handle({ type: 'play', runId: 'a', pauseOn: EVENT.FUND_EXHAUSTED | EVENT.ADL });
    t.clock.advance(1000);
    const next = firstStep(EVENT.FUND_EXHAUSTED | EVENT.ADL);
    expect(t.frames()).toEqual(Array.from({ length: next + 1 }, (_, i) => i));
    expect(t.paused().map((m) => m.type === 'paused' && m.step)).toEqual([
      firstStep(EVENT.SHOCK) + 1,
      next + 1,
    ]);
  });

  it('plays to the end when no step matches, and a plain play ignores the last mask', () => {
    const t = setUp('max');
    t.loop.handle({ type: 'play', runId: 'a', pauseOn: EVENT.HALT }); // no breaker: never
    t.clock.advance(1000);
    expect(t.frames()).toHaveLength(scenario.steps);
    expect(t.paused()).toEqual([]);
    const u = setUp('max');
    u.loop.handle({ type: 'play', runId: 'a', pauseOn: EVENT.SHOCK });
    u.clock.advance(1000);
    u.loop.handle({ type: 'play', runId: 'a' });
    u.clock.advance(1000);
    expect(u.frames()).toHaveLength(scenario.steps);
    expect(u.paused()).toHaveLength(1);
  });

  it('stepping never pauses on events', () => {
    const t = setUp('max');
    t.loop.handle({ type: 'play', runId: 'a', pauseOn: EVENT.SHOCK });
    t.clock.advance(1000);
    t.loop.handle({ type: 'step', runId: 'a', count: 5 }); // still in the shock
    expect(t.paused()).toHaveLength(1);
    expect(t.frames().at(-1)).toBe(firstStep(EVENT.SHOCK) + 5);
  });

  it('holds at any speed and any batch size', () => {
    const flags = [EVENT.SHOCK, EVENT.CASCADE_START, EVENT.FUND_EXHAUSTED, EVENT.ADL];
    fc.assert(
      fc.property(
        fc.subarray(flags, { minLength: 1 }),
        fc.oneof(fc.constant<Speed>('max'), fc.integer({ min: 1, max: 400 })),
        fc.integer({ min: 1, max: 64 }),
        (chosen, speed, chunkRows) => {
          const mask = chosen.reduce((a, b) => a | b, 0);
          const t = setUp(speed, chunkRows);
          t.loop.handle({ type: 'play', runId: 'a', pauseOn: mask });
          for (let i = 0; i < 200 && t.paused().length === 0; i++) t.clock.advance(1000);
          expect(t.frames().at(-1)).toBe(firstStep(mask));
        },
      ),
      { numRuns: 40, interruptAfterTimeLimit: 10_000 },
    );
  });
});
