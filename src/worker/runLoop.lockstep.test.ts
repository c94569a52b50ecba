import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from '../scenario';
import { createFakeClock } from '../shared/fakeClock';
import type { SimResponse } from './protocol';
import { createRunLoop } from './runLoop';

const small = (over: Partial<Scenario> = {}): Scenario => ({
  ...defaultScenario(),
  positions: 400,
  steps: 120,
  shockStep: 20,
  ...over,
});

function setUp() {
  const clock = createFakeClock();
  const out: SimResponse[] = [];
  const loop = createRunLoop((message) => out.push(message), clock, { tickMs: 10 });
  /** Steps run `id` has posted so far. */
  const steps = (id: string) =>
    out.reduce((n, m) => (m.type === 'frames' && m.runId === id ? n + m.batch.count : n), 0);
  return { clock, loop, steps };
}

describe('run loop: lockstep groups (compare mode)', () => {
  it('holds a run that is ahead until the one that lags has caught up', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'load', runId: 'b', generation: 1, scenario: small({ leverage: 5 }) });
    t.loop.handle({ type: 'step', runId: 'a', count: 10 }); // a is 10 steps ahead
    for (const runId of ['a', 'b']) {
      t.loop.handle({ type: 'speed', runId, stepsPerSecond: 20 });
      t.loop.handle({ type: 'play', runId, group: 'shown' });
    }
    t.clock.advance(300); // ~6 steps due
    expect(t.steps('a')).toBe(10); // a waits
    expect(t.steps('b')).toBeGreaterThan(3);
    t.clock.advance(1000);
    // b has caught up: from now on both advance together, never more than a tick apart.
    expect(t.steps('b')).toBeGreaterThan(10);
    expect(Math.abs(t.steps('a') - t.steps('b'))).toBeLessThanOrEqual(1);
  });

  it('keeps two runs of one group within a few steps at max speed, and lets a run alone go', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({
      type: 'load',
      runId: 'b',
      generation: 1,
      scenario: small({ positions: 4000 }),
    });
    for (const runId of ['a', 'b']) {
      t.loop.handle({ type: 'speed', runId, stepsPerSecond: 'max' });
      t.loop.handle({ type: 'play', runId, group: 'shown' });
    }
    for (let i = 0; i < 5; i++) {
      t.clock.advance(10);
      expect(t.steps('a') - t.steps('b')).toBeLessThanOrEqual(64);
    }
    // Without a group nothing holds a run.
    t.loop.handle({ type: 'pause', runId: 'b' });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(2000);
    expect(t.steps('a')).toBe(120);
  });
});
