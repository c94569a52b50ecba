import { describe, expect, it } from 'vitest';
import { createFrameBatch, sliceFrameBatch } from '../engine/frame';
import { runScenario } from '../engine/run';
import { defaultScenario } from '../scenario';
import { PROTOCOL_VERSION, checkChanges, checkReportsRequest, checkResponse } from './protocol';

const run = runScenario({ ...defaultScenario(), positions: 300, steps: 20, shockStep: 5 });
const stamp = { runId: 'main', generation: 1 };
const batch = () => sliceFrameBatch(run.frames, 0, 5);
const opening = () => sliceFrameBatch(run.frames, 0, 1);
const ready = { ...stamp, type: 'ready', protocol: PROTOCOL_VERSION, info: run.info };

describe('response check', () => {
  it('passes every message the run loop sends', () => {
    expect(checkResponse({ ...ready, opening: opening() })).toBeNull();
    expect(checkResponse({ ...stamp, type: 'frames', batch: batch(), report: run.report })).toBe(
      null,
    );
    expect(checkResponse({ ...stamp, type: 'done', report: run.report })).toBeNull();
    expect(checkResponse({ ...stamp, type: 'error', message: 'boom' })).toBeNull();
    expect(checkResponse({ ...stamp, type: 'paused', step: 12 })).toBeNull();
    expect(checkResponse({ ...stamp, type: 'heartbeat', step: 0 })).toBeNull();
    expect(
      checkResponse({
        ...stamp,
        type: 'frames',
        batch: createFrameBatch(0, 4),
        report: run.report,
      }),
    ).toBeNull();
  });

  it('lets a ready of another protocol through, so the page can say the worker is out of date', () => {
    expect(checkResponse({ ...stamp, type: 'ready', protocol: 1, info: { old: true } })).toBeNull();
  });

  it('says what is wrong with a malformed message', () => {
    expect(checkResponse(null)).toBe('not an object');
    expect(checkResponse({ type: 'frames' })).toBe('frames has no run id or generation');
    expect(checkResponse({ ...stamp, type: 'hello' })).toBe('unknown type "hello"');
    expect(checkResponse({ ...stamp, type: 'ready', info: run.info })).toBe(
      'ready has no protocol version',
    );
    expect(
      checkResponse({ ...ready, info: { ...run.info, steps: '600' }, opening: opening() }),
    ).toBe('ready info.steps is not a number');
    expect(checkResponse(ready)).toBe('ready opening has no batch');
    expect(checkResponse({ ...ready, opening: batch() })).toBe('ready opening is not one row');
    expect(checkResponse({ ...ready, opening: { ...opening(), scalars: null } })).toBe(
      'ready opening batch has no columns',
    );
    expect(
      checkResponse({ ...stamp, type: 'frames', batch: batch(), report: { maxDrawdown: 0.1 } }),
    ).toBe('frames report.stepsRun is not a number');
    expect(checkResponse({ ...stamp, type: 'done', report: undefined })).toBe('done has no report');
    expect(checkResponse({ ...stamp, type: 'error' })).toBe('error has no message');
    expect(checkResponse({ ...stamp, type: 'paused' })).toBe('paused has no step');
    expect(checkResponse({ ...stamp, type: 'heartbeat', step: -1 })).toBe('heartbeat has no step');
  });

  it('catches missing, mistyped, short or detached columns and bad sizes', () => {
    const missing = batch();
    delete (missing.scalars as Partial<typeof missing.scalars>).close;
    const mistyped = batch();
    (mistyped.buckets as Record<string, unknown>).realised = new Float64Array(5 * 160);
    const detached = batch();
    structuredClone(detached.scalars.mark.buffer, { transfer: [detached.scalars.mark.buffer] });
    const cases: [unknown, string][] = [
      [missing, 'frames column close is missing or short'],
      [mistyped, 'frames column realised is missing or short'],
      [detached, 'frames column mark is missing or short'],
      [{ ...batch(), count: 6 }, 'frames batch has more rows than room'],
      [{ ...batch(), count: -1 }, 'frames batch has bad sizes'],
      [{ ...batch(), scalars: null }, 'frames batch has no columns'],
      [undefined, 'frames has no batch'],
    ];
    for (const [b, why] of cases) {
      expect(checkResponse({ ...stamp, type: 'frames', batch: b, report: run.report })).toBe(why);
    }
  });
});

describe('report-only batches', () => {
  it('passes a report and says what is wrong with a malformed one', () => {
    const report = { ...stamp, type: 'report', index: 3, report: run.report };
    expect(checkResponse(report)).toBeNull();
    expect(checkResponse({ ...report, index: -1 })).toBe('report has no job index');
    expect(checkResponse({ ...report, index: undefined })).toBe('report has no job index');
    expect(checkResponse({ ...report, report: { stepsRun: 1 } })).toBe(
      'report report.maxDrawdown is not a number',
    );
  });

  it('checks a reports request before any of it runs', () => {
    const scenario = { ...defaultScenario(), positions: 300, steps: 20 };
    const ok = { type: 'reports', runId: 'sweep', jobs: [{ index: 0, scenario }] };
    expect(checkReportsRequest(ok)).toBeNull();
    expect(checkReportsRequest({ ...ok, jobs: [] })).toBeNull();
    expect(checkReportsRequest(null)).toBe('not a reports request');
    expect(checkReportsRequest({ ...ok, runId: 7 })).toBe('reports has no run id');
    expect(checkReportsRequest({ ...ok, jobs: 'all' })).toBe('reports has no job list');
    expect(checkReportsRequest({ ...ok, jobs: [{ index: 1.5, scenario }] })).toBe(
      'a reports job has no index',
    );
    expect(checkReportsRequest({ ...ok, jobs: [{ index: 2 }] })).toBe(
      'reports job 2 has no scenario',
    );
    const late = { ...scenario, changes: [{ step: scenario.steps, param: 'noise', factor: 2 }] };
    expect(checkReportsRequest({ ...ok, jobs: [{ index: 3, scenario: late }] })).toBe(
      'reports job 3: change 0 is not one the engine can apply within the run',
    );
  });

  it('checks scripted changes: absent, or a short list the engine can apply', () => {
    const s = { ...defaultScenario(), steps: 100 };
    const change = { step: 99, param: 'index', factor: 0.9 };
    expect(checkChanges(s)).toBeNull();
    expect(checkChanges({ ...s, changes: [change] })).toBeNull();
    expect(checkChanges({ ...s, changes: [] })).toBeNull();
    expect(checkChanges({ ...s, changes: 'all' })).toBe('changes is not a list of at most 8');
    expect(checkChanges({ ...s, changes: Array(9).fill(change) })).toBe(
      'changes is not a list of at most 8',
    );
    for (const bad of [
      { ...change, step: 100 },
      { ...change, param: 'leverage' },
      { ...change, factor: 2 },
      { ...change, factor: '0.9' },
      null,
    ])
      expect(checkChanges({ ...s, changes: [change, bad] })).toBe(
        'change 1 is not one the engine can apply within the run',
      );
    expect(checkChanges(null)).toBe('no scenario');
  });
});
