/**
 * The run loop: owns the runs (a Simulation and a scratch FrameBatch each), advances them on a
 * timer at their speed, and posts the new rows with the live report. No worker globals: the
 * worker entry wraps it, tests drive it with a fake clock, and the main thread can run it as a
 * fallback.
 *
 * Batching: each tick simulates the steps that are due (speed × elapsed time, or as many as
 * fit in the time budget at "max") and posts them as one `frames` message, so the worker sends
 * at most one message per tick and run however fast it steps. The main thread coalesces further,
 * to one store update per animation frame.
 */

import { createFrameBatch, sliceFrameBatch, transferables, type FrameBatch } from '../engine/frame';
import { createSimulation, type Simulation } from '../engine/run';
import type { Scenario } from '../engine/types';
import { realClock, type Clock as LoopClock } from '../shared/clock';
import { errorMessage } from '../shared/errorMessage';
import {
  DEFAULT_SPEED,
  PROTOCOL_VERSION,
  checkChanges,
  type PostResponse,
  type RequestHandlers,
  type SimRequest,
  type Speed,
} from './protocol';
import { createReportQueue, type YieldTask } from './reportQueue';

/** Most steps a run of a lockstep group takes per tick at max speed (how far it may lead). */
const MAX_SPEED_LEAD = 64;

export interface RunLoopOptions {
  /** Interval between ticks (ms). */
  tickMs?: number;
  /** Most time one tick spends simulating before it yields (ms). */
  budgetMs?: number;
  /** Rows of the scratch batch: a tick posts a batch each time this many steps are done. */
  chunkRows?: number;
  /** Most lag (s) a paced run catches up after a stall, e.g. a throttled background tab. */
  maxCatchUpSeconds?: number;
  /** Most time (ms) a playing run goes without posting: a heartbeat fills the gap. */
  heartbeatMs?: number;
  /** How report-only jobs yield between runs (reportQueue.ts); a MessageChannel by default. */
  yieldTask?: YieldTask;
}

interface Run {
  id: string;
  generation: number;
  scenario: Scenario;
  sim: Simulation;
  scratch: FrameBatch;
  playing: boolean;
  speed: Speed;
  /** Steps owed to a paced run (fractional). */
  carry: number;
  lastTick: number;
  /** When this run last posted anything (clock ms), for the heartbeat. */
  lastPost: number;
  /** Event flags that pause a playing run after the step that raises them (0: none). */
  pauseOn: number;
  /** Lockstep group of a playing run (compare mode), or undefined. */
  group?: string;
}

export interface RunLoop {
  /** Handles one request; errors are posted as `error`, never thrown. */
  handle(message: SimRequest): void;
  /** Stops the timer and drops every run. */
  dispose(): void;
  /** Runs currently held (for tests). */
  readonly runCount: number;
}

