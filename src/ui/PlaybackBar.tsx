/** Play/pause, step, reset, speed, and the step counter. */

import type { Speed } from '../worker/protocol';
import {
  selectIsLoading,
  selectIsStale,
  selectPhase,
  selectShownStep,
  selectSpeed,
  selectStatus,
  selectTotalSteps,
} from '../state/selectors';
import { useAppStore, useController, useThrottledAppStore } from '../state/react';

const SPEEDS: readonly { value: Speed; label: string }[] = [
  { value: 5, label: '5 steps/s' },
  { value: 15, label: '15 steps/s' },
  { value: 30, label: '30 steps/s' },
  { value: 60, label: '60 steps/s' },
  { value: 150, label: '150 steps/s' },
  { value: 'max', label: 'max' },
];

const button =
  'rounded-md border border-slate-600 px-3 py-1.5 text-sm font-medium text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-50';

/**
 * Re-renders on its own, a few times a second at most. Until a new run is set up it shows the
 * new run's length and a dash, dimmed: the old run's step is not the new run's.
 */
function StepCounter() {
  const step = useThrottledAppStore(selectShownStep, 100);
  const total = useAppStore(selectTotalSteps);
  const stale = useAppStore(selectIsStale);
  const loading = useAppStore(selectIsLoading);
  return (
    <p
      className="text-sm text-slate-300 tabular-nums"
      data-testid="step-counter"
      aria-busy={loading}
    >
      <span className={stale ? 'opacity-50' : undefined}>
        step <span className="font-semibold text-slate-100">{step ?? '–'}</span> / {total} (min)
      </span>
      {loading && <span className="ml-2 text-slate-400">setting up…</span>}
    </p>
  );
}

export function PlaybackBar() {
  const controller = useController();
  const status = useAppStore(selectStatus);
  const speed = useAppStore(selectSpeed);
  const failed = useAppStore(selectPhase) === 'error';
  const playing = status === 'playing';
  return (
    <div
      role="toolbar"
      aria-label="Playback"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-800 bg-slate-900/95 px-3 py-2"
    >
      <button
        type="button"
        className={`${button} min-w-[5.5rem] border-sky-500 bg-sky-500/15`}
        onClick={controller.togglePlay}
        disabled={failed}
        aria-keyshortcuts="Space"
      >
        {playing ? 'Pause' : status === 'done' ? 'Replay' : 'Play'}
      </button>
      <button
        type="button"
        className={button}
        onClick={controller.step}
        disabled={failed || status === 'done'}
        aria-keyshortcuts="ArrowRight"
      >
        Step
      </button>
      <button type="button" className={button} onClick={controller.reset}>
        Reset
      </button>
      <label className="flex items-center gap-2 text-sm text-slate-300">
        Speed
        <select
          value={String(speed)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            controller.setSpeed(v === 'max' ? 'max' : Number(v));
          }}
          className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-sm text-slate-100"
        >
          {SPEEDS.map((s) => (
            <option key={s.label} value={String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <p className="hidden text-xs text-slate-400 xl:block">
        <kbd className="rounded border border-slate-600 px-1">Space</kbd> play/pause ·{' '}
        <kbd className="rounded border border-slate-600 px-1">→</kbd> step
      </p>
      <div className="ml-auto">
        <StepCounter />
      </div>
    </div>
  );
}
