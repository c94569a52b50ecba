/**
 * Guided tours: each a table of stages, data only. A stage names its scenario (a preset, and
 * values on top), the controls it shows, a short note and the key moments the run stops at
 * (event flags the worker pauses on exactly). The last stage of every tour is the sandbox, with
 * every control.
 *
 * The figures in the notes are those of the stage's scenario at its seed (`npm run sim -- --preset
 * NAME`), so a note never says more than the run shows (tests hold the heatmap tour's figures to
 * the run's frames). Scripted changes during a run (e.g. "makers pull half their depth at
 * minute 70") need an engine hook and are not offered yet.
 */

import { EVENT, type EventName } from '../engine/frame';
import type { ParamKey, Scenario } from './params';
import { findPreset } from './presets';

export interface TourStage {
  readonly title: string;
  /** The preset the stage runs, with `values` on top. */
  readonly preset: string;
  readonly values?: Partial<Scenario>;
  /** The controls shown; 'all' in the sandbox. */
  readonly show: readonly ParamKey[] | 'all';
  /** What to look at, in a sentence or three (shown over the price chart). */
  readonly note: string;
  /** The moments the run stops at, in the order they happen. */
  readonly moments: readonly EventName[];
  /**
   * The preset this stage changes one thing of. Today the note says what changed; compare mode
   * can later run both side by side.
   */
  readonly compareWith?: string;
  /** The heatmap shows the terminal-style estimate (absent: the true map). */
  readonly map?: 'estimated';
}

export interface Tour {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly stages: readonly TourStage[];
}

/** What each event is called when a tour stops at it. */
export const MOMENT_LABELS: Record<EventName, string> = {
  SHOCK: 'the shock',
  CASCADE_START: 'the first wave',
  BOOK_DRY: 'the book running dry',
  FUND_EXHAUSTED: 'the insurance fund running out',
  ADL: 'auto-deleveraging',
  HALT: 'a halt',
  BAD_DEBT: 'bad debt',
  CHANGE: 'the scripted change',
};

/** The last stage of a tour: its market, every control. */
const sandbox = (preset: string, values?: Partial<Scenario>): TourStage => ({
  title: 'Your turn',
  preset,
  values,
  show: 'all',
  note: 'Every control is here now. Change one thing — a deeper book, lower leverage, a bigger insurance fund — press Play, and see which moments still happen.',
  moments: [],
});

/** One market, stopped at each moment of its cascade in turn. */
const ANATOMY_VALUES: Partial<Scenario> = {
  leverage: 10,
  longShare: 0.7,
  shock: -8,
  shockSteps: 10,
  insuranceFund: 2_000_000,
};
const anatomy = (
  title: string,
  moments: EventName[],
  show: ParamKey[],
  note: string,
): TourStage => ({ title, preset: 'crowded-longs', values: ANATOMY_VALUES, show, note, moments });

const safeguard = (
  title: string,
  preset: string,
  moments: EventName[],
  show: ParamKey[],
  note: string,
): TourStage => ({ title, preset, show, note, moments, compareWith: 'crowded-longs' });

/** The realistic market, at the minutes a terminal's heatmap is read. */
const heatmap = (
  title: string,
  map: 'estimated' | 'true',
  moments: EventName[],
  note: string,
  values?: Partial<Scenario>,
): TourStage => ({
  title,
  preset: 'venue-market',
  values,
  show: ['estimateTiers'],
  note,
  moments,
  ...(map === 'estimated' ? { map } : {}),
});

const HEATMAPS_TOUR: Tour = {
  name: 'heatmaps',
  title: 'Why liquidation heatmaps mislead',
  summary: 'The map a trading terminal draws, beside where the positions really are.',
  stages: [
    heatmap(
      'What a terminal draws',
      'estimated',
      ['SHOCK'],
      'This is the liquidation heatmap a trading terminal draws. It cannot see positions: it spreads each candle’s new open interest over assumed leverages (10, 25, 50, 100×), half long, half short. The line under the map says how far that is from the truth: at minute 60, as the shock starts, it misses 37 % of the real fuel within ±5 % of the price and invents 19 % of its own.',
    ),
    heatmap(
      'The true map',
      'true',
      ['SHOCK'],
      'The same minute, the engine’s true map: where the positions’ liquidation prices really are. The broad bands agree — both come from the same entries — but the terminal piles fuel just under and over the price at 50× and 100× that few hold, and cannot know the lower-leverage longs further down.',
    ),
    heatmap(
      'Would knowing the leverages help?',
      'estimated',
      ['SHOCK'],
      'Now the estimate is given the population’s true mix of leverage, which no terminal knows. At minute 60 it misses 28 % and invents 13 % (against 37 % and 19 %): better, not right — it still guesses the sides and spreads entries evenly over the week.',
      { estimateTiers: 'true' },
    ),
    heatmap(
      'After the wave',
      'estimated',
      ['FUND_EXHAUSTED'],
      'Minute 85, back to the usual tiers: the fund has run out and ADL closes winning shorts, which no terminal sees. Around the price the terminal’s map is almost empty — it misses 94 % of the true fuel within ±5 %. Its candles’ lows traded through those levels (the last price printed 51,930 at minute 84), so it deleted them; but positions are liquidated on the mark, which follows the index and never fell below 54,185. The longs in between are still open: the fuel of the next fall.',
    ),
    { ...sandbox('venue-market'), map: 'estimated' },
  ],
};

