/**
 * Scripted changes: a market parameter multiplied by a factor at a given step of the run ("makers
 * pull half their depth at minute 70" is `{ step: 70, param: 'liquidity', factor: 0.5 }`).
 *
 * Only what the market can change about itself mid-run is scriptable: the makers' depth, how fast
 * they refill, how hard they withdraw, the index's volatility, the noise traders' flow, and a
 * jump of the index (a second shock). The rest cannot change mid-run without meaning something
 * else: the positions (count, leverage, sides, open interest, price, sizing) are drawn once at
 * step 0 and the model has no new positions; the exchange's rules (mark, engine, safeguards,
 * fund, ADL) carry state built under the old rule (queue, EMAs, halts), so changing one is a
 * different run, which compare mode shows better; the seed and steps define the run itself.
 *
 * A change applies at the start of its step, before the index moves, to the market and to the
 * counterfactual (ghost) market alike: it is part of the market, so the amplification still
 * measures what the liquidations add. Factors compound: a second change of a parameter
 * multiplies the value the first one left.
 */

/** The parameters a change may scale, in the order they are listed. */
export const SCRIPTABLE = [
  'liquidity',
  'resilience',
  'withdrawal',
  'volatility',
  'noise',
  'index',
] as const;

export type ScriptableParam = (typeof SCRIPTABLE)[number];

export interface ScriptedChange {
  /** The step (minute) the change applies at, from its start. */
  readonly step: number;
  readonly param: ScriptableParam;
  /** What the parameter is multiplied by (for `index`: the index's level, once). */
  readonly factor: number;
}

/** Most changes one run holds. */
export const MAX_CHANGES = 8;

/** Smallest and largest factor of a parameter; the index moves at most ±50 % at once. */
export const FACTOR_RANGE: Readonly<Record<ScriptableParam, readonly [number, number]>> = {
  liquidity: [0.05, 20],
  resilience: [0.05, 20],
  withdrawal: [0.05, 20],
  volatility: [0.05, 20],
  noise: [0.05, 20],
  index: [0.5, 1.5],
};

const SCRIPTABLE_SET: ReadonlySet<string> = new Set(SCRIPTABLE);

/** Whether `x` is a change the engine can apply within a run of `steps` steps. */
export function isScriptedChange(x: unknown, steps: number): x is ScriptedChange {
  if (typeof x !== 'object' || x === null) return false;
  const { step, param, factor } = x as Record<string, unknown>;
  if (typeof param !== 'string' || !SCRIPTABLE_SET.has(param)) return false;
  const [lo, hi] = FACTOR_RANGE[param as ScriptableParam];
  return (
    Number.isInteger(step) &&
    (step as number) >= 0 &&
    (step as number) < steps &&
    typeof factor === 'number' &&
    factor >= lo &&
    factor <= hi
  );
}

/**
 * The changes of a run by step, or null without any. Changes the engine cannot apply are left
 * out (the scenario layer reports them before a run; a scenario from elsewhere is not trusted).
 */
export function scheduleChanges(
  changes: readonly ScriptedChange[] | undefined,
  steps: number,
): ReadonlyMap<number, readonly ScriptedChange[]> | null {
  if (!Array.isArray(changes) || changes.length === 0) return null;
  const byStep = new Map<number, ScriptedChange[]>();
  for (const c of changes.slice(0, MAX_CHANGES)) {
    if (!isScriptedChange(c, steps)) continue;
    const list = byStep.get(c.step);
    if (list) list.push(c);
    else byStep.set(c.step, [c]);
  }
  return byStep.size > 0 ? byStep : null;
}
