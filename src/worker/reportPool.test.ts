import { describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../engine/report';
import { runReport } from '../engine/run';
import { defaultScenario, type Scenario } from '../scenario';
import type { ReportJob, SimRequest } from './protocol';
import { createReportPool, createReportPoolWith } from './reportPool';
import type { SimClient, SimClientEvents } from './simClient';

const base = runReport({ ...defaultScenario(), positions: 200, steps: 10 });
/** A fake report that says which scenario it came from (its seed) in `stepsRun`. */
const reportOf = (s: Scenario): RunReport => ({ ...base, stepsRun: s.seed });
const scenarios = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ...defaultScenario(), seed: 100 + i }));

/** Fake workers: they hold the jobs they are sent and answer only when the test says so. */
function fakeMembers() {
  const members: { events: SimClientEvents; queue: (ReportJob & { runId: string })[] }[] = [];
  const posted: SimRequest[] = [];
  let terminated = 0;
  const factory = (events: SimClientEvents): SimClient => {
    const m = { events, queue: [] as (ReportJob & { runId: string })[] };
    members.push(m);
    return {
      post(message) {
        posted.push(message);
        if (message.type === 'reports') {
          for (const j of message.jobs) m.queue.push({ ...j, runId: message.runId });
        }
        if (message.type === 'dispose') m.queue = m.queue.filter((j) => j.runId !== message.runId);
      },
      terminate: () => terminated++,
    };
  };
  /** Member `k` finishes its oldest job. */
  const answer = (k: number) => {
    const m = members[k];
    const job = m.queue.shift();
    if (!job) throw new Error(`member ${k} has no job`);
    const { runId, index } = job;
    m.events.onMessage({
      type: 'report',
      runId,
      generation: 0,
      index,
      report: reportOf(job.scenario),
    });
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { factory, members, posted, answer, settle, terminated: () => terminated };
}

describe('report pool', () => {
  it('returns reports in scenario order whatever order the workers finish in, with progress', async () => {
    const f = fakeMembers();
    const pool = createReportPoolWith(f.factory, 3);
    const progress: [number, number][] = [];
    const list = scenarios(7);
    const result = pool.run(list, { onProgress: (d, t) => progress.push([d, t]) });
    await f.settle();
    expect(f.members).toHaveLength(3);
    // Each member holds two jobs (one running, one queued) and gets one more per answer.
    expect(f.members.map((m) => m.queue.map((j) => j.index))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    for (const k of [2, 2, 0, 1, 0, 1, 2]) f.answer(k);
    const reports = await result;
    expect(reports.map((r) => r.stepsRun)).toEqual(list.map((s) => s.seed));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => [d, 7]));
  });

  it('hands each report to onReport as it arrives, with its index', async () => {
    const f = fakeMembers();
    const pool = createReportPoolWith(f.factory, 2);
    const seen: [number, number][] = [];
    const list = scenarios(5);
    const result = pool.run(list, { onReport: (i, r) => seen.push([i, r.stepsRun]) });
    await f.settle();
    for (const k of [1, 0, 1, 0, 1]) f.answer(k);
    expect(await result).toHaveLength(5);
    // Finishing order: member 1 held 2 and 3, member 0 held 0 and 1; each answer sends one more.
    expect(seen).toEqual([
      [2, 102],
      [0, 100],
      [3, 103],
      [1, 101],
      [4, 104],
    ]);
  });

  it('keeps no report when told to discard them (the caller reads each through onReport)', async () => {
    const f = fakeMembers();
    const pool = createReportPoolWith(f.factory, 2);
    const seen: number[] = [];
    const result = pool.run(scenarios(3), { discard: true, onReport: (i) => seen.push(i) });
    await f.settle();
    for (const k of [0, 1, 0]) f.answer(k);
    expect(await result).toEqual([]);
    expect(seen.sort()).toEqual([0, 1, 2]);
  });

  it('uses no more workers than jobs, and keeps them (with their caches) for the next run', async () => {
    const f = fakeMembers();
    const pool = createReportPoolWith(f.factory, 4);
    const first = pool.run(scenarios(2));
    await f.settle();
    expect(f.members).toHaveLength(2);
    f.answer(0);
    f.answer(0);
    await first;
    const second = pool.run(scenarios(4));
    await f.settle();
    expect(f.members).toHaveLength(4); // two more, idle: four jobs fill two at a depth of two
    for (const k of [1, 0, 1, 0]) f.answer(k);
    expect((await second).map((r) => r.stepsRun)).toEqual([100, 101, 102, 103]);
    pool.dispose();
    await f.settle();
    expect(f.terminated()).toBe(4);
  });

  it('rejects with an AbortError when cancelled, drops the queued work, and runs again', async () => {
    const f = fakeMembers();
    const pool = createReportPoolWith(f.factory, 2);
    const controller = new AbortController();
    const progress: number[] = [];
    const result = pool.run(scenarios(10), {
      signal: controller.signal,
      onProgress: (d) => progress.push(d),
    });
    await f.settle();
    f.answer(0);
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(f.posted.filter((m) => m.type === 'dispose')).toHaveLength(2);
    expect(f.members.every((m) => m.queue.length === 0)).toBe(true);
    // A late answer of the cancelled run is ignored.
    f.members[1].events.onMessage({
      type: 'report',
      runId: 'reports-1',
      generation: 0,
      index: 3,
      report: base,
    });
    expect(progress).toEqual([1]);
    const again = pool.run(scenarios(2));
    await f.settle();
    f.answer(0);
    f.answer(0);
    expect(await again).toHaveLength(2);
  });

  it('rejects at once on an aborted signal, a worker error or a malformed message', async () => {
    const f = fakeMembers();
    const pool = createReportPoolWith(f.factory, 1);
    await expect(pool.run(scenarios(2), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const failed = pool.run(scenarios(2));
    await f.settle();
    f.members[0].events.onMessage({
      type: 'error',
      runId: 'reports-1',
      generation: -1,
      message: 'boom',
    });
    await expect(failed).rejects.toThrow('boom');
    const garbled = pool.run(scenarios(1));
    await f.settle();
    f.members[0].events.onMessage({ type: 'report', runId: 'reports-2' } as never);
    await expect(garbled).rejects.toThrow(/malformed message: report has no run id/);
  });

  it('runs on this thread where there are no workers, the same reports as headless runs', async () => {
    expect(typeof Worker).toBe('undefined'); // Vitest runs under node
    const pool = createReportPool({ size: 4 });
    const list = [-0.02, -0.08].map((shock) => ({
      ...defaultScenario(),
      positions: 300,
      steps: 40,
      shock,
    }));
    const progress: number[] = [];
    const reports = await pool.run(list, { onProgress: (d) => progress.push(d) });
    expect(reports).toEqual(list.map((s) => runReport(s)));
    expect(progress).toEqual([1, 2]);
    pool.dispose();
  });
});

describe('a browser that refuses module workers', () => {
  it('runs each member on this thread instead, and says so once per member', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('module workers are not supported');
        }
      },
    );
    try {
      const pool = createReportPool({ size: 2 });
      const list = [-0.03, -0.09, -0.05].map((shock) => ({
        ...defaultScenario(),
        positions: 300,
        steps: 40,
        shock,
      }));
      expect(await pool.run(list)).toEqual(list.map((s) => runReport(s)));
      expect(warn).toHaveBeenCalledTimes(2);
      expect(String(warn.mock.calls[0][0])).toMatch(/running in process/);
      pool.dispose();
    } finally {
      vi.unstubAllGlobals();
      warn.mockRestore();
    }
  });
});
