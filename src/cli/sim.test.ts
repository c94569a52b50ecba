import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './runSim.testing';

describe('sim command line', () => {
  it('exits 2 with one line naming the field for a bad link', () => {
    const { status, stdout, stderr } = sim(
      'https://cascade.example/lab?v=1&leverage=abc',
      '--json',
    );
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('cascade-sim: leverage: "abc" is not a number\n');
  });

  it('exits 2 with one line for a link from a newer version or an unknown option', () => {
    const newer = sim('v=3&seed=1');
    expect(newer.status).toBe(2);
    expect(newer.stderr.trimEnd().split('\n')).toHaveLength(1);
    const flag = sim('--frobnicate');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('cascade-sim: unknown option "--frobnicate" (see --help)\n');
  });

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
  });

  it('runs the scripted changes of a link, and refuses one it cannot apply', () => {
    const base = '?seed=5&positions=1000&steps=80&shock=-1&shockStep=10';
    const plain = JSON.parse(sim(base, '--json').stdout);
    const run = sim(`${base}&change=40:index*0.8`, '--json');
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.scenario.changes).toEqual([{ step: 40, param: 'index', factor: 0.8 }]);
    // A 20 % drop of the index at step 40, on top of a 1 % shock.
    expect(out.maxDrawdown).toBeGreaterThan(0.15);
    expect(plain.maxDrawdown).toBeLessThan(0.1);
    const text = sim(`${base}&change=40:index*0.8`);
    expect(text.stdout).toContain('; at step 40 the index drops 20 %');
    expect(text.stdout).toContain('&change=40:index*0.8');
    const bad = sim(`${base}&change=90:index*0.8`);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'cascade-sim: change: "90:index*0.8" is not before the end of the run (steps = 80)\n',
    );
  });

  it('refuses, before the run, output files it cannot write: a folder, a missing folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-sim-'));
    try {
      const folder = sim('v=1&positions=1000&steps=50', '--json', '--frames', dir);
      expect(folder.status).toBe(2);
      expect(folder.stdout).toBe('');
      expect(folder.stderr).toBe(`cascade-sim: cannot write ${dir}: it is a folder\n`);
      const missing = join(dir, 'no', 'such.csv');
      const absent = sim('v=1&positions=1000&steps=50', '--buckets', missing);
      expect(absent.status).toBe(2);
      expect(absent.stderr).toBe(
        `cascade-sim: cannot write ${missing}: its folder does not exist\n`,
      );
      // A writable path is checked without leaving a file behind when the link then fails.
      const good = join(dir, 'frames.csv');
      expect(sim('v=1&leverage=abc', '--frames', good).status).toBe(2);
      expect(existsSync(good)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the presets, name first, and as JSON', () => {
    const plain = sim('presets');
    expect(plain.status).toBe(0);
    expect(plain.stdout.split('\n')[0]).toMatch(/^calm\t/);
    const json = sim('presets', '--json');
    expect(json.status).toBe(0);
    const rows = JSON.parse(json.stdout) as { name: string; title: string; lesson: string }[];
    expect(rows.map((r) => r.name)).toContain('october-2025');
    expect(Object.keys(rows[0]).sort()).toEqual(['lesson', 'name', 'title']);
  });

  it('refuses an unknown preset with one line, and a preset beside a link', () => {
    const unknown = sim('--preset', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('cascade-sim: unknown preset "nope" (see `sim presets`)\n');
    expect(sim('--preset', 'calm', 'v=1').status).toBe(2);
  });
});
