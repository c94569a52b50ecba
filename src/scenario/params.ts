/**
 * The parameter table: the single source of truth for every scenario parameter.
 *
 * The URL codec, the sliders, the CLI's `--help` and the docs all read this table, so a
 * parameter is declared exactly once. Link keys are part of the public contract: share links
 * and scripts depend on them, so never rename one without a codec version bump and migration.
 *
 * Time in the engine is counted in steps; one step stands for one minute of market time.
 */

import type { ParamKey, Scenario } from '../engine/types';

export type {
  Scenario,
  MarkPriceMode,
  AdlPolicy,
  LiquidationEngineKind,
  QuoteMid,
  WithdrawKey,
  Sizing,
  EstimateTiers,
  ParamKey,
  ScriptedChange,
} from '../engine/types';

/**
 * Where a parameter lives: in the share link, in local storage only, or nowhere. Every parameter
 * is 'link' today; the other two are room kept for view preferences (architecture.md).
 */
export type Persistence = 'link' | 'local' | 'none';

/** Which panel of the controls a parameter belongs to. */
export type ParamGroup = 'market' | 'traders' | 'shock' | 'exchange' | 'run';

interface ParamBase {
  /** Human label for sliders and `--help`. */
  label: string;
  /** Unit shown next to the value ('' for none). */
  unit: string;
  /** One sentence on what the parameter does, for tooltips and `--help`. */
  help: string;
  group: ParamGroup;
  persist: Persistence;
}

export interface NumberParam extends ParamBase {
  kind: 'int' | 'float';
  default: number;
  min: number;
  max: number;
  /** Slider scale: log for parameters spanning orders of magnitude. */
  scale: 'linear' | 'log';
  /** Slider step in the parameter's own unit (log sliders step in their own way). */
  step: number;
  /** A value of 0 turns the feature off (shown as "off" in the UI). */
  zeroIsOff?: boolean;
}

export interface EnumParam<T extends string = string> extends ParamBase {
  kind: 'enum';
  default: T;
  options: readonly T[];
}

export interface BoolParam extends ParamBase {
  kind: 'bool';
  default: boolean;
}

export type ParamSpec = NumberParam | EnumParam | BoolParam;

// Wrapped in tuples so a union of names (an enum) maps to one EnumParam of the union instead of
// distributing into EnumParam<'a'> | EnumParam<'b'>.
type SpecFor<V> = [V] extends [boolean]
  ? BoolParam
  : [V] extends [number]
    ? NumberParam
    : [V] extends [string]
      ? EnumParam<V>
      : never;

export type ParamTable = { readonly [K in ParamKey]: SpecFor<Scenario[K]> };

const int = (
  p: Omit<NumberParam, 'kind' | 'scale' | 'step'> & Partial<NumberParam>,
): NumberParam => ({
  kind: 'int',
  scale: 'linear',
  step: 1,
  ...p,
});

const float = (
  p: Omit<NumberParam, 'kind' | 'scale'> & Partial<Pick<NumberParam, 'scale'>>,
): NumberParam => ({ kind: 'float', scale: 'linear', ...p });

