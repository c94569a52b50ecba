/** The CLI as a user runs it, for the CLI's tests: a child process, its exit code and output. */

import { spawnSync } from 'node:child_process';

/**
 * Runs `sim` with `args` from the project's root. Node loads tsx itself (no `npx` in between:
 * it cost each call about a second).
 */
export function sim(...args: string[]): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' },
    timeout: 300_000, // a hang, not a slow machine (vite.config.ts)
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
