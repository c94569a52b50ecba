/**
 * `npm run bench [-- --sizes 10000,100000 --runs K --steps S]`: how fast the engine steps.
 *
 * For each population size, runs the default scenario with a -10 % shock for 1,000 steps and
 * measures set-up (createSimulation), the median and p95 time per step, liquidations per second
 * of stepping, and the peak RSS, JS heap and ArrayBuffer memory (sampled every 10 steps; the
 * engine's typed arrays count under buffers, not heap). Each size runs several times (5, or 3
 * for 10⁶ positions) and the table shows the median run, with memory as the largest peak seen.
 * With NODE_OPTIONS=--expose-gc, garbage is collected before each run.
 *
 * Then sweep throughput: report-only runs (runReport, as `sim sweep` does) of the default
 * scenario at 20,000 positions × 600 steps, over a spread of shocks and seeds like a sweep's
 * grid, on 1 thread and on every core through the CLI's pool; runs per second, median of 3
 * batches, and the time that rate gives a 40-shock × 32-seed sweep (1,280 runs). Each thread
 * keeps its drawn populations (populationCache.ts) as `sim sweep` does, so a batch draws one
 * population per seed and thread and the other shocks reuse it.
 */

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createFrameBatch } from '../src/engine/frame';
import { createSimulation } from '../src/engine/run';
import { defaultThreads, runReports } from '../src/cli/pool';
import { defaultScenario, PARAMS } from '../src/scenario/params';
import type { Scenario } from '../src/scenario/params';

interface Options {
  sizes: number[];
  runs: number | undefined;
  steps: number;
  /** Runs per sweep-throughput batch (0: skip that table). */
  sweepBatch: number;
  /** Liquidation engine of the stepped scenario. */
  engine: Scenario['engine'];
}

interface RunResult {
  setupMs: number;
  medianStepMs: number;
  p95StepMs: number;
  liquidations: number;
  liquidationsPerSecond: number;
  peakRss: number;
  peakHeap: number;
  /** Typed arrays live outside the JS heap: this is where the engine's state is. */
  peakBuffers: number;
}

const USAGE =
  'Usage: npm run bench -- [--sizes 10000,100000,1000000] [--runs K] [--steps 1000] [--sweep-batch 48]\n' +
  '  [--engine generic|binance|bybit|hyperliquid]\n' +
  'Runs: 5 per size, 3 for sizes of 10^6 and above, unless --runs is given.\n' +
  'Sweep throughput: 3 batches of --sweep-batch report-only runs per thread count (0: skip).\n';

