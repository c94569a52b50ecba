/**
 * A live criticality gauge beside the figures: of the liquidations so far (to the step shown),
 * how much the liquidations themselves caused, the branching ratio, and the share the shock
 * alone would have caused. Recomputed a few times a second from the frames, not per step.
 */

import { useMemo } from 'react';
import { useApp, useThrottledAppStore } from '../state/react';
import { gaugeFromFrames } from './criticalityGauge';
import { Term } from './teach/Term';

const pct = (v: number) => `${(v * 100).toFixed(0)} %`;

export function CriticalityGauge() {
  const { store } = useApp();
  const version = useThrottledAppStore((s) => s.framesVersion);
  const count = useThrottledAppStore((s) => s.frames?.count ?? 0);
  const viewStep = useThrottledAppStore((s) => s.viewStep);
  const steps = viewStep === null ? count : Math.min(count, viewStep + 1);
  const gauge = useMemo(() => {
    const frames = store.getState().frames;
    return frames && version >= 0 ? gaugeFromFrames(frames, steps) : null;
  }, [store, version, steps]);
  if (!gauge || gauge.liquidated === 0) return null;
  const critical = gauge.branchingRatio >= 1;
  return (
    <section
      aria-label="Criticality so far"
      data-testid="criticality-gauge"
      className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-slate-800 bg-slate-900/95 px-3 py-1 text-sm text-slate-200"
    >
      <span className="text-slate-400">So far:</span>
      <span>
        <Term k="endogenous-share" /> <b>{pct(gauge.endogenousShare)}</b>
      </span>
      <span>
        <Term k="branching-ratio" />{' '}
        <b className={critical ? 'text-rose-300' : undefined}>
          {gauge.branchingRatio.toFixed(2)}
          {critical ? ' (each wave causes a bigger one)' : ''}
        </b>
      </span>
      <span>
        shock alone would have caused <b>{pct(gauge.shockAloneShare)}</b> of it
      </span>
      <meter
        className="h-2 w-24"
        min={0}
        max={1}
        value={gauge.endogenousShare}
        aria-label="Endogenous share"
      />
    </section>
  );
}