export function createRunLoop(
  post: PostResponse,
  clock: LoopClock = realClock,
  options: RunLoopOptions = {},
): RunLoop {
  const tickMs = options.tickMs ?? 16;
  const budgetMs = options.budgetMs ?? 12;
  const chunkRows = options.chunkRows ?? 256;
  const maxCatchUp = options.maxCatchUpSeconds ?? 0.25;
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const runs = new Map<string, Run>();
  let timer: unknown = null;
  const reports = createReportQueue(post, options.yieldTask);

  function fail(runId: string, generation: number, error: unknown): void {
    const run = runs.get(runId);
    if (run) run.playing = false;
    post({ type: 'error', runId, generation, message: errorMessage(error) }, []);
  }

  function emit(run: Run, rows: number): void {
    if (rows === 0) return;
    const batch = sliceFrameBatch(run.scratch, 0, rows);
    const report = run.sim.report();
    run.lastPost = clock.now();
    post(
      { type: 'frames', runId: run.id, generation: run.generation, batch, report },
      transferables(batch),
    );
    if (run.sim.done) {
      run.playing = false;
      post({ type: 'done', runId: run.id, generation: run.generation, report }, []);
    }
  }

  /**
   * Simulates up to `count` steps (stopping at `deadline`, or after a step whose events match
   * `pauseOn`, which pauses the run), posting a batch per chunk.
   */
  function advance(run: Run, count: number, deadline = Infinity, pauseOn = 0): number {
    let done = 0;
    let row = 0;
    let hit = 0;
    run.scratch.start = run.sim.stepIndex;
    while (done < count && !run.sim.done) {
      run.sim.step(run.scratch, row);
      hit = run.scratch.scalars.events[row] & pauseOn;
      row++;
      done++;
      run.scratch.count = row;
      if (row === run.scratch.capacity) {
        emit(run, row);
        row = 0;
        run.scratch.start = run.sim.stepIndex;
      }
      if (hit !== 0 || clock.now() >= deadline) break;
    }
    emit(run, row);
    if (hit !== 0 && run.playing) {
      run.playing = false;
      const { id, generation } = run;
      post({ type: 'paused', runId: id, generation, step: run.sim.stepIndex, events: hit }, []);
    }
    return done;
  }

  /** The step each lockstep group's slowest playing (unfinished) run is at, this tick. */
  function groupFloors(): Map<string, number> {
    const floors = new Map<string, number>();
    for (const run of runs.values()) {
      if (!run.playing || run.group === undefined || run.sim.done) continue;
      const at = floors.get(run.group);
      if (at === undefined || run.sim.stepIndex < at) floors.set(run.group, run.sim.stepIndex);
    }
    return floors;
  }

  function tick(): void {
    timer = null;
    const start = clock.now();
    const floors = groupFloors();
    for (const run of runs.values()) {
      if (!run.playing) continue;
      try {
        let due: number;
        if (run.speed === 'max') due = Infinity;
        else {
          const owed = run.carry + ((start - run.lastTick) * run.speed) / 1000;
          run.carry = Math.min(owed, Math.max(1, run.speed * maxCatchUp));
          due = Math.floor(run.carry);
        }
        run.lastTick = start;
        // Lockstep: a run of a group that is ahead of its slowest run waits (and owes nothing).
        const floor = run.group === undefined ? undefined : floors.get(run.group);
        if (floor !== undefined && run.sim.stepIndex > floor) {
          due = 0;
          run.carry = Math.min(run.carry, 1);
        } else if (floor !== undefined && !Number.isFinite(due)) due = MAX_SPEED_LEAD;
        const done = advance(run, due, start + budgetMs, run.pauseOn);
        if (run.speed !== 'max') run.carry -= done;
        if (run.playing && clock.now() - run.lastPost >= heartbeatMs) {
          run.lastPost = clock.now();
          const { id, generation } = run;
          post({ type: 'heartbeat', runId: id, generation, step: run.sim.stepIndex }, []);
        }
      } catch (error) {
        fail(run.id, run.generation, error);
      }
    }
    schedule();
  }

  function schedule(): void {
    if (timer !== null) return;
    for (const run of runs.values()) {
      if (run.playing) {
        timer = clock.setTimeout(tick, tickMs);
        return;
      }
    }
  }

  function setUp(runId: string, generation: number, scenario: Scenario, speed: Speed): void {
    const sim = createSimulation(scenario);
    const rows = Math.min(chunkRows, scenario.steps);
    const scratch = createFrameBatch(rows, sim.info.bucketCount);
    const run: Run = {
      id: runId,
      generation,
      scenario,
      sim,
      scratch,
      playing: false,
      speed,
      carry: 0,
      lastTick: clock.now(),
      lastPost: clock.now(),
      pauseOn: 0,
    };
    runs.set(runId, run);
    const opening = createFrameBatch(1, sim.info.bucketCount);
    sim.snapshot(opening, 0);
    const info = sim.info;
    post(
      { type: 'ready', runId, generation, protocol: PROTOCOL_VERSION, info, opening },
      transferables(opening),
    );
  }

  function get(runId: string): Run {
    const run = runs.get(runId);
    if (!run) throw new Error(`No run "${runId}" is loaded`);
    return run;
  }

  const handlers: RequestHandlers = {
    load({ runId, generation, scenario }) {
      const problem = checkChanges(scenario);
      if (problem) throw new Error(`The scenario cannot run: ${problem}`);
      const speed = runs.get(runId)?.speed ?? DEFAULT_SPEED;
      runs.delete(runId); // let the old run's memory go before the new one is built
      setUp(runId, generation, scenario, speed);
    },
    reset({ runId, generation }) {
      const old = get(runId);
      runs.delete(runId);
      setUp(runId, generation, old.scenario, old.speed);
    },
    play({ runId, pauseOn, group }) {
      const run = get(runId);
      run.pauseOn = pauseOn ?? 0; // a play while playing changes where it stops
      run.group = group;
      if (run.sim.done || run.playing) return;
      run.playing = true;
      run.carry = 1; // the first step shows at once
      run.lastTick = clock.now();
      run.lastPost = run.lastTick;
      schedule();
    },
    pause({ runId }) {
      const run = get(runId);
      run.playing = false;
      const { generation } = run;
      post({ type: 'paused', runId, generation, step: run.sim.stepIndex }, []);
    },
    step({ runId, count }) {
      const run = get(runId);
      run.playing = false;
      advance(run, Math.max(1, Math.floor(count ?? 1)));
    },
    speed({ runId, stepsPerSecond }) {
      const run = get(runId);
      run.speed = stepsPerSecond;
      run.carry = Math.min(run.carry, 1);
    },
    dispose({ runId }) {
      runs.delete(runId);
      reports.cancel(runId);
    },
    reports(request) {
      reports.add(request);
    },
    crash({ mode }) {
      if (mode === 'hang') for (;;) clock.now(); // a stuck worker: only terminate() ends it
      throw new Error('The simulation worker was crashed on purpose (crashWorker).');
    },
  };

  return {
    handle(message) {
      try {
        const handler = handlers[message.type] as (m: SimRequest) => void;
        if (typeof handler !== 'function') {
          throw new Error(`Unknown message type "${String(message.type)}"`);
        }
        handler(message);
      } catch (error) {
        const generation =
          'generation' in message
            ? message.generation
            : (runs.get(message.runId)?.generation ?? -1);
        fail(message.runId, generation, error);
      }
    },
    dispose() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      runs.clear();
      reports.dispose();
    },
    get runCount() {
      return runs.size;
    },
  };
}
