/**
 * Directional checks of the engine through the sweep, over seeds (model.md, "Criticality"): the
 * critical shock moves toward zero as leverage rises and away from it as liquidity rises.
 * Small on purpose (1,000 positions, 150 steps, 6 seeds, report-only runs) so it stays quick on
 * a busy machine; the timeouts leave room for one.
 */

import { describe, expect, it } from 'vitest';
import { criticalShocks } from '../scenario/analysis/sweepRows';
import { parseSweepArgs, runSweep } from './sweep';

const LINK = 'v=1&positions=1000&steps=150';

/** Critical shock size (positive; Infinity if P(cascade) never reaches 1/2) per value of `name`. */
async function criticalBy(name: string, values: string): Promise<Map<number, number>> {
  const args = parseSweepArgs(
    [LINK, '--vary', 'shock=-1:-14:1', '--vary', `${name}=${values}`, '--seeds', '6'],
    () => {},
  );
  const rows = await runSweep(args);
  const out = new Map<number, number>();
  for (const c of criticalShocks(rows, args.names)) {
    out.set(
      c.point[name as 'leverage'] as number,
      c.criticalShock === null ? Infinity : -c.criticalShock,
    );
  }
  return out;
}

describe('the critical shock, over seeds', () => {
  it('moves toward zero as leverage rises (5×, 10×, 25×)', async () => {
    const c = await criticalBy('leverage', '5,10,25');
    expect(c.get(5)).toBeGreaterThan(c.get(10)!);
    expect(c.get(10)).toBeGreaterThan(c.get(25)!);
  });

  it('moves away from zero as liquidity rises ($5 M, $20 M, $80 M within 1 %)', async () => {
    const c = await criticalBy('liquidity', '5000000,20000000,80000000');
    expect(c.get(5e6)).toBeLessThan(c.get(2e7)!);
    expect(c.get(2e7)).toBeLessThan(c.get(8e7)!);
  });
});
