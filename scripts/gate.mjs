#!/usr/bin/env node
// The gate behind `npm test` (and so CI): every check, and the exit code says whether all passed.
//
// The static checks run first, side by side, and stop the gate if one fails (a type error makes
// every later failure noise). Then the unit tests run beside the build and the browser journeys:
// the journeys mostly wait on the page and the unit tests mostly compute, so on two cores the
// pair takes little more than the longer of them, instead of their sum (about 16 minutes in a
// row on CI in December 2026). Each line of output is prefixed with its task's name; a task's
// end says how long it took.
import { spawn } from 'node:child_process';

/** @typedef {{ name: string, scripts: string[] }} Task  A name, and npm scripts run in turn. */

/** @type {Task[]} */
const CHECKS = [
  { name: 'typecheck', scripts: ['typecheck'] },
  { name: 'lint', scripts: ['lint'] },
  { name: 'format', scripts: ['format:check'] },
];
/** @type {Task[]} */
const TESTS = [
  { name: 'unit', scripts: ['unit'] },
  { name: 'e2e', scripts: ['build:e2e', 'e2e'] },
];

const children = new Set();

/**
 * Runs one npm script, its output prefixed line by line; resolves to its exit code.
 * @param {string} task @param {string} script @returns {Promise<number>}
 */
function runScript(task, script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const prefix = `[${task}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(prefix + line + '\n');
      });
      stream.on('end', () => rest && process.stdout.write(prefix + rest + '\n'));
    }
    child.on('error', (error) => {
      process.stdout.write(`${prefix}could not start npm run ${script}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs a task's scripts in order, stopping at the first that fails. @param {Task} task */
async function runTask(task) {
  const started = Date.now();
  let code = 0;
  for (const script of task.scripts) {
    code = await runScript(task.name, script);
    if (code !== 0) break;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `gate: ${task.name} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`,
  );
  return { name: task.name, code };
}

/** Runs tasks side by side; returns the names of those that failed. @param {Task[]} tasks */
async function runAll(tasks) {
  const results = await Promise.all(tasks.map(runTask));
  return results.filter((r) => r.code !== 0).map((r) => r.name);
}

function stopAll() {
  for (const child of children) child.kill('SIGTERM');
  process.exit(130);
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

const started = Date.now();
let failed = await runAll(CHECKS);
if (failed.length === 0) failed = await runAll(TESTS);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failed.length > 0) {
  console.log(`gate: FAILED (${failed.join(', ')}) after ${minutes} min`);
  process.exit(1);
}
console.log(`gate: all passed in ${minutes} min`);
