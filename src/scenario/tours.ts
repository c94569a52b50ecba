/**
 * Guided tours: each a table of stages, data only. A stage names its scenario (a preset, and
 * values on top — scripted changes during the run among them), the controls it shows and the key
 * moments the run stops at (event flags the worker pauses on exactly). The last stage of every
 * tour is the sandbox, with every control.
 *
 * Each stage's note (what to look at, shown over the price chart) is in tourNotes.ts, loaded
 * when a tour opens: several kilobytes of text the start of the page does not need. The figures
 * in the notes are those of the stage's scenario at its seed (`npm run sim -- --preset NAME`, or
 * the stage's link), so a note never says more than the run shows (tests hold the heatmap tour's
 * and the scripted stage's figures to the run's frames).
 *
 * A stage may script a change during its run (its values' `changes`, engine/script.ts): "makers
 * pull half their depth at minute 70" is `{ step: 70, param: 'liquidity', factor: 0.5 }`, and
 * the stage can stop at it (the CHANGE moment), as at any other event.
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
  /** The moments the run stops at, in the order they happen. */
  readonly moments: readonly EventName[];
  /**
   * The preset this stage changes one thing of. Today the note says what changed; compare mode
   * can later run both side by side.
   */
  readonly compareWith?: string;
  /** The heatmap shows the terminal-style estimate (absent: the true map). */
  readonly map?: 'estimated';
  /**
   * The chart the note is about, when it is not the price chart over which the note sits: the
   * stage offers to bring it into view (on a laptop it is below the fold).
   */
  readonly look?: TourChart;
}

/** The charts a stage can point at, and what they are called on its button. */
export type TourChart = 'heatmap' | 'book';
export const TOUR_CHART_LABELS: Record<TourChart, string> = {
  heatmap: 'the liquidation heatmap',
  book: 'the order book',
};

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
  values: Partial<Scenario> = ANATOMY_VALUES,
  look?: TourChart,
): TourStage => ({ title, preset: 'crowded-longs', values, show, moments, ...(look && { look }) });

const safeguard = (
  title: string,
  preset: string,
  moments: EventName[],
  show: ParamKey[],
): TourStage => ({ title, preset, show, moments, compareWith: 'crowded-longs' });

/** The realistic market, at the minutes a terminal's heatmap is read. */
const heatmap = (
  title: string,
  map: 'estimated' | 'true',
  moments: EventName[],
  values?: Partial<Scenario>,
): TourStage => ({
  title,
  preset: 'venue-market',
  values,
  show: ['estimateTiers'],
  moments,
  look: 'heatmap',
  ...(map === 'estimated' ? { map } : {}),
});

const HEATMAPS_TOUR: Tour = {
  name: 'heatmaps',
  title: 'Why liquidation heatmaps mislead',
  summary: 'The map a trading terminal draws, beside where the positions really are.',
  stages: [
    heatmap('What a terminal draws', 'estimated', ['SHOCK']),
    heatmap('The true map', 'true', ['SHOCK']),
    heatmap('Would knowing the leverages help?', 'estimated', ['SHOCK'], { estimateTiers: 'true' }),
    heatmap('After the wave', 'estimated', ['FUND_EXHAUSTED']),
    { ...sandbox('venue-market'), map: 'estimated' },
  ],
};

export const TOURS: readonly Tour[] = [
  {
    name: 'anatomy',
    title: 'Anatomy of a cascade',
    summary: 'One market at 10×, stopped at each moment: shock, first wave, dry book, fund, ADL.',
    stages: [
      anatomy('The shock', ['SHOCK'], ['shock', 'shockSteps']),
      anatomy('The first wave', ['CASCADE_START'], ['leverage']),
      anatomy('The book runs dry', ['BOOK_DRY'], ['liquidity'], ANATOMY_VALUES, 'book'),
      anatomy('The insurance fund runs out', ['FUND_EXHAUSTED'], ['insuranceFund']),
      anatomy('Auto-deleveraging', ['ADL'], ['insuranceFund', 'adl']),
      anatomy('Recovery', [], ['recovery', 'resilience']),
      anatomy(
        'When makers leave',
        ['CHANGE', 'ADL'],
        ['liquidity', 'resilience'],
        { ...ANATOMY_VALUES, changes: [{ step: 70, param: 'liquidity', factor: 0.5 }] },
        'book',
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
        moments: ['SHOCK', 'FUND_EXHAUSTED'],
      },
      safeguard(
        'Smoothed mark price',
        'crowded-smoothed-mark',
        ['SHOCK', 'FUND_EXHAUSTED'],
        ['mark', 'markEma'],
      ),
      safeguard(
        'Circuit breaker',
        'crowded-breaker',
        ['SHOCK', 'HALT', 'FUND_EXHAUSTED'],
        ['breaker', 'breakerWindow', 'breakerHalt'],
      ),
      safeguard('Partial liquidation', 'crowded-partial', ['SHOCK', 'FUND_EXHAUSTED'], ['partial']),
      safeguard(
        'Throughput limit',
        'crowded-throughput',
        ['SHOCK', 'FUND_EXHAUSTED'],
        ['throughput'],
      ),
      safeguard('Backstop vault', 'crowded-backstop', ['SHOCK', 'FUND_EXHAUSTED'], ['backstop']),
      safeguard('A venue-style engine', 'crowded-venue-engine', ['SHOCK', 'ADL'], ['engine']),
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
