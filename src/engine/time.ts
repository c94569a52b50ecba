/**
 * Market time: one step is one minute. Parameters quoted per day or per 8 hours (volatility,
 * funding) are converted here, in one place.
 */

export const STEPS_PER_DAY = 1440;
/** Funding rates are quoted per 8 hours, as venues do. */
export const STEPS_PER_8H = 480;

/** Standard deviation of a one-step log return, for a daily volatility in percent. */
export function stepVolatility(dailyPercent: number): number {
  return dailyPercent / 100 / Math.sqrt(STEPS_PER_DAY);
}