function fail(message: string): never {
  process.stderr.write(`engine.bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    sizes: [10_000, 100_000, 1_000_000],
    runs: undefined,
    steps: 1000,
    sweepBatch: 48,
    engine: 'generic',
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2) as [string, string | undefined];
    if (name === '-h' || name === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`${name} needs a value`);
    const whole = (text: string, min: number, max: number) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < min || n > max)
        fail(`${name}: ${text} is not in ${min}..${max}`);
      return n;
    };
    if (name === '--sizes') options.sizes = value.split(',').map((t) => whole(t, 100, 1_000_000));
    else if (name === '--runs') options.runs = whole(value, 1, 100);
    else if (name === '--steps') options.steps = whole(value, 50, 5000);
    else if (name === '--sweep-batch') options.sweepBatch = whole(value, 0, 10_000);
    else if (name === '--engine') {
      const engines = PARAMS.engine.options;
      if (!engines.includes(value as Scenario['engine']))
        fail(`--engine: ${value} is not one of ${engines.join(', ')}`);
      options.engine = value as Scenario['engine'];
    } else fail(`unknown option ${name}`);
  }
  return options;
}

const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** Quantile by linear interpolation between order statistics. */
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

function runOnce(scenario: Scenario): RunResult {
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  let peakBuffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.arrayBuffers > peakBuffers) peakBuffers = m.arrayBuffers;
  };

  const t0 = performance.now();
  const sim = createSimulation(scenario);
  const setupMs = performance.now() - t0;
  sample();

  const frames = createFrameBatch(scenario.steps, sim.info.bucketCount);
  const durations = new Float64Array(scenario.steps);
  for (let i = 0; i < scenario.steps; i++) {
    const t = performance.now();
    sim.step(frames, i);
    durations[i] = performance.now() - t;
    if (i % 10 === 9) sample();
  }
  sample();
  const stepping = Array.from(durations);
  const steppingSeconds = stepping.reduce((a, b) => a + b, 0) / 1000;
  const { liquidations } = sim.report();
  return {
    setupMs,
    medianStepMs: median(stepping),
    p95StepMs: quantile(stepping, 0.95),
    liquidations,
    liquidationsPerSecond: steppingSeconds > 0 ? liquidations / steppingSeconds : 0,
    peakRss,
    peakHeap,
    peakBuffers,
  };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const fixed = (x: number, digits: number) => x.toFixed(digits);
const grouped = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memory = (os.totalmem() / 2 ** 30).toFixed(1);
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'off';
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  return (
    `Machine: ${model}, ${cpus.length} cores, ${memory} GiB RAM, load average ${load}, ` +
    `Node ${process.version} (${process.platform}/${process.arch}), gc before runs: ${gc}`
  );
}

/** A sweep-like batch: shocks from -1 % to -16 %, then the next seed. */
function sweepBatch(count: number): Scenario[] {
  return Array.from({ length: count }, (_, i) => ({
    ...defaultScenario(),
    positions: 20_000,
    steps: 600,
    shock: -(1 + (i % 16)),
    seed: 1 + Math.floor(i / 16),
  }));
}

/** Runs per second of report-only runs on 1 thread and on every core, median of 3 batches. */
async function sweepThroughput(batch: number): Promise<string[]> {
  const cores = defaultThreads();
  const lines = [
    '',
    `Sweep throughput: report-only runs, 20,000 positions × 600 steps, batches of ${batch}; ` +
      'median of 3. Each batch starts its workers afresh, so their start-up is included; ' +
      "each thread draws a seed's population once and reuses it for the other shocks, as sim sweep does.",
    '',
    '| Threads | Runs/s | s per run and thread | CPU s per run | 1,280-run sweep (s) |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (const threads of [...new Set([1, cores])]) {
    const rates: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < 3; r++) {
      process.stderr.write(`  sweep batch on ${threads} thread(s), ${r + 1}/3…\n`);
      const t0 = performance.now();
      // Process-wide CPU time, worker threads included: what the runs cost whatever the load.
      const c0 = process.cpuUsage();
      await runReports(sweepBatch(batch), { threads });
      const c = process.cpuUsage(c0);
      rates.push(batch / ((performance.now() - t0) / 1000));
      cpu.push((c.user + c.system) / 1e6 / batch);
    }
    const rate = median(rates);
    lines.push(
      `| ${threads} | ${fixed(rate, 2)} | ${fixed(threads / rate, 3)} | ${fixed(median(cpu), 3)} | ` +
        `${fixed(1280 / rate, 0)} |`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const lines = [
    machine(),
    '',
    `Default scenario, shock -10 %, engine ${options.engine}, ${options.steps} steps; median of runs (peak memory: largest).`,
    '',
    '| Positions | Runs | Set-up ms | Median ms/step | p95 ms/step | Liquidations | Liquidations/s | Peak RSS MB | Peak heap MB | Peak buffers MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of options.sizes) {
    const runs = options.runs ?? (size >= 1_000_000 ? 3 : 5);
    const scenario: Scenario = {
      ...defaultScenario(),
      positions: size,
      steps: options.steps,
      shock: -10,
      engine: options.engine,
    };
    const results: RunResult[] = [];
    for (let r = 0; r < runs; r++) {
      process.stderr.write(`  ${grouped(size)} positions, run ${r + 1}/${runs}…\n`);
      results.push(runOnce(scenario));
    }
    const med = (pick: (r: RunResult) => number) => median(results.map(pick));
    const counts = new Set(results.map((r) => r.liquidations));
    const liquidations = counts.size === 1 ? grouped(results[0].liquidations) : 'differs!';
    lines.push(
      `| ${grouped(size)} | ${runs} | ${fixed(
        med((r) => r.setupMs),
        1,
      )} | ` +
        `${fixed(
          med((r) => r.medianStepMs),
          3,
        )} | ${fixed(
          med((r) => r.p95StepMs),
          3,
        )} | ` +
        `${liquidations} | ${grouped(med((r) => r.liquidationsPerSecond))} | ` +
        `${mb(Math.max(...results.map((r) => r.peakRss)))} | ` +
        `${mb(Math.max(...results.map((r) => r.peakHeap)))} | ` +
        `${mb(Math.max(...results.map((r) => r.peakBuffers)))} |`,
    );
  }
  if (options.sweepBatch > 0) lines.push(...(await sweepThroughput(options.sweepBatch)));
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`engine.bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
