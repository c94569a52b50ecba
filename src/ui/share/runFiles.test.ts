import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { defaultScenario, reportJson } from '../../scenario';
import { scalarCsvLines } from '../../scenario/export';
import { COMPARE_RUN } from '../../state/slices';
import { createAppStore } from '../../state/store';
import { hasRun, runFile } from './runFiles';

const a = { ...defaultScenario(), positions: 300, steps: 20, shockStep: 5, seed: 4 };
const b = { ...a, leverage: a.leverage / 2 };

/** A store holding run A and, in compare mode, run B, each fully played. */
function storeWith(compare: boolean) {
  const store = createAppStore(a);
  const s = store.getState();
  const ranA = runScenario(a);
  const g = s.beginRun();
  s.runReady(g, ranA.info);
  s.applyFrames(g, [ranA.frames], ranA.report, true);
  const ranB = runScenario(b);
  if (compare) {
    s.setCompare(b);
    const gb = s.beginRun(COMPARE_RUN);
    s.runReady(gb, ranB.info, null, COMPARE_RUN);
    s.applyFrames(gb, [ranB.frames], ranB.report, true, COMPARE_RUN);
  }
  return { store, ranA, ranB };
}

const lines = async (blob: Blob) => (await blob.text()).trimEnd().split('\n');

describe('run files', () => {
  it('outside compare mode: the primary run, untagged, and no B', async () => {
    const { store, ranA } = storeWith(false);
    const s = store.getState();
    const frames = await runFile(s, 'frames');
    expect(frames?.filename).toBe('cascade-lab-seed4-frames.csv');
    expect(await lines(frames!.blob)).toEqual([...scalarCsvLines(ranA.frames)]);
    expect(hasRun(s, 'b')).toBe(false);
    expect(await runFile(s, 'report', 'b')).toBeNull();
  });

  it('in compare mode: A’s and B’s files, each in the CLI shape of its own run', async () => {
    const { store, ranA, ranB } = storeWith(true);
    const s = store.getState();
    expect(hasRun(s, 'a') && hasRun(s, 'b')).toBe(true);
    const fa = await runFile(s, 'frames', 'a');
    const fb = await runFile(s, 'frames', 'b');
    expect(fa?.filename).toBe('cascade-lab-seed4-a-frames.csv');
    expect(fb?.filename).toBe('cascade-lab-seed4-b-frames.csv');
    expect(await lines(fa!.blob)).toEqual([...scalarCsvLines(ranA.frames)]);
    expect(await lines(fb!.blob)).toEqual([...scalarCsvLines(ranB.frames)]);
    expect(fb && (await fb.blob.text())).not.toEqual(fa && (await fa.blob.text()));
    const rb = await runFile(s, 'report', 'b');
    expect(rb?.filename).toBe('cascade-lab-seed4-b-report.json');
    expect(await rb!.blob.text()).toBe(reportJson(ranB.report, b));
    const buckets = await runFile(s, 'buckets', 'b');
    expect(buckets?.filename).toBe('cascade-lab-seed4-b-buckets.csv');
  });

  it('has no B file before B has run a step', async () => {
    const { store } = storeWith(false);
    store.getState().setCompare(b);
    expect(hasRun(store.getState(), 'b')).toBe(false);
    expect(await runFile(store.getState(), 'frames', 'b')).toBeNull();
  });
});
