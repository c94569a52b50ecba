/**
 * What one run reports (model.md, "What one run reports"). The same shape is reported live while
 * a run goes (over the steps so far) and at the end.
 */
export interface RunReport {
  /** Steps simulated so far. */
  stepsRun: number;
  /** Largest peak-to-trough fall of the last price, as a fraction of the peak (0..1). */
  maxDrawdown: number;
  /** Step of the trough of that fall (-1 before any fall). */
  maxDrawdownStep: number;
  /** The same drawdown on the counterfactual path (same seed and shock, liquidation engine off). */
  counterfactualDrawdown: number;
  /** Direction of the shock: `up` for a positive shock (a squeeze), `down` otherwise. */
  direction: 'down' | 'up';
  /** Largest trough-to-peak rise of the last price, as a fraction of the trough (>= 0). */
  maxRunUp: number;
  /** Step of the peak of that rise (-1 before any rise). */
  maxRunUpStep: number;
  /** The same rise on the counterfactual path. */
  counterfactualRunUp: number;
  /**
   * How much the liquidations deepened the move in the shock's direction: maxDrawdown over
   * counterfactualDrawdown for a drop, maxRunUp over counterfactualRunUp for a rise. Both are
   * floored at 0.01 % so a flat market reads 1, not NaN.
   */
  amplification: number;
  /** Notional taken over by the liquidation engine (USD), in all and by side. */
  liquidatedNotional: number;
  liquidatedLong: number;
  liquidatedShort: number;
  /** Positions taken over (a partial liquidation counts once each time). */
  liquidations: number;
  /** liquidatedNotional over the open interest at step 0 (both sides: long + short). */
  oiLiquidatedShare: number;
  /** The leveraged positions' notional at step 0 at the start price (USD), long + short. */
  openInterest: number;
  /** Open interest counted once, as venues quote it (USD at the start price): max(long, short). */
  openInterestOneSided: number;
  /** liquidatedNotional over the one-sided open interest (comparable with venues' figures). */
  oiOneSidedLiquidatedShare: number;
  /** First step of the cascade (-1 if none) and its duration in steps (0 if none). */
  cascadeStart: number;
  cascadeSteps: number;
  /**
   * Branching ratio: endogenous liquidations of each next step over all liquidations of this
   * step, summed over the cascade's growth phase (criticality.ts; 0 without endogenous
   * liquidations). Below 1 waves die out; above 1 they feed themselves.
   */
  branchingRatio: number;
  /** Liquidated notional that the counterfactual path alone also breaches (USD). */
  exogenousNotional: number;
  /**
   * 1 − exogenousNotional / liquidatedNotional (0 when nothing is liquidated): the share the
   * liquidations caused, an estimate of the mean number of liquidations each one causes.
   */
  endogenousShare: number;
  /** Largest share of baseline depth within 5 % of the price that was missing (0..1). */
  peakDepletion: number;
  /** Insurance fund paid out, net of what liquidations paid in (USD, >= 0). */
  insuranceFundUsed: number;
  /** Lowest balance the insurance fund reached (USD). */
  insuranceFundLow: number;
  adlNotional: number;
  /** Positions auto-deleveraged, each counted once however often it was cut. */
  adlCount: number;
  /** Steps in which ADL closed anything (a flush in one minute reads 1). */
  adlSteps: number;
  /**
   * The shortfall ADL covered: for every unit it closed, the loss of closing it in the book at
   * the edge of the price band, where the book ran out, instead of at the bankruptcy price (a
   * warehouse's ADL: at the mark). USD; a lower bound of what the fund would have paid.
   */
  adlShortfall: number;
  /** adlNotional − adlShortfall: notional ADL closed beyond the money the shortfall needed (USD). */
  adlExcessNotional: number;
  /**
   * Who paid: the haircut (share of quantity closed) of each decile of ADL's candidates, the
   * profitable positions of the side it deleveraged, sorted by profit % (PnL over margin) and by
   * effective leverage at each ranking; 10 entries, lowest decile first.
   */
  adlHaircutByProfitDecile: number[];
  adlHaircutByLeverageDecile: number[];
  /** Largest notional waiting in the liquidation engine's queue at the mark (USD). */
  peakQueued: number;
  /** Longest any position waited in the queue (steps). */
  maxQueueAge: number;
  /** Largest loss of the queue at the mark against its bankruptcy prices (USD). */
  peakQueueLoss: number;
  /** Venue engines: largest stock the insurance fund held, at the mark (USD). */
  peakFundStock: number;
  /** Largest inventory the backstop vault held, at the mark (USD). */
  peakVaultInventory: number;
  /** The vault's inventory at the end, signed, at the mark (USD). */
  vaultInventory: number;
  /** The vault's profit and loss at the end, at the last price (USD). */
  vaultPnl: number;
  /** Losses that neither margin, fund nor ADL covered (USD). */
  badDebt: number;
  /** Steps from the trough until the price recovered half the drop (null: not within the run). */
  recoverySteps: number | null;
  /** Variance of the per-step funding rate over the run. */
  fundingVariance: number;
  /** Sum of every party's profit and loss minus bad debt (USD): 0 up to rounding. */
  conservationError: number;
  /**
   * The terminal-style heatmap estimate (estimate.ts) against the true liquidation map, mean over
   * the steps run: the share of the true fuel within ±5 % of the price it misses, and the share
   * of its own fuel there that is not there in truth (0..1); the `10` pair within ±10 %.
   */
  estimateMissShare: number;
  estimateInventShare: number;
  estimateMissShare10: number;
  estimateInventShare10: number;
}
