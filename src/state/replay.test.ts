import { describe, expect, it } from 'vitest';
import { createFrameBatch, type RunInfo } from '../engine/frame';
import { createManualScheduler } from '../shared/frameScheduler';
import { createReplay } from './replay';
import { createAppStore } from './store';

const info: RunInfo = {
  steps: 100,
  bucketCount: 1,
  bucketLow: 90,
  bucketHigh: 110,
  startPrice: 100,
  openInterest: 1e6,
  liquidity: 1e5,
  shockStep: 2,
  shockSteps: 1,
};

function setUp(rows: number) {
  const store = createAppStore();
  const g = store.getState().beginRun();
  store.getState().runReady(g, info);
  const b = createFrameBatch(rows, 1, 0);
  for (let r = 0; r < rows; r++) b.scalars.step[r] = r;
  b.count = rows;
  store.getState().applyFrames(g, [b], null, false);
  const scheduler = createManualScheduler();
  let t = 0;
  let ended = 0;
  const replay = createReplay(
    store,
    scheduler,
    () => t,
    () => ended++,
  );
  return {
    store,
    replay,
    /** `ms` pass, then the screen refreshes. */
    tick(ms: number) {
      t += ms;
      scheduler.flush();
    },
    ended: () => ended,
  };
}

describe('replay', () => {
  it('moves the held minute at the playback speed and goes live at the newest', () => {
    const t = setUp(100);
    t.store.getState().setSpeed(30);
    t.store.getState().setViewStep(10);
    t.replay.start();
    t.tick(1000);
    expect(t.store.getState().viewStep).toBe(40);
    t.tick(1000);
    expect(t.store.getState().viewStep).toBe(70);
    t.tick(2000);
    expect(t.store.getState().viewStep).toBeNull();
    expect(t.replay.running).toBe(false);
    expect(t.ended()).toBe(1);
  });

  it('starts from minute 0 when the view is live, and stops where it is told', () => {
    const t = setUp(100);
    t.store.getState().setSpeed(15);
    t.replay.start();
    expect(t.store.getState().viewStep).toBe(0);
    t.tick(2000);
    expect(t.store.getState().viewStep).toBe(30);
    t.replay.stop();
    t.tick(2000);
    expect(t.store.getState().viewStep).toBe(30);
    expect(t.ended()).toBe(1);
  });

  it('does nothing without two minutes to replay', () => {
    const t = setUp(1);
    t.replay.start();
    expect(t.replay.running).toBe(false);
    expect(t.store.getState().viewStep).toBeNull();
  });
});
