/**
 * `npm run bench:ui [-- --sizes 100000,1000000 --runs 3 --cycles 10 --steps 5000 --dist dist --no-build]`:
 * how the page holds up while a run streams at the fastest speed.
 *
 * Builds the app (unless --no-build), serves dist/ with `vite preview` on $PORT (default 4174),
 * and in headless Chromium (scripts/browser-path.mjs, as the e2e tests) opens a link with each
 * population size, picks speed "max" and plays the run to its end. In the page it records the
 * main thread's long tasks (> 50 ms, PerformanceObserver 'longtask'), the time between animation
 * frames, and the worker's messages. Per run it reports:
 *
 * - long tasks while streaming, and the longest;
 * - the same by CPU time: tasks of the main thread that used more than 50 ms of its CPU, and the
 *   most one used (a trace of the run, category `toplevel`, the tasks' thread time). On a loaded
 *   machine a task waits for a core: its wall time (the long tasks above) counts the waiting,
 *   its CPU time only the page's own work;
 * - the main thread's CPU over the run (all its tasks' thread time: the same work for a build
 *   whatever the load), the same per animation frame drawn, and the 95th percentile of one task's CPU time: what each frame
 *   costs the page, whatever the load;
 * - animation-frame time p50 / p95 / p99 (requestAnimationFrame deltas while streaming);
 * - steps drawn per second: steps / (Play pressed → the frame after the last step arrived);
 * - wall ms per step: the same span per step. The worker does not report its own time, so this
 *   is the worker's cost plus its pacing, an upper bound on it;
 * - first frame: navigation start → the first animation frame with the charts on the page;
 *   ready: navigation start → the worker's first `ready` (population set up);
 * - JS heap of the page (CDP Runtime.getHeapUsage after a forced GC) after the run and after 10
 *   more reset-and-play cycles;
 * and once, the gzipped size of the built JS and CSS (scripts/check-size.mjs). Each size runs
 * `--runs` times (default 3) in a fresh page; the table shows the median of each figure.
 *
 * `--profile PATH` records the main thread's CPU profile (CDP Profiler) while each size's first
 * run streams, writes it to PATH-<size>.cpuprofile (DevTools opens it) and prints the functions
 * that took the time (bench/cpuProfile.ts). The profiler slows the page: that run's figures are
 * not comparable with the others'. For readable names, build with
 * `npx vite build --minify false --outDir dist-profile` and pass `--no-build --dist dist-profile`.
 * `--trace PATH` writes each size's first run's trace, with the timeline's categories (style,
 * layout, paint, GC, scripts), to PATH-<size>.json (DevTools' Performance panel opens it).
 */

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../scripts/browser-path.mjs';
import { checkSize, measure } from '../scripts/check-size.mjs';
import { errorMessage } from '../src/shared/errorMessage';
import { summarizeProfile } from './cpuProfile';
import { benchLab } from './labBench';
import { mainThreadTasks, type TraceEvent } from './taskTrace';

interface Options {
  sizes: number[];
  runs: number;
  cycles: number;
  steps: number;
  build: boolean;
  port: number;
  /** The built app to serve. */
  dist: string;
  /** Where to write a CPU profile of each size's first run (`<path>-<size>.cpuprofile`), or null. */
  profile: string | null;
  /** Bench the criticality lab's sweep against the CLI's instead (labBench.ts). */
  lab: boolean;
  /** Where to write each size's first run's trace with the timeline categories, or null. */
  trace: string | null;
}

interface RunResult {
  longTasks: number;
  longestTaskMs: number;
  cpuLongTasks: number;
  longestCpuMs: number;
  /** Main-thread CPU while streaming (every task's thread time), in all. */
  cpuMs: number;
  /** The same per animation frame. */
  cpuPerFrameMs: number;
  /** The 95th percentile of the main thread's tasks' CPU time while streaming. */
  taskCpuP95: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  stepsPerSecond: number;
  msPerStep: number;
  firstFrameMs: number;
  readyMs: number;
  heapAfterRunMb: number;
  heapAfterCyclesMb: number;
}

