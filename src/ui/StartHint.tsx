/**
 * Over the empty price chart before the first step: when the shock hits and what to press, so
 * the first screen says what is about to happen.
 */

import type { AppState } from '../state/store';
import { useAppStore } from '../state/react';

/** Whether a run is set up and nothing of it has been stepped yet. */
const selectAtStart = (s: AppState) =>
  s.phase === 'ready' && s.readyGeneration === s.generation && (s.frames?.count ?? 0) === 0;

export function shockSentence(shock: number, shockStep: number, shockSteps: number): string {
  if (shock === 0) return 'No shock in this scenario: press Play to watch the market drift.';
  const sign = shock < 0 ? '−' : '+';
  const over = shockSteps > 1 ? ` over ${shockSteps} minutes` : '';
  return `A ${sign}${Math.abs(shock)} % shock hits at minute ${shockStep}${over}: press Play.`;
}

export function StartHint() {
  const atStart = useAppStore(selectAtStart);
  const shock = useAppStore((s) => s.scenario.shock);
  const shockStep = useAppStore((s) => s.scenario.shockStep);
  const shockSteps = useAppStore((s) => s.scenario.shockSteps);
  if (!atStart) return null;
  return (
    <p
      className="pointer-events-none absolute inset-x-4 top-1/3 rounded-md border border-violet-400/40 bg-slate-950/80 px-3 py-2 text-center text-sm text-slate-100"
      data-testid="start-hint"
    >
      {shockSentence(shock, shockStep, shockSteps)}
    </p>
  );
}
