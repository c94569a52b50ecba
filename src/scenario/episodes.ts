/**
 * What was reported of the episodes the episode presets (presets.ts) are named after, as data:
 * each figure as the sources give it, where from, and how far the model's figure may be from it
 * before it counts as a miss. The app shows the run's figure beside each one; nothing here is
 * fitted, and the presets' values were not bent to match (docs/model.md, "Episodes").
 *
 * What the model cannot represent, and so which misses follow: one asset and one venue (the
 * reported totals are across venues and coins, so liquidated notional is compared by order of
 * magnitude only); isolated margin only (no cross-margin collateral, no de-pegged collateral);
 * no positions opened during the run (dip buyers who re-lever are missing); one shock leg
 * (March 2020 fell in two legs twelve hours apart); a one-way shock with no rebound, so almost no
 * shorts are liquidated; no exchange outages (BitMEX's 25 minutes on 13 March 2020).
 */

import type { RunReport } from '../engine/report';
import { changedFrom, MAX_CHANGED } from './episodeNames';
import type { ParamKey, Scenario } from './params';
import { findPreset, type Preset } from './presets';

/** A figure the app can read off a run's report. */
export type EpisodeMeasure =
  'drawdown' | 'minutesToBottom' | 'liquidated' | 'longShare' | 'oiShare' | 'adl';

export interface ReportedFigure {
  measure: EpisodeMeasure;
  /** As the sources put it, for people. */
  reported: string;
  /** The reported value or range, in the measure's unit (fraction, minutes, USD, 1 = yes). */
  low: number;
  high: number;
  /** How far outside [low, high] still counts as close: plus or minus, or times and over. */
  within: { abs: number } | { factor: number };
  source: string;
  url?: string;
  /** Why the model cannot be expected to match, where it cannot. */
  note?: string;
}

export interface Episode {
  /** The preset's name. */
  preset: string;
  figures: readonly ReportedFigure[];
}

const ONE_VENUE = 'One venue and coin against a market: size only.';

export const EPISODES: readonly Episode[] = [
  {
    preset: 'march-2020',
    figures: [
      {
        measure: 'drawdown',
        reported: '−51 % ($7,353 → $3,596, BitMEX XBTUSD)',
        low: 0.51,
        high: 0.51,
        within: { abs: 0.05 },
        source: 'LedgerPrime, “Crypto’s Black Thursday”',
        url: 'https://www.research.ledgerprime.com/p/cryptos-black-thursday-the-market',
      },
      {
        measure: 'minutesToBottom',
        reported: 'about 16 h (10:00 to 02:00 UTC), two legs',
        low: 900,
        high: 1000,
        within: { factor: 1.5 },
        source: 'LedgerPrime, “Crypto’s Black Thursday”',
        url: 'https://www.research.ledgerprime.com/p/cryptos-black-thursday-the-market',
        note: 'The model has one shock leg.',
      },
      {
        measure: 'liquidated',
        reported: 'about $0.86 billion on BitMEX',
        low: 0.86e9,
        high: 0.86e9,
        within: { factor: 1.5 },
        source: 'Skew data, as reported by CryptoAdventure',
        url: 'https://cryptoadventure.com/bitcoins-freefall-sees-bitmex-take-a-massive-tumble/',
      },
      {
        measure: 'longShare',
        reported: 'mostly longs',
        low: 0.5,
        high: 1,
        within: { abs: 0 },
        source: 'LedgerPrime, “Crypto’s Black Thursday”',
        url: 'https://www.research.ledgerprime.com/p/cryptos-black-thursday-the-market',
      },
    ],
  },
  {
    preset: 'may-2021',
    figures: [
      {
        measure: 'drawdown',
        reported: 'about −30 % ($43,000 → about $30,000 intraday)',
        low: 0.28,
        high: 0.31,
        within: { abs: 0.05 },
        source: 'Exchange prices, as reported',
        note: 'No new positions, no other coins: the fall stops earlier.',
      },
      {
        measure: 'liquidated',
        reported: '$8.6 billion in 24 h across the market; bitcoin about half',
        low: 4.3e9,
        high: 4.3e9,
        within: { factor: 1.5 },
        source: 'Bybt (now CoinGlass), as reported by BeInCrypto',
        url: 'https://beincrypto.com/thousands-of-crypto-traders-liquidated',
        note: ONE_VENUE,
      },
      {
        measure: 'longShare',
        reported: 'mostly longs',
        low: 0.5,
        high: 1,
        within: { abs: 0 },
        source: 'Bybt, as reported in the press',
      },
    ],
  },
  {
    preset: 'october-2025',
    figures: [
      {
        measure: 'drawdown',
        reported: '−15 % to −17 % ($122,500 → $102,000–$104,800)',
        low: 0.145,
        high: 0.17,
        within: { abs: 0.03 },
        source: 'Blockscope Research',
        url: 'https://research.blockscope.co/the-october-crash',
      },
      {
        measure: 'minutesToBottom',
        reported: 'about 25–40 min (from 20:50 UTC)',
        low: 25,
        high: 40,
        within: { factor: 1.5 },
        source: 'Amberdata, as reported',
      },
      {
        measure: 'liquidated',
        reported: '$10.3 billion on Hyperliquid ($19 billion across venues)',
        low: 10.3e9,
        high: 10.3e9,
        within: { factor: 1.5 },
        source: 'CoinGlass, as reported',
        note: ONE_VENUE,
      },
      {
        measure: 'longShare',
        reported: 'about 85–90 % longs ($16.7 of $19 billion)',
        low: 0.85,
        high: 0.9,
        within: { abs: 0.05 },
        source: 'CoinGlass, 2025 report',
        note: 'A one-way shock liquidates almost no shorts.',
      },
      {
        measure: 'oiShare',
        reported: 'about 9 % ($19 billion of $217 billion open interest)',
        low: 0.09,
        high: 0.09,
        within: { abs: 0.05 },
        source: 'Amberdata, CoinGlass, as reported',
        note: 'The model’s open interest is all leveraged, near the price.',
      },
      {
        measure: 'adl',
        reported: 'yes (Hyperliquid, first in two years)',
        low: 1,
        high: 1,
        within: { abs: 0 },
        source: 'Hyperliquid, as reported in the press',
      },
    ],
  },
];

