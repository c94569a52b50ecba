/**
 * Named presets for teaching: each a title, a one-line lesson and its FULL parameter values.
 *
 * A preset spells out every parameter (`BASE` is a literal copy of the v=1 defaults, not
 * `defaultScenario()`), so changing a default later never changes what a preset runs; and a
 * link always carries the explicit values, `preset=` being only a label.
 *
 * The episode presets aim at the order of magnitude of what was reported, not at a fit: the
 * model has one asset, isolated margin only and no new positions during the run. Their
 * figures are not calibrated; the doc comments say what they aim at, and episodes.ts holds the
 * reported figures and their sources as data, which the app shows beside the run's.
 */

import { PARAM_KEYS, type Scenario } from './params';

export interface Preset {
  /** The name used by the CLI (`--preset NAME`) and in links (`preset=NAME`). */
  readonly name: string;
  readonly title: string;
  /** One line: what a student should see. */
  readonly lesson: string;
  readonly scenario: Readonly<Scenario>;
}

/** The v=1 defaults, written out (see the module comment). */
const BASE: Scenario = {
  seed: 1,
  positions: 20000,
  steps: 600,
  leverage: 10,
  liquidity: 20_000_000,
  longShare: 0.7,
  shock: -8,
  shockStep: 60,
  shockSteps: 5,
  mark: 'last',
  openInterest: 300_000_000,
  price: 60000,
  volatility: 3,
  noise: 500_000,
  arbStrength: 0.5,
  venueWeight: 0.05,
  recovery: 0.02,
  stopLoss: 0,
  panic: 0,
  dipBuyers: 0,
  resilience: 0.5,
  withdrawal: 1,
  fundingInterval: 480,
  markEma: 10,
  basisClamp: 0.5,
  liquidationFee: 0.5,
  insuranceFund: 5_000_000,
  partial: false,
  throughput: 0,
  breaker: 0,
  breakerWindow: 5,
  breakerHalt: 5,
  backstop: 0,
  adl: 'queue',
  engine: 'generic',
  // The v=1 market: quotes at the last print, no arbitrage band, withdrawal on the volatility
  // setting, sizes by count (versions.ts V1_DEFAULTS); the floor is v=2's, which v=1 links take too.
  quoteMid: 'last',
  arbBand: 0,
  withdrawOn: 'volatility',
  withdrawFloor: 0.05,
  sizing: 'count',
  estimateTiers: 'common',
};

const preset = (
  name: string,
  title: string,
  lesson: string,
  values: Partial<Scenario>,
): Preset => ({ name, title, lesson, scenario: Object.freeze({ ...BASE, ...values }) });

const CROWDED: Partial<Scenario> = { leverage: 25, longShare: 0.8, shock: -5 };