const USAGE =
  'Usage: npm run bench:ui -- [--sizes 100000,1000000] [--runs 3] [--cycles 10] [--steps 5000] [--dist dist] [--no-build] [--profile PATH] [--trace PATH] [--lab]\n' +
  'Serves on $PORT (default 4174).\n';

class UsageError extends Error {}

function wholeNumber(flag: string, text: string | undefined, max: number, min = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(
      `${flag} must be a whole number from ${min} to ${max}, not "${text ?? ''}"`,
    );
  return n;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [100_000, 1_000_000],
    runs: 3,
    cycles: 10,
    steps: 5000,
    build: true,
    dist: 'dist',
    profile: null,
    trace: null,
    lab: false,
    port: wholeNumber('PORT', process.env.PORT ?? '4174', 65535),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--no-build' || flag === '--lab') {
      if (flag === '--lab') o.lab = true;
      else o.build = false;
      continue;
    }
    const value = argv[++i];
    if (flag === '--sizes')
      o.sizes = (value ?? '').split(',').map((s) => wholeNumber('--sizes', s, 1_000_000));
    else if (flag === '--runs') o.runs = wholeNumber('--runs', value, 20);
    else if (flag === '--cycles') o.cycles = wholeNumber('--cycles', value, 100, 0);
    else if (flag === '--steps') o.steps = wholeNumber('--steps', value, 5000);
    else if (flag === '--dist' && value) o.dist = value;
    else if (flag === '--profile' && value) o.profile = value;
    else if (flag === '--trace' && value) o.trace = value;
    else throw new UsageError(`unknown option "${flag}"`);
  }
  return o;
}

/** What the page records (times are the page's performance.now()). */
interface BenchState {
  recording: boolean;
  /** Durations of the long tasks seen while recording. */
  longTasks: number[];
  frameDeltas: number[];
  firstFrame: number | null;
  /** When each `ready` arrived. */
  ready: number[];
  done: number;
  playAt: number;
  lastFramesAt: number;
  drawnAt: number;
}

/** Installed before the app's own scripts run; serialised into the page, so self-contained. */
function instrument(): void {
  const b: BenchState = {
    recording: false,
    longTasks: [],
    frameDeltas: [],
    firstFrame: null,
    ready: [],
    done: 0,
    playAt: 0,
    lastFramesAt: 0,
    drawnAt: 0,
  };
  Object.assign(window, { __bench: b });
  new PerformanceObserver((list) => {
    if (b.recording) for (const e of list.getEntries()) b.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  const tick = (t: number) => {
    if (b.firstFrame === null && document.querySelector('canvas')) b.firstFrame = t;
    if (b.recording && last > 0) b.frameDeltas.push(t - last);
    // The first frame after the last rows arrived is the one that draws them.
    if (b.lastFramesAt > 0 && b.drawnAt < b.lastFramesAt) b.drawnAt = t;
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
        const now = performance.now();
        if (e.data?.type === 'ready') b.ready.push(now);
        else if (e.data?.type === 'frames') b.lastFramesAt = now;
        else if (e.data?.type === 'done') b.done++;
      });
    }
  };
}

const bench = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);

/** Waits until the run is set up and Play can be pressed (the counter is not busy). */
async function waitReady(page: Page, readyCount: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const b = (window as unknown as { __bench: BenchState }).__bench;
      const counter = document.querySelector('[data-testid="step-counter"]');
      const play = document.querySelector('[role="toolbar"] button');
      return (
        b.ready.length >= n &&
        counter?.getAttribute('aria-busy') === 'false' &&
        play instanceof HTMLButtonElement &&
        !play.disabled
      );
    },
    readyCount,
    { timeout: 120_000, polling: 100 },
  );
}

