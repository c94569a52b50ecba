import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runReport } from '../engine/run';
import { decodeScenario, encodeScenario } from './codec';
import { defaultScenario, PARAMS } from './params';
import { V1_DEFAULTS } from './versions';

/** Report figures added after the digests below were recorded: a new figure is not a change. */
const ADDED_SINCE = new Set(['openInterest', 'openInterestOneSided', 'oiOneSidedLiquidatedShare']);
const LATER_FIGURES = /^(estimate|adlShortfall|adlExcess|adlHaircut)/;
const recordedFigure = (key: string) => !ADDED_SINCE.has(key) && !LATER_FIGURES.test(key);

const digest = (link: string) => {
  const d = decodeScenario(link);
  if (!d.ok) throw new Error(d.error.message);
  const recorded = Object.entries(runReport(d.scenario)).filter(([key]) => recordedFigure(key));
  return createHash('sha256')
    .update(JSON.stringify(Object.fromEntries(recorded)))
    .digest('hex')
    .slice(0, 16);
};

describe('link versions', () => {
  // Digests of each link's report computed with main's engine and codec before v=2 (157db5e). The
  // two venue-engine links were recomputed when the venue engines' fund and vault became bound to
  // carry their stock unlevered (issue 7, the fund capacity rule): their stock now stops at the
  // fund's equity and the rest goes to ADL (binance: peak stock $10.6M → $5.1M, ADL $0 → $5.5M,
  // same drawdown; hyperliquid: fund stock $75.2M → $5.0M, ADL $0 → $70.8M, drawdown 14.80 →
  // 14.05 %). The generic links are unchanged: the rule is the venue engines' only.
  it.each([
    [
      'v=1&seed=1&positions=5000&steps=200&leverage=10&liquidity=20000000&longShare=0.7&shock=-8&mark=last',
      '380d8ff76b7228b6',
    ],
    [
      'v=1&seed=7&positions=3000&steps=240&leverage=25&liquidity=20000000&longShare=0.7&shock=-6&mark=smoothed&engine=binance',
      'a8a50e3b85f4bb57',
    ],
    [
      'v=1&seed=3&positions=2000&steps=150&leverage=10&liquidity=5000000&longShare=0.5&shock=4&mark=last&backstop=20000000&engine=hyperliquid',
      '47d568ee40bc4e2e',
    ],
    ['v=1&seed=2&positions=4000&steps=200', '8f1bf95bc964c5da'],
  ])('opens %s as the v=1 scenario it named, report bit for bit', (link, expected) => {
    expect(digest(link)).toBe(expected);
  });

  it('gives a v=1 link the v=1 defaults for every key it leaves out', () => {
    const d = decodeScenario('v=1&seed=5');
    expect(d.ok && d.corrections).toEqual([]);
    expect(d.ok && d.scenario).toEqual({ ...defaultScenario(), ...V1_DEFAULTS, seed: 5 });
  });

  it('keeps what a v=1 link gave explicitly', () => {
    const d = decodeScenario('v=1&mark=smoothed&leverage=3');
    expect(d.ok && d.scenario).toMatchObject({ mark: 'smoothed', leverage: 3, quoteMid: 'last' });
  });

  it('lists only keys whose default moved (or that v=1 did not have), each a valid value', () => {
    for (const [key, value] of Object.entries(V1_DEFAULTS)) {
      const spec = PARAMS[key as keyof typeof PARAMS];
      expect(value, key).not.toEqual(spec.default);
    }
  });

  it('re-encodes a migrated v=1 link as v=2 that opens the same scenario', () => {
    const d = decodeScenario('v=1&seed=9&shock=-5');
    if (!d.ok) throw new Error('not ok');
    const v2 = encodeScenario(d.scenario);
    expect(v2).toMatch(/^v=2&/);
    expect(v2).toContain('mark=last');
    expect(v2).toContain('quoteMid=last');
    const again = decodeScenario(v2);
    expect(again.ok && again.scenario).toEqual(d.scenario);
  });
});
