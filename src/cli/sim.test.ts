import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the CLI as a user would; decoding fails before the engine is loaded. */
function sim(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sim command line', () => {
  it('exits 2 with one line naming the field for a bad link', () => {
    const { status, stdout, stderr } = sim(
      'https://cascade.example/lab?v=1&leverage=abc',
      '--json',
    );
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('cascade-sim: leverage: "abc" is not a number\n');
  }, 60_000);

  it('exits 2 with one line for a link from a newer version or an unknown option', () => {
    const newer = sim('v=2&seed=1');
    expect(newer.status).toBe(2);
    expect(newer.stderr.trimEnd().split('\n')).toHaveLength(1);
    const flag = sim('--frobnicate');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('cascade-sim: unknown option "--frobnicate" (see --help)\n');
  }, 60_000);

  it('prints the report and the normalised scenario as JSON', () => {
    const { status, stdout, stderr } = sim('?seed=5&positions=1000&steps=50', '--json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenario).toMatchObject({ seed: 5, positions: 1000, steps: 50 });
    for (const key of ['maxDrawdown', 'liquidatedNotional', 'amplification', 'conservationError']) {
      expect(typeof out[key], key).toBe('number');
    }
    expect(out.stepsRun).toBe(50);
  }, 60_000);
});