export const PARAMS: ParamTable = {
  seed: int({
    label: 'Seed',
    unit: '',
    help: 'Seed of every random stream: the same seed and scenario give the same run, bit for bit.',
    group: 'run',
    persist: 'link',
    default: 1,
    min: 0,
    max: 4294967295,
  }),
  positions: int({
    label: 'Positions',
    unit: '',
    help: 'Number of leveraged positions; open interest is shared among them, so this sets resolution, not size.',
    group: 'traders',
    persist: 'link',
    default: 20000,
    min: 100,
    max: 1000000,
    scale: 'log',
  }),
  steps: int({
    label: 'Steps',
    unit: 'min',
    help: 'Length of the run in steps of one minute.',
    group: 'run',
    persist: 'link',
    default: 600,
    min: 50,
    max: 5000,
    step: 10,
  }),
  leverage: float({
    label: 'Leverage',
    unit: '×',
    help: 'Median leverage of the positions; individual positions spread around it on the exchange’s leverage tiers.',
    group: 'traders',
    persist: 'link',
    default: 20,
    min: 1,
    max: 125,
    step: 0.5,
    scale: 'log',
  }),
  liquidity: float({
    label: 'Liquidity',
    unit: 'USD',
    help: 'Resting bid depth within 1 % of mid at baseline (the ask side mirrors it).',
    group: 'market',
    persist: 'link',
    default: 20_000_000,
    min: 100_000,
    max: 1_000_000_000,
    step: 100_000,
    scale: 'log',
  }),
  longShare: float({
    label: 'Long share',
    unit: '',
    help: 'Share of the leveraged open interest that is long; crowded longs are the classic set-up.',
    group: 'traders',
    persist: 'link',
    default: 0.7,
    min: 0,
    max: 1,
    step: 0.01,
  }),
  shock: float({
    label: 'Shock',
    unit: '%',
    help: 'Exogenous spot move applied to the index price; negative is a drop.',
    group: 'shock',
    persist: 'link',
    default: -8,
    min: -60,
    max: 60,
    step: 0.5,
  }),
  shockStep: int({
    label: 'Shock at',
    unit: 'step',
    help: 'Step at which the shock starts.',
    group: 'shock',
    persist: 'link',
    default: 60,
    min: 0,
    max: 5000,
  }),
  shockSteps: int({
    label: 'Shock length',
    unit: 'steps',
    help: 'Number of steps over which the shock is spread.',
    group: 'shock',
    persist: 'link',
    default: 5,
    min: 1,
    max: 200,
  }),
  mark: {
    kind: 'enum',
    label: 'Mark price',
    unit: '',
    help: 'Price liquidations are checked against: the last trade (cascade-prone) or index plus a smoothed, clamped basis.',
    group: 'exchange',
    persist: 'link',
    default: 'smoothed',
    options: ['last', 'smoothed'],
  },
  openInterest: float({
    label: 'Open interest',
    unit: 'USD',
    help: 'Total notional of the leveraged positions at the start.',
    group: 'traders',
    persist: 'link',
    default: 300_000_000,
    min: 1_000_000,
    max: 100_000_000_000,
    step: 1_000_000,
    scale: 'log',
  }),
  price: float({
    label: 'Start price',
    unit: 'USD',
    help: 'Index and last price at step 0.',
    group: 'market',
    persist: 'link',
    default: 60_000,
    min: 1,
    max: 1_000_000,
    step: 1,
    scale: 'log',
  }),
  volatility: float({
    label: 'Volatility',
    unit: '%/day',
    help: 'Daily volatility of the index price’s random walk.',
    group: 'market',
    persist: 'link',
    default: 3,
    min: 0,
    max: 30,
    step: 0.1,
  }),
  noise: float({
    label: 'Noise flow',
    unit: 'USD/step',
    help: 'Mean notional of the noise traders’ market orders per step, on each side.',
    group: 'market',
    persist: 'link',
    default: 500_000,
    min: 0,
    max: 1_000_000_000,
    step: 10_000,
    scale: 'log',
  }),
  arbStrength: float({
    label: 'Arbitrage',
    unit: '',
    help: 'Share of the gap between last and index price that arbitrageurs try to close each step.',
    group: 'market',
    persist: 'link',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.01,
  }),
  venueWeight: float({
    label: 'Venue weight',
    unit: '',
    help: 'Share of price discovery this venue holds: each step the index moves this share of the basis toward the last price.',
    group: 'market',
    persist: 'link',
    default: 0.01,
    min: 0,
    max: 1,
    step: 0.01,
  }),
  recovery: float({
    label: 'Spot recovery',
    unit: '/step',
    help: 'Share of this venue’s push on the index that spot buyers and sellers take back each step (0: the push is permanent).',
    group: 'market',
    persist: 'link',
    default: 0.02,
    min: 0,
    max: 1,
    step: 0.005,
  }),
  stopLoss: float({
    label: 'Stop-loss clusters',
    unit: 'USD/level',
    help: 'Stop orders resting at each round number around the start price (sells below, buys above); each fires once when the price trades through it (0: none).',
    group: 'traders',
    persist: 'link',
    default: 0,
    min: 0,
    max: 1_000_000_000,
    step: 10_000,
    scale: 'log',
    zeroIsOff: true,
  }),
  panic: float({
    label: 'Panic sellers',
    unit: 'USD/step/%',
    help: 'Selling per step for each point of drawdown from the peak beyond 2 % (0: none).',
    group: 'traders',
    persist: 'link',
    default: 0,
    min: 0,
    max: 100_000_000,
    step: 10_000,
    scale: 'log',
    zeroIsOff: true,
  }),
  dipBuyers: float({
    label: 'Dip buyers',
    unit: 'USD/step/%',
    help: 'Buying per step for each point the price sits below fair value (its 4-hour average) beyond 2 % (0: none).',
    group: 'traders',
    persist: 'link',
    default: 0,
    min: 0,
    max: 100_000_000,
    step: 10_000,
    scale: 'log',
    zeroIsOff: true,
  }),
  quoteMid: {
    kind: 'enum',
    label: 'Quote centre',
    unit: '',
    help: 'Makers quote around the last trade or around fair value.',
    group: 'market',
    persist: 'link',
    default: 'fair',
    options: ['last', 'fair'],
  },
  arbBand: float({
    label: 'Arbitrage band',
    unit: '%',
    help: 'Arbitrageurs take only quotes this close to the makers’ mid.',
    group: 'market',
    persist: 'link',
    default: 0.5,
    min: 0,
    max: 10,
    step: 0.05,
    zeroIsOff: true,
  }),
  resilience: float({
    label: 'Resilience',
    unit: '/step',
    help: 'Share of the missing depth that market makers refill each step.',
    group: 'market',
    persist: 'link',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.01,
  }),
  withdrawal: float({
    label: 'Withdrawal',
    unit: '',
    help: 'How strongly market makers pull depth as realised volatility rises above normal (0: never).',
    group: 'market',
    persist: 'link',
    default: 1,
    min: 0,
    max: 10,
    step: 0.1,
  }),
  withdrawOn: {
    kind: 'enum',
    label: 'Withdrawal keys on',
    unit: '',
    help: 'Calm level of withdrawal: the volatility setting or measured.',
    group: 'market',
    persist: 'link',
    default: 'stress',
    options: ['volatility', 'stress'],
  },
  withdrawFloor: float({
    label: 'Withdrawal floor',
    unit: '',
    help: 'Least share of depth makers keep, however stressed.',
    group: 'market',
    persist: 'link',
    default: 0.05,
    min: 0,
    max: 1,
    step: 0.01,
  }),
  fundingInterval: int({
    label: 'Funding interval',
    unit: 'steps',
    help: 'Steps between funding payments between longs and shorts.',
    group: 'exchange',
    persist: 'link',
    default: 480,
    min: 1,
    max: 1440,
  }),
  markEma: int({
    label: 'Mark smoothing',
    unit: 'steps',
    help: 'Span of the moving average of the basis in the smoothed mark price.',
    group: 'exchange',
    persist: 'link',
    default: 10,
    min: 1,
    max: 120,
  }),
  basisClamp: float({
    label: 'Basis clamp',
    unit: '%',
    help: 'Largest basis the smoothed mark price lets through.',
    group: 'exchange',
    persist: 'link',
    default: 0.5,
    min: 0,
    max: 10,
    step: 0.05,
  }),
  liquidationFee: float({
    label: 'Liquidation fee',
    unit: '%',
    help: 'Penalty charged on the notional of a liquidated position, out of its remaining margin.',
    group: 'exchange',
    persist: 'link',
    default: 0.5,
    min: 0,
    max: 5,
    step: 0.05,
  }),
  insuranceFund: float({
    label: 'Insurance fund',
    unit: 'USD',
    help: 'Starting balance of the fund that pays liquidation shortfalls before ADL.',
    group: 'exchange',
    persist: 'link',
    default: 5_000_000,
    min: 0,
    max: 10_000_000_000,
    step: 100_000,
    scale: 'log',
  }),
  partial: {
    kind: 'bool',
    label: 'Partial liquidation',
    unit: '',
    help: 'Reduce a large position to the next lower margin tier before liquidating it in full.',
    group: 'exchange',
    persist: 'link',
    default: false,
  },
  throughput: float({
    label: 'Throughput limit',
    unit: 'USD/step',
    help: 'Most notional the liquidation engine closes per step, whichever way; the rest waits in a queue (0: no limit).',
    group: 'exchange',
    persist: 'link',
    default: 0,
    min: 0,
    max: 10_000_000_000,
    step: 100_000,
    zeroIsOff: true,
    scale: 'log',
  }),
  breaker: float({
    label: 'Circuit breaker',
    unit: '%',
    help: 'Halt matching after the last price moves this much within the window (0: off).',
    group: 'exchange',
    persist: 'link',
    default: 0,
    min: 0,
    max: 50,
    step: 0.5,
    zeroIsOff: true,
  }),
  breakerWindow: int({
    label: 'Breaker window',
    unit: 'steps',
    help: 'Window over which the circuit breaker measures the move.',
    group: 'exchange',
    persist: 'link',
    default: 5,
    min: 1,
    max: 120,
  }),
  breakerHalt: int({
    label: 'Halt length',
    unit: 'steps',
    help: 'Steps that matching stays halted once the breaker trips.',
    group: 'exchange',
    persist: 'link',
    default: 5,
    min: 1,
    max: 120,
  }),
  backstop: float({
    label: 'Backstop vault',
    unit: 'USD',
    help: 'Capital of a vault that takes over liquidated positions at their bankruptcy price (0: off).',
    group: 'exchange',
    persist: 'link',
    default: 0,
    min: 0,
    max: 10_000_000_000,
    step: 100_000,
    zeroIsOff: true,
    scale: 'log',
  }),
  adl: {
    kind: 'enum',
    label: 'ADL policy',
    unit: '',
    help: 'How auto-deleveraging picks opposite positions: a ranking queue (profit × leverage) or a pro-rata haircut.',
    group: 'exchange',
    persist: 'link',
    default: 'queue',
    options: ['queue', 'prorata'],
  },
  engine: {
    kind: 'enum',
    label: 'Liquidation engine',
    unit: '',
    help: 'How liquidations execute: the generic waterfall (a queue that waits on a positive fund), or Binance-, Bybit- or Hyperliquid-style rules that leave no overhang.',
    group: 'exchange',
    persist: 'link',
    default: 'generic',
    options: ['generic', 'binance', 'bybit', 'hyperliquid'],
  },
  sizing: {
    kind: 'enum',
    label: 'Sizes',
    unit: '',
    help: 'Sizes as shares of the count, or of fixed account sizes.',
    group: 'traders',
    persist: 'link',
    default: 'fixed',
    options: ['count', 'fixed'],
  },
  estimateTiers: {
    kind: 'enum',
    label: 'Estimate tiers',
    unit: '',
    help: 'Leverages the terminal-style heatmap estimate assumes; changes only its figures.',
    group: 'run',
    persist: 'link',
    default: 'common',
    options: ['common', 'wide', 'high', 'true'],
  },
};

/** Parameter keys in table order (the order of sliders, links and `--help`). */
export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

/** The default scenario, built from the table. */
export function defaultScenario(): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) out[key] = PARAMS[key].default;
  return out as unknown as Scenario;
}