/** Presses Play in the page (no round trip between the timestamp and the click). */
async function playToEnd(page: Page, record: boolean): Promise<void> {
  const doneBefore = (await bench(page)).done;
  await page.evaluate((rec) => {
    const b = (window as unknown as { __bench: BenchState }).__bench;
    Object.assign(b, { longTasks: [], frameDeltas: [], lastFramesAt: 0, drawnAt: 0 });
    b.recording = rec;
    b.playAt = performance.now();
    (document.querySelector('[role="toolbar"] button') as HTMLButtonElement).click();
  }, record);
  await page.waitForFunction(
    (n) => {
      const b = (window as unknown as { __bench: BenchState }).__bench;
      return b.done > n && b.drawnAt >= b.lastFramesAt;
    },
    doneBefore,
    { timeout: 600_000, polling: 100 },
  );
  // Two more frames, so the last draw's long task (if any) is observed.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.evaluate(() => {
    (window as unknown as { __bench: BenchState }).__bench.recording = false;
  });
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

const median = (values: number[]) => quantile(values, 0.5);

/** Plays the run to its end with the CPU profiler on; writes the profile and prints its summary. */
async function playProfiled(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await playToEnd(page, true);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  writeFileSync(path, JSON.stringify(profile));
  console.log(`CPU profile ${path}:\n${summarizeProfile(profile)}\n`);
}