export const PRESETS: readonly Preset[] = [
  preset('calm', 'A calm market', 'Low leverage and a deep book: a small dip, and no cascade.', {
    leverage: 3,
    liquidity: 50_000_000,
    shock: -2,
  }),
  preset(
    'crowded-longs',
    'Crowded longs at 25×',
    'A small drop liquidates the first longs, whose selling liquidates the next ones.',
    CROWDED,
  ),
  preset(
    'crowded-smoothed-mark',
    'Crowded longs, smoothed mark price',
    'A mark price anchored to the index ignores the venue’s own crash: fewer waves.',
    { ...CROWDED, mark: 'smoothed' },
  ),
  preset(
    'crowded-breaker',
    'Crowded longs, circuit breaker',
    'A halt lets market makers refill the book before liquidations resume.',
    { ...CROWDED, breaker: 2, breakerWindow: 5, breakerHalt: 20 },
  ),
  preset(
    'crowded-partial',
    'Crowded longs, partial liquidation',
    'Cutting large positions to a lower tier sells less into the book at once.',
    { ...CROWDED, partial: true },
  ),
  preset(
    'crowded-throughput',
    'Crowded longs, throughput limit',
    'Executing at most $2M a minute spreads the selling over time.',
    { ...CROWDED, throughput: 2_000_000 },
  ),
  preset(
    'crowded-backstop',
    'Crowded longs, backstop vault',
    'A vault that takes positions over at bankruptcy keeps them off the book.',
    { ...CROWDED, backstop: 50_000_000 },
  ),
  preset(
    'crowded-venue-engine',
    'Crowded longs, a venue-style engine',
    'Closing each position in the step it is breached leaves no overhang to dump.',
    { ...CROWDED, engine: 'binance' },
  ),
  preset(
    'venue-market',
    'A market as venues run it',
    'The realistic market (smoothed mark, makers quoting around fair value) with 75 % of the interest long.',
    {
      leverage: 20,
      longShare: 0.75,
      mark: 'smoothed',
      venueWeight: 0.01,
      quoteMid: 'fair',
      arbBand: 0.5,
      withdrawOn: 'stress',
      sizing: 'fixed',
    },
  ),
  preset(
    'short-squeeze',
    'A short squeeze',
    'Crowded shorts and a jump up: forced buying pushes the price higher still.',
    { leverage: 25, longShare: 0.25, shock: 5 },
  ),
  preset(
    'thin-altcoin',
    'A thin altcoin book',
    'The same shock in a book a tenth as deep moves the price much further.',
    {
      price: 2,
      liquidity: 2_000_000,
      openInterest: 100_000_000,
      volatility: 6,
      leverage: 20,
      shock: -8,
    },
  ),
  /**
   * 12–13 March 2020 ("Black Thursday"), BitMEX XBTUSD. Aims at: bitcoin roughly halving
   * within about a day (from near $8,000 to a low under $4,000 on BitMEX); long liquidations
   * dominating; BitMEX's engine under strain and its trading down for about 25 minutes on
   * 13 March. Sources: BitMEX, "How BitMEX handled the 12 March liquidations" and its outage
   * post-mortem of 13 March 2020 (BitMEX blog); Skew and Bybt liquidation data as reported in
   * the press at the time. Not modelled: the cross-asset sell-off (equities, COVID-19) that
   * drove the index, and cross margin.
   */
  preset(
    'march-2020',
    '12–13 March 2020 (BitMEX)',
    'A spot crash into crowded 50–100× longs on one big venue: the engine itself struggles.',
    {
      price: 7900,
      leverage: 25,
      longShare: 0.7,
      openInterest: 1_000_000_000,
      liquidity: 15_000_000,
      shock: -25,
      shockSteps: 120,
      steps: 1200,
      volatility: 8,
      insuranceFund: 30_000_000,
    },
  ),
  /**
   * 19 May 2021. Aims at: bitcoin falling from about $43,000 to about $30,000 intraday
   * (roughly −30 %); liquidations across venues of the order of $8–9 billion in a day, most of
   * them longs. Sources: Bybt (now CoinGlass) liquidation data as reported in the press;
   * exchange status pages of the day (Binance, Coinbase degraded). Not modelled: several
   * venues and assets, new positions.
   */
  preset(
    'may-2021',
    '19 May 2021',
    'A market-wide deleveraging of longs: a large spot fall made far larger by liquidations.',
    {
      price: 43000,
      leverage: 20,
      longShare: 0.75,
      openInterest: 3_000_000_000,
      liquidity: 60_000_000,
      shock: -15,
      shockSteps: 60,
      steps: 900,
      volatility: 6,
      insuranceFund: 200_000_000,
      engine: 'binance',
    },
  ),
  /**
   * 10 October 2025. Aims at: the largest liquidation day on record as reported by CoinGlass,
   * of the order of $19 billion across venues, mostly longs; bitcoin falling from above
   * $120,000 to near $105,000 (about −14 %), altcoins far more; auto-deleveraging on several
   * venues (Hyperliquid among them) for the first time in years. Sources: CoinGlass
   * liquidation data; venues' announcements of 10–11 October 2025 (Hyperliquid's ADL, Binance's
   * compensation for de-pegged collateral). Not modelled: collateral de-pegs, several assets.
   */
  preset(
    'october-2025',
    '10 October 2025',
    'Books thin out at night, a macro shock, and the insurance layer runs out: ADL fires.',
    {
      price: 121000,
      leverage: 20,
      longShare: 0.75,
      openInterest: 5_000_000_000,
      liquidity: 40_000_000,
      shock: -10,
      shockSteps: 60,
      steps: 900,
      withdrawal: 3,
      resilience: 0.2,
      insuranceFund: 50_000_000,
      backstop: 100_000_000,
      engine: 'hyperliquid',
    },
  ),
];

/** The preset of that name, or undefined. */
export const findPreset = (name: string): Preset | undefined =>
  PRESETS.find((p) => p.name === name);

/** The preset whose values are exactly these (a preset's label holds only while they are). */
export function matchingPreset(scenario: Scenario): Preset | undefined {
  // A preset has no scripted changes: one with them is another market.
  if (scenario.changes?.length) return undefined;
  return PRESETS.find((p) => PARAM_KEYS.every((key) => p.scenario[key] === scenario[key]));
}
