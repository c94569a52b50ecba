import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { defaultScenario, type Scenario } from '../scenario';
import { createFakeClock } from '../shared/fakeClock';
import type { FramesResponse, SimResponse } from './protocol';
import { createRunLoop } from './runLoop';

const small = (over: Partial<Scenario> = {}): Scenario => ({
  ...defaultScenario(),
  positions: 500,
  steps: 120,
  shockStep: 20,
  ...over,
});

function setUp(options = {}) {
  const clock = createFakeClock();
  const out: { message: SimResponse; transfer: Transferable[] }[] = [];
  const loop = createRunLoop((message, transfer) => out.push({ message, transfer }), clock, {
    tickMs: 10,
    ...options,
  });
  const of = <T extends SimResponse['type']>(type: T) =>
    out
      .map((o) => o.message)
      .filter((m): m is Extract<SimResponse, { type: T }> => m.type === type);
  const steps = () => of('frames').reduce((n, m) => n + m.batch.count, 0);
  return { clock, out, loop, of, steps };
}

describe('run loop', () => {
  it('answers load with ready and the run info, paused at step 0', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 3, scenario: small() });
    expect(t.of('ready')).toHaveLength(1);
    expect(t.of('ready')[0]).toMatchObject({ runId: 'a', generation: 3, info: { steps: 120 } });
    t.clock.advance(1000);
    expect(t.of('frames')).toHaveLength(0);
  });

  it('sends the state before step 0 with ready (transferred), and frames still start at step 0', () => {
    const t = setUp();
    const scenario = small();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario });
    const [ready] = t.of('ready');
    const { opening } = ready;
    expect(opening).toMatchObject({ start: 0, count: 1, bucketCount: ready.info.bucketCount });
    expect(opening.scalars.close[0]).toBe(scenario.price);
    expect(opening.buckets.predicted.some((v) => v > 0)).toBe(true);
    expect(opening.buckets.bid.some((v) => v > 0)).toBe(true);
    expect(t.out[0].transfer).toContain(opening.buckets.predicted.buffer);
    // The first step's frame is the run's, as a headless run gives it: the opening is no row.
    t.loop.handle({ type: 'step', runId: 'a', count: 3 });
    const [frames] = t.of('frames');
    expect(frames.batch.start).toBe(0);
    expect(frames.batch.count).toBe(3);
    expect(Array.from(frames.batch.scalars.close)).toEqual(
      Array.from(runScenario(scenario).frames.scalars.close.subarray(0, 3)),
    );
    // A reset sends the opening again.
    t.loop.handle({ type: 'reset', runId: 'a', generation: 2 });
    expect(t.of('ready')[1].opening.scalars.close[0]).toBe(scenario.price);
  });

  it('plays at the requested steps per second, one batch per tick at most', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: 50 });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(1000);
    // One second at 50 steps/s, plus the step shown at once on play.
    expect(t.steps()).toBeGreaterThanOrEqual(50);
    expect(t.steps()).toBeLessThanOrEqual(52);
    expect(t.of('frames').length).toBeLessThanOrEqual(100); // ticks in a second
  });

  it('streams consecutive rows equal to a headless run, then done', () => {
    const t = setUp();
    const scenario = small();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario });
    t.loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: 'max' });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(100);
    const frames = t.of('frames');
    const closes = frames.flatMap((m) => Array.from(m.batch.scalars.close));
    const starts = frames.map((m) => m.batch.start);
    const expected = runScenario(scenario);
    expect(closes).toEqual(Array.from(expected.frames.scalars.close));
    expect(starts[0]).toBe(0);
    for (let i = 1; i < frames.length; i++) {
      expect(starts[i]).toBe(starts[i - 1] + frames[i - 1].batch.count);
    }
    const done = t.of('done');
    expect(done).toHaveLength(1);
    expect(done[0].report).toEqual(expected.report);
    expect(t.clock.pending).toBe(0); // the timer stops when nothing plays
  });

  it('transfers every buffer of a batch and sends tight batches', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'step', runId: 'a', count: 3 });
    const sent = t.out.find((o) => o.message.type === 'frames')!;
    const batch = (sent.message as FramesResponse).batch;
    expect(batch.count).toBe(3);
    expect(batch.capacity).toBe(3);
    expect(batch.scalars.step.length).toBe(3);
    expect(sent.transfer).toContain(batch.scalars.close.buffer);
    expect(sent.transfer).toContain(batch.buckets.realised.buffer);
  });

  it('splits a long max-speed tick into chunks and yields after its time budget', () => {
    const t = setUp({ chunkRows: 16, budgetMs: 5 });
    t.clock.costPerCall = 0.1; // each step costs ~0.1 ms of the budget
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: 'max' });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(10);
    const first = t.steps();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(120);
    for (const m of t.of('frames')) expect(m.batch.count).toBeLessThanOrEqual(16);
    t.clock.advance(1000);
    expect(t.steps()).toBe(120);
  });

  it('steps by one and pauses', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(200);
    const before = t.steps();
    t.loop.handle({ type: 'step', runId: 'a' });
    expect(t.steps()).toBe(before + 1);
    t.clock.advance(1000);
    expect(t.steps()).toBe(before + 1);
  });

  it('pause stops the stream and play resumes it where it was', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(300);
    t.loop.handle({ type: 'pause', runId: 'a' });
    const paused = t.steps();
    // The acknowledgement names the step it stopped at: every frame before it has been posted.
    expect(t.out.at(-1)?.message).toEqual({
      type: 'paused',
      runId: 'a',
      generation: 1,
      step: paused,
    });
    t.clock.advance(1000);
    expect(t.steps()).toBe(paused);
    expect(t.of('heartbeat')).toHaveLength(0); // a paused run is silent
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(100);
    const last = t.of('frames').at(-1)!;
    expect(last.batch.start + last.batch.count).toBe(t.steps());
  });

  it('stamps every message with the generation of its run; reset starts over under a new one', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'step', runId: 'a', count: 5 });
    t.loop.handle({ type: 'reset', runId: 'a', generation: 2 });
    t.loop.handle({ type: 'step', runId: 'a', count: 2 });
    const frames = t.of('frames');
    expect(frames.map((m) => [m.generation, m.batch.start, m.batch.count])).toEqual([
      [1, 0, 5],
      [2, 0, 2],
    ]);
    expect(t.of('ready').map((m) => m.generation)).toEqual([1, 2]);
  });

  it('keeps runs apart by id', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    t.loop.handle({ type: 'load', runId: 'b', generation: 7, scenario: small({ seed: 2 }) });
    t.loop.handle({ type: 'step', runId: 'b', count: 4 });
    expect(t.of('frames').map((m) => [m.runId, m.generation])).toEqual([['b', 7]]);
    t.loop.handle({ type: 'dispose', runId: 'b' });
    expect(t.loop.runCount).toBe(1);
  });

  it('runs a scenario with scripted changes, and refuses changes the engine cannot apply', () => {
    const t = setUp();
    const changes = [{ step: 30, param: 'liquidity', factor: 0.5 }] as const;
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small({ changes }) });
    expect(t.of('ready')).toHaveLength(1);
    const bad = small({ changes: [{ step: 500, param: 'liquidity', factor: 0.5 }] });
    t.loop.handle({ type: 'load', runId: 'b', generation: 2, scenario: bad });
    expect(t.of('ready')).toHaveLength(1);
    expect(t.of('error')).toEqual([
      expect.objectContaining({
        runId: 'b',
        generation: 2,
        message: 'The scenario cannot run: change 0 is not one the engine can apply within the run',
      }),
    ]);
  });

  it('turns a throwing handler into a readable error message', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 4, scenario: small() });
    t.loop.handle({ type: 'crash', runId: 'a' });
    t.loop.handle({ type: 'play', runId: 'z' });
    expect(t.of('error')).toEqual([
      expect.objectContaining({
        runId: 'a',
        generation: 4,
        message: expect.stringMatching(/crash/),
      }),
      expect.objectContaining({ runId: 'z', generation: -1, message: 'No run "z" is loaded' }),
    ]);
  });

  it('sends a heartbeat at least once a second while it plays, even with no step due', () => {
    const t = setUp();
    t.loop.handle({ type: 'load', runId: 'a', generation: 2, scenario: small() });
    t.loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: 0.25 }); // a step every 4 s
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(3500);
    expect(t.steps()).toBe(1); // the step shown at once on play
    const beats = t.of('heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(2);
    expect(beats[0]).toEqual({ type: 'heartbeat', runId: 'a', generation: 2, step: 1 });
    // No silence between posts longer than a second (and a tick).
    const times: number[] = [];
    const t2 = setUp();
    const loop = createRunLoop(
      (m) => {
        if (m.type !== 'ready') times.push(t2.clock.now());
      },
      t2.clock,
      { tickMs: 10 },
    );
    loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small() });
    loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: 0.25 });
    loop.handle({ type: 'play', runId: 'a' });
    t2.clock.advance(10_000);
    for (let i = 1; i < times.length; i++)
      expect(times[i] - times[i - 1]).toBeLessThanOrEqual(1010);
    expect(times.length).toBeGreaterThanOrEqual(9);
  });

  it('catches up at most a quarter second after a stall', () => {
    const t = setUp({ tickMs: 5000 });
    t.loop.handle({ type: 'load', runId: 'a', generation: 1, scenario: small({ steps: 1000 }) });
    t.loop.handle({ type: 'speed', runId: 'a', stepsPerSecond: 40 });
    t.loop.handle({ type: 'play', runId: 'a' });
    t.clock.advance(5000);
    expect(t.steps()).toBe(10);
  });
});