export const TOURS: readonly Tour[] = [
  {
    name: 'anatomy',
    title: 'Anatomy of a cascade',
    summary: 'One market at 10×, stopped at each moment: shock, first wave, dry book, fund, ADL.',
    stages: [
      anatomy(
        'The shock',
        ['SHOCK'],
        ['shock', 'shockSteps'],
        'At minute 60 the index starts to fall 8 % over ten minutes: the shock, from outside the market. The dashed line is the same market with the liquidation engine off; so far the two agree.',
      ),
      anatomy(
        'The first wave',
        ['CASCADE_START'],
        ['leverage'],
        'Minute 62: the first positions run out of margin. The exchange takes them over and sells them into the book at market, and that selling pushes the price below the dashed line.',
      ),
      anatomy(
        'The book runs dry',
        ['BOOK_DRY'],
        ['liquidity'],
        'Minute 63: half the resting depth within 5 % of the price is gone (see the order-book chart). Each forced sale now moves the price further, and breaches the next positions sooner.',
      ),
      anatomy(
        'The insurance fund runs out',
        ['FUND_EXHAUSTED'],
        ['insuranceFund'],
        'Minute 80: positions sold below their bankruptcy price left losses, and the insurance fund ($2 M here) has paid them until it was empty.',
      ),
      anatomy(
        'Auto-deleveraging',
        ['ADL'],
        ['insuranceFund', 'adl'],
        'With the fund empty, the exchange closes winning positions on the other side at the bankruptcy price: auto-deleveraging. Here it starts in the same minute the fund runs out; traders who were right pay for the cascade.',
      ),
      anatomy(
        'Recovery',
        [],
        ['recovery', 'resilience'],
        'Play to the end: makers refill the book and the price climbs back towards the dashed line. In all, the price fell 19 % against 10 % without liquidations (1.9× amplification); $134 M was liquidated and $56 M closed by ADL.',
      ),
      sandbox('crowded-longs', ANATOMY_VALUES),
    ],
  },
  {
    name: 'safeguards',
    title: 'What safeguards do, and when they do not',
    summary: 'The same crowded market with one safeguard at a time, against none.',
    stages: [
      {
        title: 'No safeguard',
        preset: 'crowded-longs',
        show: ['leverage', 'longShare'],
        note: '25× longs, 80 % of the open interest long, a 5 % drop. The price falls 27 %, 3.8 times the 7 % it falls with liquidations off; the fund runs out at minute 93, $54 M of winning positions are auto-deleveraged and $7.1 M is bad debt. (At 25× the noise alone liquidates a few positions at minute 8.)',
        moments: ['SHOCK', 'FUND_EXHAUSTED'],
      },
      safeguard(
        'Smoothed mark price',
        'crowded-smoothed-mark',
        ['SHOCK', 'FUND_EXHAUSTED'],
        ['mark', 'markEma'],
        'Changed: positions are checked against a mark that follows the index, not the last trade. The fall is 19 % (2.6×) instead of 27 %, bad debt $1.8 M. It does not stop the selling: the fund still runs out (minute 116) and ADL is as large.',
      ),
      safeguard(
        'Circuit breaker',
        'crowded-breaker',
        ['SHOCK', 'HALT', 'FUND_EXHAUSTED'],
        ['breaker', 'breakerWindow', 'breakerHalt'],
        'Changed: matching halts for 20 minutes after a 2 % move within 5. The first halt is at minute 63, and makers refill the book during it. The fall is 17 % (2.3×), bad debt $0.4 M; the fund lasts until minute 127, but ADL ($52 M) still comes.',
      ),
      safeguard(
        'Partial liquidation',
        'crowded-partial',
        ['SHOCK', 'FUND_EXHAUSTED'],
        ['partial'],
        'Changed: a large position is first cut to a lower tier instead of closed. Here it changes almost nothing (27 % again, bad debt $7.3 M): the positions of this market are small, below the first tier, so there is nothing to cut.',
      ),
      safeguard(
        'Throughput limit',
        'crowded-throughput',
        ['SHOCK', 'FUND_EXHAUSTED'],
        ['throughput'],
        'Changed: the engine sells at most $2 M a minute. The fall is the same (28 %), recovery is slower and bad debt doubles ($14.4 M): positions waiting in the queue lose more while the price falls. Spreading the selling does not help when the queue dwarfs the limit.',
      ),
      safeguard(
        'Backstop vault',
        'crowded-backstop',
        ['SHOCK', 'FUND_EXHAUSTED'],
        ['backstop'],
        'Changed: a $50 M vault takes positions over at their bankruptcy price. Bad debt is gone ($0), but the price falls further (32 %, 4.4×) and has not recovered by the end: the vault sells what it took back into the book. It protects the exchange’s books, not the price.',
      ),
      safeguard(
        'A venue-style engine',
        'crowded-venue-engine',
        ['SHOCK'],
        ['engine'],
        'Changed: a Binance-style engine closes each position in the minute it is breached. The fall is 7.4 %, almost the 7.2 % without liquidations; no ADL, no bad debt, the fund untouched. $126 M is still liquidated, but it never piles up into an overhang.',
      ),
      sandbox('crowded-longs'),
    ],
  },
  HEATMAPS_TOUR,
];

/** The tour of that name, or undefined. */
export const findTour = (name: string): Tour | undefined => TOURS.find((t) => t.name === name);

/** The full scenario a stage runs. */
export function stageScenario(stage: TourStage): Scenario {
  const preset = findPreset(stage.preset);
  if (!preset) throw new Error(`Tour stage "${stage.title}" names no preset "${stage.preset}"`);
  return { ...preset.scenario, ...stage.values };
}

/** The event mask of a list of moments. */
export const momentMask = (moments: readonly EventName[]): number =>
  moments.reduce((mask, m) => mask | EVENT[m], 0);
