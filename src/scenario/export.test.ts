import { describe, expect, it } from 'vitest';
import { bucketCsvLines, float32Text, reportJson, scalarCsvLines } from './export';
import { BUCKET_COLUMNS, SCALAR_COLUMNS, createFrameBatch } from '../engine/frame';
import type { RunInfo } from '../engine/frame';
import { runScenario } from '../engine/run';
import { defaultScenario } from './params';

function batch() {
  const b = createFrameBatch(3, 2);
  b.count = 2;
  b.scalars.step.set([0, 1]);
  b.scalars.close.set([60000, 59876.5]);
  b.buckets.predicted.set([1.5, 2, 0.1, 4]);
  b.buckets.bid.set([100, 200, 300, 400]);
  b.buckets.estimated.set([1, 0, 0, 3]);
  return b;
}

const info: RunInfo = {
  steps: 2,
  bucketCount: 2,
  bucketLow: 50000,
  bucketHigh: 70000,
  startPrice: 60000,
  openInterest: 1e9,
  liquidity: 2e7,
  shockStep: 1,
  shockSteps: 1,
};

describe('scalar frames CSV', () => {
  it('has a header of every scalar column and one row per filled step', () => {
    const lines = [...scalarCsvLines(batch())];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(SCALAR_COLUMNS.join(','));
    const close = SCALAR_COLUMNS.indexOf('close');
    expect(lines[2].split(',')[close]).toBe('59876.5');
    expect(lines[2].split(',')).toHaveLength(SCALAR_COLUMNS.length);
  });
});

describe('bucket frames CSV', () => {
  it('writes one row per step and bucket with the bucket price edges', () => {
    const lines = [...bucketCsvLines(batch(), info)];
    expect(lines[0]).toBe(`step,bucketLow,bucketHigh,${BUCKET_COLUMNS.join(',')}`);
    expect(lines.slice(1)).toEqual([
      '0,50000,60000,1.5,0,100,0,0,1',
      '0,60000,70000,2,0,200,0,0,0',
      '1,50000,60000,0.1,0,300,0,0,0',
      '1,60000,70000,4,0,400,0,0,3',
    ]);
  });

  it('writes float32 values as their shortest text', () => {
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(Math.fround(123456.789))).toBe('123456.79');
    expect(float32Text(Math.fround(16777217))).toBe('16777216');
    expect(float32Text(NaN)).toBe('NaN');
  });
});

describe('report JSON', () => {
  it('holds every report key and the scenario, and parses back to them', () => {
    const scenario = { ...defaultScenario(), positions: 300, steps: 60, shockStep: 10 };
    const { report } = runScenario(scenario);
    const text = reportJson(report, scenario);
    expect(text.endsWith('}\n')).toBe(true);
    const back = JSON.parse(text);
    expect(Object.keys(back)).toEqual([...Object.keys(report), 'scenario']);
    expect(back.scenario).toEqual(scenario);
    expect(back.liquidatedNotional).toBe(report.liquidatedNotional);
  });
});
