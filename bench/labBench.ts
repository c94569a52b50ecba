/**
 * `npm run bench:ui -- --lab [--no-build]`: the criticality lab's sweep in the browser's worker
 * pool against `sim sweep`'s worker threads on the same grid (20 shocks × 5 leverages × 8 seeds
 * at 1,000 positions and 120 steps, every core on both sides), as runs per second, and the main
 * thread's long tasks (> 50 ms) while the browser's sweep runs. Each side runs twice: the first
 * pays for starting its workers, the second is the steady state (the lab's pool, like a user's
 * second sweep, keeps its workers and their population caches).
 */

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { parseSweepArgs, runSweep } from '../src/cli/sweep';
import { summarizeProfile, type CpuProfile } from './cpuProfile';
import { mainThreadTasks, type TraceEvent } from './taskTrace';

const QUERY = '?positions=1000&steps=120';
const VARY = ['--vary', 'leverage=5,10,15,20,25', '--vary', 'shock=-1:-20:1'];
const RUNS = 800;

/** Installed in the page before its scripts: long tasks, recorded while `window.__labLong` exists. */
function recordLongTasks(): void {
  const w = window as unknown as { __labLong?: number[] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__labLong?.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
}

async function cliRunsPerSecond(): Promise<number> {
  const args = parseSweepArgs([QUERY, ...VARY, '--seeds', '8'], () => {});
  const t0 = performance.now();
  await runSweep(args);
  return RUNS / ((performance.now() - t0) / 1000);
}

/** Starts the CPU profiler on the page; the returned function stops it and writes the profile. */
async function startProfile(page: Page, path: string): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    writeFileSync(path, JSON.stringify(profile));
    console.log(`CPU profile ${path}:\n${summarizeProfile(profile as CpuProfile)}\n`);
  };
}

/**
 * The lab bench; `profile` (a path) writes a CPU profile of the page's main thread during the
 * second sweep, whose figures it then slows.
 */
export async function benchLab(
  chrome: Browser,
  base: string,
  profile: string | null = null,
): Promise<void> {
  const cli = [await cliRunsPerSecond(), await cliRunsPerSecond()];
  const context = await chrome.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(recordLongTasks);
  const page = await context.newPage();
  await page.goto(`${base}${QUERY}`);
  await page.getByTestId('step-counter').waitFor();
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  const lab = page.getByRole('dialog', { name: 'Criticality lab' });
  const browser: {
    perSecond: number;
    longTasks: number;
    longestMs: number;
    cpuLongTasks: number;
    longestCpuMs: number;
    /** The main thread's CPU over the sweep: what the page took from the workers' cores. */
    mainCpuS: number;
  }[] = [];
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => ((window as unknown as { __labLong: number[] }).__labLong = []));
    // Tasks by CPU time too: on a shared machine a task's wall time includes waiting for a core
    // (two busy workers and the page on two cores), its CPU time does not.
    await chrome.startTracing(page, { categories: ['toplevel'] });
    const stopProfile = profile && i === 1 ? await startProfile(page, profile) : null;
    await lab.getByRole('button', { name: `Run ${RUNS} runs` }).click();
    const status = lab.getByTestId('lab-status');
    await lab.locator('[data-status="running"]').waitFor();
    // A plain querySelector twice a second: a locator's wait polls the page with role queries
    // over the whole DOM, main-thread work of the bench's own that it would then count.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="lab-status"][data-status="done"]') !== null,
      null,
      { polling: 500, timeout: 600_000 },
    );
    await stopProfile?.();
    const trace = await chrome.stopTracing();
    const tasks = mainThreadTasks(
      (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents,
    );
    const ms = Number(await status.getAttribute('data-elapsed-ms'));
    const long = await page.evaluate(
      () => (window as unknown as { __labLong: number[] }).__labLong,
    );
    browser.push({
      perSecond: RUNS / (ms / 1000),
      longTasks: long.length,
      longestMs: Math.max(0, ...long),
      cpuLongTasks: tasks.filter((t) => t.cpuMs > 50).length,
      longestCpuMs: Math.max(0, ...tasks.map((t) => t.cpuMs)),
      mainCpuS: tasks.reduce((sum, t) => sum + t.cpuMs, 0) / 1000,
    });
  }
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await context.close();
  const f = (x: number) => x.toFixed(1);
  console.log(
    `lab sweep — ${RUNS} runs (${QUERY}, 5 leverages × 20 shocks × 8 seeds), ` +
      `${os.availableParallelism()} CLI threads, ${cores} browser workers, load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log('                      first run   second run');
  console.log(`CLI runs/s            ${f(cli[0]).padStart(9)}   ${f(cli[1]).padStart(10)}`);
  console.log(
    `browser pool runs/s   ${f(browser[0].perSecond).padStart(9)}   ${f(browser[1].perSecond).padStart(10)}`,
  );
  console.log(
    `browser / CLI         ${f((100 * browser[0].perSecond) / cli[0]).padStart(8)}%   ${f((100 * browser[1].perSecond) / cli[1]).padStart(9)}%`,
  );
  console.log(
    `main-thread long tasks, wall ${browser.map((b) => `${b.longTasks} (longest ${f(b.longestMs)} ms)`).join(', ')}`,
  );
  console.log(
    `main-thread long tasks, CPU ${browser.map((b) => `${b.cpuLongTasks} (longest ${f(b.longestCpuMs)} ms)`).join(', ')}`,
  );
  console.log(`main-thread CPU s       ${browser.map((b) => f(b.mainCpuS)).join(', ')}`);
}