async function runOnce(
  page: Page,
  o: Options,
  positions: number,
  profilePath: string | null,
  tracePath: string | null,
): Promise<RunResult> {
  const url = `http://127.0.0.1:${o.port}/?v=1&positions=${positions}&steps=${o.steps}`;
  await page.goto(url);
  await waitReady(page, 1);
  await page.getByRole('toolbar', { name: 'Playback' }).getByRole('combobox').selectOption('max');
  const browser = page.context().browser();
  // With --trace, the timeline's categories too (style, layout, paint, script, GC per task).
  const categories = tracePath
    ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8']
    : ['toplevel'];
  await browser?.startTracing(page, { categories });
  if (profilePath) await playProfiled(page, profilePath);
  else await playToEnd(page, true);
  const trace = await browser?.stopTracing();
  if (trace && tracePath) writeFileSync(tracePath, trace);
  const events = trace
    ? (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
    : [];
  const tasks = mainThreadTasks(events);
  const b = await bench(page);
  const cpuMs = tasks.reduce((sum, t) => sum + t.cpuMs, 0);
  const span = b.drawnAt - b.playAt;
  const result: Omit<RunResult, 'heapAfterRunMb' | 'heapAfterCyclesMb'> = {
    longTasks: b.longTasks.length,
    longestTaskMs: Math.max(0, ...b.longTasks),
    cpuLongTasks: tasks.filter((t) => t.cpuMs > 50).length,
    longestCpuMs: Math.max(0, ...tasks.map((t) => t.cpuMs)),
    cpuMs,
    cpuPerFrameMs: cpuMs / Math.max(1, b.frameDeltas.length),
    taskCpuP95: quantile(
      tasks.map((t) => t.cpuMs),
      0.95,
    ),
    frameP50: quantile(b.frameDeltas, 0.5),
    frameP95: quantile(b.frameDeltas, 0.95),
    frameP99: quantile(b.frameDeltas, 0.99),
    stepsPerSecond: (o.steps / span) * 1000,
    msPerStep: span / o.steps,
    firstFrameMs: b.firstFrame ?? Number.NaN,
    readyMs: b.ready[0],
  };
  const heapAfterRunMb = await heapMb(page);
  for (let c = 0; c < o.cycles; c++) {
    const ready = (await bench(page)).ready.length;
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitReady(page, ready + 1);
    await playToEnd(page, false);
  }
  const heapAfterCyclesMb = await heapMb(page);
  return { ...result, heapAfterRunMb, heapAfterCyclesMb };
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer at ${url} within 60 s`);
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

function printTable(rows: { positions: number; runs: RunResult[] }[], cycles: number): void {
  const cols: [string, (r: RunResult) => number, number][] = [
    ['long tasks', (r) => r.longTasks, 0],
    ['longest ms', (r) => r.longestTaskMs, 0],
    ['CPU > 50', (r) => r.cpuLongTasks, 0],
    ['CPU max', (r) => r.longestCpuMs, 0],
    ['CPU ms', (r) => r.cpuMs, 0],
    ['CPU/frame', (r) => r.cpuPerFrameMs, 1],
    ['task CPU p95', (r) => r.taskCpuP95, 1],
    ['frame p50', (r) => r.frameP50, 1],
    ['p95', (r) => r.frameP95, 1],
    ['p99', (r) => r.frameP99, 1],
    ['steps/s', (r) => r.stepsPerSecond, 0],
    ['ms/step', (r) => r.msPerStep, 2],
    ['1st frame', (r) => r.firstFrameMs, 0],
    ['ready ms', (r) => r.readyMs, 0],
    ['heap MB', (r) => r.heapAfterRunMb, 1],
    [`heap +${cycles}`, (r) => r.heapAfterCyclesMb, 1],
  ];
  const header = ['positions', ...cols.map(([name]) => name)];
  const lines = rows.map(({ positions, runs }) => [
    positions.toLocaleString('en-US'),
    ...cols.map(([, get, d]) => fmt(median(runs.map(get)), d)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const l of lines) console.log(line(l));
  for (const { positions, runs } of rows) {
    const each = runs.map((r) => `${r.longTasks} (${fmt(r.longestTaskMs, 0)} ms)`).join(', ');
    console.log(`  ${positions.toLocaleString('en-US')}: long tasks per run ${each}`);
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (o.build)
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', o.dist], {
      stdio: 'inherit',
    });
  const browser = resolveChromium();
  if (!browser) throw new UsageError('no Chromium found: run `node scripts/ensure-browser.mjs`');
  const base = `http://127.0.0.1:${o.port}/`;
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(o.port), '--strictPort', '--outDir', o.dist],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  process.on('exit', stop);
  try {
    await waitForServer(base, server);
    const chrome = await chromium.launch({
      executablePath: browser.path,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    if (o.lab) {
      await benchLab(chrome, base, o.profile);
      await chrome.close();
      return;
    }
    const cpu = os.cpus();
    console.log(
      `bench:ui — ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, load ${os.loadavg()[0].toFixed(1)}, ` +
        `Chromium ${chrome.version()} headless, ${o.steps} steps at max speed, ` +
        `median of ${o.runs}, heap after 1 and ${o.cycles} more reset-and-play cycles\n`,
    );
    const rows: { positions: number; runs: RunResult[] }[] = [];
    for (const positions of o.sizes) {
      const runs: RunResult[] = [];
      for (let r = 0; r < o.runs; r++) {
        const context = await chrome.newContext({ viewport: { width: 1280, height: 800 } });
        // tsx keeps function names with an `__name` helper the page does not have.
        await context.addInitScript({ content: 'window.__name = (f) => f;' });
        await context.addInitScript(instrument);
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
        const profilePath = o.profile && r === 0 ? `${o.profile}-${positions}.cpuprofile` : null;
        const tracePath = o.trace && r === 0 ? `${o.trace}-${positions}.json` : null;
        const result = await runOnce(page, o, positions, profilePath, tracePath);
        runs.push(result);
        await context.close();
        // Each run as it ends, so a cut-short benchmark still leaves its figures.
        const figures = Object.entries(result).map(([k, v]) => `${k} ${fmt(v, 1)}`);
        process.stderr.write(`${positions} run ${r + 1}: ${figures.join(', ')}\n`);
      }
      rows.push({ positions, runs });
    }
    await chrome.close();
    printTable(rows, o.cycles);
    const size = checkSize(measure(o.dist));
    const total = size.lines.find((l) => l.startsWith('total'));
    console.log(`\nbundle: ${total?.replace(/^total\s+/, 'total raw / gzip ')}`);
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  const message = errorMessage(error);
  console.error(error instanceof UsageError ? `${message}\n${USAGE}` : `bench:ui: ${message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
