import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameBatch, type RunInfo } from '../engine/frame';
import type { RunReport } from '../engine/report';
import type { FramesResponse } from '../worker/protocol';
import { animationFrameScheduler } from '../shared/frameScheduler';
import { createFrameSink } from './frameSink';
import { selectStep } from './selectors';
import { createAppStore } from './store';

const info = { steps: 50, bucketCount: 2 } as RunInfo;

function frames(generation: number, start: number, count: number): FramesResponse {
  const batch = createFrameBatch(count, 2, start);
  batch.count = count;
  const report = { stepsRun: start + count } as RunReport;
  return { type: 'frames', runId: 'main', generation, batch, report };
}

afterEach(() => vi.unstubAllGlobals());

describe('frame sink', () => {
  it('applies every batch queued before a screen refresh in one update, with the last report', () => {
    const store = createAppStore();
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    const queued: (() => void)[] = [];
    const sink = createFrameSink(store, { request: (cb) => queued.push(cb), cancel: () => {} });
    sink.push(frames(g, 0, 3));
    sink.push(frames(g, 3, 2));
    sink.push({ type: 'done', runId: 'main', generation: g, report: { stepsRun: 5 } as RunReport });
    expect(queued).toHaveLength(1);
    expect(selectStep(store.getState())).toBe(0);
    queued[0]();
    expect(store.getState()).toMatchObject({ status: 'done', report: { stepsRun: 5 } });
    expect(selectStep(store.getState())).toBe(5);
  });

  it('drops a batch of another generation on arrival', () => {
    const store = createAppStore();
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    const sink = createFrameSink(store, { request: () => 1, cancel: () => {} });
    sink.push(frames(g - 1, 0, 3));
    sink.flush();
    expect(selectStep(store.getState())).toBe(0);
    expect(store.getState().report).toBeNull();
    sink.push(frames(g, 0, 2));
    sink.flush();
    expect(selectStep(store.getState())).toBe(2); // the current generation's still goes through
  });

  it('drops what was queued for a run that was replaced before the screen refreshed', () => {
    const store = createAppStore();
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    const sink = createFrameSink(store, { request: () => 1, cancel: () => {} });
    sink.push(frames(g, 0, 3));
    const next = store.getState().beginRun();
    store.getState().runReady(next, info);
    sink.flush();
    expect(selectStep(store.getState())).toBe(0);
    expect(store.getState().report).toBeNull();
  });

  it('drops what was queued when cleared', () => {
    const store = createAppStore();
    const g = store.getState().beginRun();
    store.getState().runReady(g, info);
    const sink = createFrameSink(store, { request: () => 1, cancel: () => {} });
    sink.push(frames(g, 0, 3));
    sink.clear();
    sink.flush();
    expect(selectStep(store.getState())).toBe(0);
  });

  it('uses a default scheduler that cancels a queued animation frame with the window as `this`', () => {
    const cancel = vi.fn(function (this: unknown) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    });
    vi.stubGlobal('requestAnimationFrame', () => 7);
    vi.stubGlobal('cancelAnimationFrame', cancel);
    const scheduler = animationFrameScheduler();
    expect(scheduler.request(() => {})).toBe(7);
    expect(() => scheduler.cancel(7)).not.toThrow();
    expect(cancel).toHaveBeenCalledWith(7);
  });
});
