import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../scenario';
import { createSimClient, createWorkerClient, type SimClientEvents } from './client';
import type { SimResponse } from './protocol';

/** A stand-in for the browser's Worker: records what the client does with it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: Partial<ErrorEvent>) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor(
    public url: URL,
    public options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}

function recorder() {
  const messages: SimResponse[] = [];
  const errors: string[] = [];
  const events: SimClientEvents = {
    onMessage: (m) => messages.push(m),
    onError: (e) => errors.push(e),
  };
  return { messages, errors, events };
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

describe('worker client', () => {
  it('starts a module worker, posts to it, and hands back what it sends', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const r = recorder();
    const client = createWorkerClient(r.events);
    const worker = FakeWorker.made[0];
    expect(worker.options).toMatchObject({ type: 'module' });
    client.post({ type: 'play', runId: 'main' });
    expect(worker.posted).toEqual([{ type: 'play', runId: 'main' }]);
    const paused = { type: 'paused', runId: 'main', generation: 1, step: 3 };
    worker.onmessage?.({ data: paused });
    expect(r.messages).toEqual([paused]);
    client.terminate();
    expect(worker.terminated).toBe(true);
  });

  it('turns the worker failing, or an unreadable message, into one readable line', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const r = recorder();
    createWorkerClient(r.events);
    const worker = FakeWorker.made[0];
    const preventDefault = vi.fn();
    worker.onerror?.({ message: 'boom', filename: 'sim.js', lineno: 7, preventDefault });
    worker.onerror?.({ message: '', filename: '', preventDefault });
    worker.onmessageerror?.();
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(r.errors).toEqual([
      'boom (sim.js:7)',
      'The simulation worker failed to start',
      'A message from the simulation worker could not be read',
    ]);
  });
});

describe('sim client', () => {
  it('uses a worker where there is one', () => {
    vi.stubGlobal('Worker', FakeWorker);
    createSimClient(recorder().events);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('runs the loop on this thread where workers are missing or refused, in order', async () => {
    for (const Worker of [
      undefined,
      class {
        constructor() {
          throw new Error('module workers are not supported');
        }
      },
    ]) {
      vi.stubGlobal('Worker', Worker);
      const r = recorder();
      const client = createSimClient(r.events);
      const scenario = { ...defaultScenario(), positions: 200, steps: 10, shockStep: 2 };
      // Posted before the in-process loop has loaded: they wait for it, in order.
      client.post({ type: 'load', runId: 'main', generation: 1, scenario });
      client.post({ type: 'step', runId: 'main', count: 2 });
      await vi.waitFor(() => expect(r.messages.map((m) => m.type)).toEqual(['ready', 'frames']));
      client.terminate();
      client.post({ type: 'step', runId: 'main' });
      await Promise.resolve();
      expect(r.messages).toHaveLength(2);
      expect(r.errors).toEqual([]);
    }
  });

  it('sends nothing once terminated before the in-process loop has loaded', async () => {
    vi.stubGlobal('Worker', undefined);
    const r = recorder();
    const client = createSimClient(r.events);
    client.post({ type: 'load', runId: 'main', generation: 1, scenario: defaultScenario() });
    client.terminate();
    await import('./inProcess'); // the client's own import has resolved by now
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(r.messages).toEqual([]);
  });
});
