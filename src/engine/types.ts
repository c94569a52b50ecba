/**
 * The scenario as the engine sees it: plain values, already validated.
 *
 * The engine owns this type so that it depends on nothing outside itself; `src/scenario`
 * declares the same keys in its parameter table (defaults, ranges, units, link keys) and
 * builds, validates and encodes values of this type.
 */

export type MarkPriceMode = 'last' | 'smoothed';
export type AdlPolicy = 'queue' | 'prorata';
/**
 * How the liquidation engine closes what it takes over (venues.ts): the generic waterfall with
 * its queue, or one of three venue-style engines that never leave an overhang.
 */
export type LiquidationEngineKind = 'generic' | 'binance' | 'bybit' | 'hyperliquid';
/** Where market makers centre their quotes (market.ts): the last trade, or fair value. */
export type QuoteMid = 'last' | 'fair';
/** What market makers' withdrawal keys on (market.ts): the `volatility` setting, or measured stress. */
export type WithdrawKey = 'volatility' | 'stress';
/** How position sizes are drawn (population.ts): shares of the count, or a fixed size distribution. */
export type Sizing = 'count' | 'fixed';
/**
 * The leverage tiers the terminal-style heatmap estimate assumes (estimate.ts): a common
 * terminal setting, a wider or a higher set, or the population's true mix.
 */
export type EstimateTiers = 'common' | 'wide' | 'high' | 'true';

export type { ScriptedChange } from './script';
import type { ScriptedChange } from './script';

/** A complete, valid scenario. Units are those of the parameter table. */
export interface Scenario {
  /** Seed of every random stream. */
  seed: number;
  /** Number of leveraged positions. */
  positions: number;
  /** Steps to simulate (one step is one minute). */
  steps: number;
  /** Median leverage (×). */
  leverage: number;
  /** Baseline bid depth within 1 % of mid (USD). */
  liquidity: number;
  /** Share of leveraged open interest that is long (0..1). */
  longShare: number;
  /** Exogenous index move (%; negative is a drop). */
  shock: number;
  /** Step the shock starts at. */
  shockStep: number;
  /** Steps the shock is spread over. */
  shockSteps: number;
  /** Mark price used for liquidation checks. */
  mark: MarkPriceMode;
  /** Leveraged open interest at step 0 (USD). */
  openInterest: number;
  /** Start price (USD). */
  price: number;
  /** Daily volatility of the index (%). */
  volatility: number;
  /** Mean noise-trader notional per step and side (USD). */
  noise: number;
  /** Share of the basis arbitrageurs try to close per step (0..1). */
  arbStrength: number;
  /** Share of the log basis by which the index follows this venue per step (0..1). */
  venueWeight: number;
  /** Share of this venue's push on the index that spot takes back per step (0..1). */
  recovery: number;
  /** Stop orders resting at each round number around the start price (USD; 0: none). */
  stopLoss: number;
  /** Panic selling per step per point of drawdown beyond 2 % (USD; 0: none). */
  panic: number;
  /** Dip buying per step per point of discount to fair value beyond 2 % (USD; 0: none). */
  dipBuyers: number;
  /** Where makers centre their quotes. */
  quoteMid: QuoteMid;
  /** Arbitrageurs take only quotes within this distance of the makers' mid (%; 0: no band). */
  arbBand: number;
  /** Share of missing depth refilled per step (0..1). */
  resilience: number;
  /** Strength of depth withdrawal as realised volatility rises (0: none). */
  withdrawal: number;
  /** What withdrawal keys on. */
  withdrawOn: WithdrawKey;
  /** Least share of baseline depth makers keep quoting however stressed (0..1). */
  withdrawFloor: number;
  /** Steps between funding payments. */
  fundingInterval: number;
  /** EMA span of the basis in the smoothed mark (steps). */
  markEma: number;
  /** Largest basis the smoothed mark lets through (%). */
  basisClamp: number;
  /** Liquidation fee (% of notional). */
  liquidationFee: number;
  /** Insurance fund at step 0 (USD). */
  insuranceFund: number;
  /** Partial liquidation to the next lower margin tier first. */
  partial: boolean;
  /** Most notional liquidated into the book per step (USD; 0: no limit). */
  throughput: number;
  /** Circuit-breaker move threshold (%; 0: off). */
  breaker: number;
  /** Circuit-breaker window (steps). */
  breakerWindow: number;
  /** Circuit-breaker halt length (steps). */
  breakerHalt: number;
  /** Backstop vault capital (USD; 0: off). */
  backstop: number;
  /** ADL policy. */
  adl: AdlPolicy;
  /** Liquidation engine: the generic waterfall or a venue-style engine. */
  engine: LiquidationEngineKind;
  /** How position sizes, tiers and leverage caps are drawn. */
  sizing: Sizing;
  /** Leverage tiers the estimated heatmap assumes (a view of the run: changes no other figure). */
  estimateTiers: EstimateTiers;
  /**
   * Scripted changes during the run (script.ts), in step order; absent or empty: none. Not a
   * parameter of the table: the codec reads and writes it as its own link key, `change`.
   */
  changes?: readonly ScriptedChange[];
}

/** The scenario's parameters: its keys but the scripted changes. */
export type ParamKey = Exclude<keyof Scenario, 'changes'>;
