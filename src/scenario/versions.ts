/**
 * The link versions and what changed between them. Encoding leaves out parameters at their
 * default, so a version's defaults are frozen: an old link means the old defaults for every key
 * it leaves out, and its migration writes them in.
 *
 * v=2 (issue 7, the market half) made the realistic choices the defaults: an index-based,
 * smoothed mark; makers quoting around fair value, arbitrage within a band of it, withdrawal on
 * stress the market measures itself; the index coupled to this venue as to a mid-sized venue's;
 * account sizes that do not change with the count. `last` and the v=1 market stay available as
 * the instructive, cascade-prone design. The default median leverage moved from 10× to 20× so
 * that the first screen still shows a cascade under those defaults (docs/model.md, "Market").
 */

import type { ParamKey, Scenario } from './params';
import type { RawPair } from './query';
import { formatValue } from './values';
import { PARAMS } from './params';

/**
 * The v=1 default of every parameter whose default changed in v=2 (or that v=1 did not have:
 * its v=1 value is the behaviour v=1 had). Other parameters kept their v=1 default.
 */
export const V1_DEFAULTS: Partial<Scenario> = {
  leverage: 10,
  mark: 'last',
  venueWeight: 0.05,
  quoteMid: 'last',
  arbBand: 0,
  withdrawOn: 'volatility',
  sizing: 'count',
};

/** v=1 → v=2: every key the link leaves out gets its v=1 default, written out. */
export function migrateV1(pairs: readonly RawPair[]): RawPair[] {
  const given = new Set(pairs.map(([k]) => k));
  const out = pairs.slice();
  for (const [key, value] of Object.entries(V1_DEFAULTS) as [ParamKey, never][]) {
    if (!given.has(key)) out.push([key, formatValue(PARAMS[key], value)]);
  }
  return out;
}