export const findEpisode = (preset: string): Episode | undefined =>
  EPISODES.find((e) => e.preset === preset);

/**
 * The episode a scenario is, or is a small what-if of (a few values changed, which it names):
 * "March 2020 with a smoothed mark price" is still compared with March 2020.
 */
export function nearestEpisode(
  scenario: Scenario,
): { episode: Episode; preset: Preset; changed: ParamKey[] } | undefined {
  let best: ReturnType<typeof nearestEpisode>;
  for (const episode of EPISODES) {
    const preset = findPreset(episode.preset);
    const changed = changedFrom(episode.preset, scenario);
    if (!preset || !changed) continue;
    if (changed.length <= MAX_CHANGED && (!best || changed.length < best.changed.length)) {
      best = { episode, preset, changed };
    }
  }
  return best;
}

/** The report's figures a comparison reads. */
export type EpisodeReport = Pick<
  RunReport,
  | 'maxDrawdown'
  | 'maxDrawdownStep'
  | 'liquidatedNotional'
  | 'liquidatedLong'
  | 'oiLiquidatedShare'
  | 'adlNotional'
>;

/** The run's value of a measure, or null where it has none yet (no fall, nothing liquidated). */
export function measureOf(
  measure: EpisodeMeasure,
  r: EpisodeReport,
  scenario: Pick<Scenario, 'shockStep'>,
): number | null {
  switch (measure) {
    case 'drawdown':
      return r.maxDrawdown;
    case 'minutesToBottom':
      return r.maxDrawdownStep < 0 ? null : Math.max(0, r.maxDrawdownStep - scenario.shockStep);
    case 'liquidated':
      return r.liquidatedNotional;
    case 'longShare':
      return r.liquidatedNotional > 0 ? r.liquidatedLong / r.liquidatedNotional : null;
    case 'oiShare':
      return r.oiLiquidatedShare;
    case 'adl':
      return r.adlNotional > 0 ? 1 : 0;
  }
}

/** Close: within the stated tolerance. Order: within ten times either way. Miss: neither. */
export type Verdict = 'close' | 'order' | 'miss';

/** How the model's value stands against a reported figure. */
export function verdictOf(figure: ReportedFigure, value: number): Verdict {
  const { low, high, within } = figure;
  const close =
    'abs' in within
      ? value >= low - within.abs && value <= high + within.abs
      : value >= low / within.factor && value <= high * within.factor;
  if (close) return 'close';
  // An order of magnitude says something about sizes and times, nothing about shares or yes/no.
  const scaled = figure.measure === 'liquidated' || figure.measure === 'minutesToBottom';
  return scaled && value >= low / 10 && value <= high * 10 ? 'order' : 'miss';
}
