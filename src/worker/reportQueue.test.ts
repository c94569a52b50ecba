import { describe, expect, it } from 'vitest';
import { runReport } from '../engine/run';
import { defaultScenario, type Scenario } from '../scenario';
import { createFakeClock } from '../shared/fakeClock';
import type { SimResponse } from './protocol';
import { createRunLoop } from './runLoop';

const small = (over: Partial<Scenario> = {}): Scenario => ({
  ...defaultScenario(),
  positions: 400,
  steps: 60,
  shockStep: 10,
  ...over,
});

/** A run loop whose report jobs yield to a hand-run task list. */
function setUp() {
  const out: SimResponse[] = [];
  const tasks: (() => void)[] = [];
  const loop = createRunLoop((m) => out.push(m), createFakeClock(), {
    yieldTask: (cb) => tasks.push(cb),
  });
  const runTask = () => tasks.shift()?.();
  return { out, tasks, loop, runTask };
}

describe('report-only batches in the run loop', () => {
  it('runs each job as its own task and answers with the same report as a headless run', () => {
    const t = setUp();
    const jobs = [-0.02, -0.06].map((shock, index) => ({ index, scenario: small({ shock }) }));
    t.loop.handle({ type: 'reports', runId: 'sweep', jobs });
    expect(t.out).toHaveLength(0); // nothing runs inside the message handler
    t.runTask();
    expect(t.out).toHaveLength(1);
    t.runTask();
    expect(t.out).toEqual(
      jobs.map((j) => ({
        type: 'report',
        runId: 'sweep',
        generation: 0,
        index: j.index,
        report: runReport(j.scenario),
      })),
    );
    expect(t.tasks).toHaveLength(0);
  });

  it('drops the queued jobs of a disposed batch, and only those', () => {
    const t = setUp();
    const jobs = [0, 1, 2].map((index) => ({ index, scenario: small() }));
    t.loop.handle({ type: 'reports', runId: 'old', jobs });
    t.loop.handle({ type: 'reports', runId: 'new', jobs: jobs.slice(0, 1) });
    t.runTask();
    t.loop.handle({ type: 'dispose', runId: 'old' });
    while (t.tasks.length > 0) t.runTask();
    expect(t.out.map((m) => `${m.runId}:${m.type}`)).toEqual(['old:report', 'new:report']);
  });

  it('answers a malformed batch with an error under its id, running none of it', () => {
    const t = setUp();
    t.loop.handle({ type: 'reports', runId: 'bad', jobs: [{ index: -1, scenario: small() }] });
    expect(t.out).toMatchObject([
      { type: 'error', runId: 'bad', message: expect.stringMatching(/job has no index/) },
    ]);
    expect(t.tasks).toHaveLength(0);
  });
});
