/**
 * Compare mode's one-click questions: each is scenario B as "the same market, with …". Pure, so
 * the variants are tested in Node; a variant that would not change A (the mark is smoothed
 * already) says what it compares against instead.
 */

import type { Scenario } from '../../scenario';

export interface Variant {
  key: string;
  label: string;
  make(a: Scenario): Scenario;
}

export const VARIANTS: readonly Variant[] = [
  {
    key: 'mark',
    label: 'Smoothed mark',
    // A market on the smoothed mark already compares with the last-trade mark.
    make: (a) => ({ ...a, mark: a.mark === 'smoothed' ? 'last' : 'smoothed' }),
  },
  { key: 'breaker', label: 'Circuit breaker', make: (a) => ({ ...a, breaker: a.breaker || 5 }) },
  {
    key: 'vault',
    label: 'Backstop vault',
    make: (a) => ({ ...a, backstop: a.backstop || 50_000_000 }),
  },
  {
    key: 'adl',
    label: 'ADL pro rata',
    make: (a) => ({ ...a, adl: a.adl === 'prorata' ? 'queue' : 'prorata' }),
  },
  {
    key: 'leverage',
    label: 'Half the leverage',
    make: (a) => ({ ...a, leverage: Math.max(1, a.leverage / 2) }),
  },
];

/** The variant B is, given A, or null (B changed by hand). */
export function variantOf(a: Scenario, b: Scenario): Variant | null {
  const text = JSON.stringify(b);
  return VARIANTS.find((v) => JSON.stringify(v.make(a)) === text) ?? null;
}

/** The label of a variant given A: "Smoothed mark", or "Last-trade mark" when A's is smoothed. */
export function variantLabel(v: Variant, a: Scenario): string {
  if (v.key === 'mark' && a.mark === 'smoothed') return 'Last-trade mark';
  if (v.key === 'adl' && a.adl === 'prorata') return 'ADL queue';
  return v.label;
}
