/**
 * The scrubber: a track over the minutes run so far. Dragging it, or ←/→, Home and End on it
 * (the browser's own keys for a range input, so the global → step leaves it alone), holds every
 * chart and figure at that minute; the newest minute, End or "Live" follow the run again.
 * "Animate" plays the history from the held minute at the playback speed (no "play" in its
 * name: Play and Replay are the run's own buttons).
 */

import { useEffect, useId, useMemo, useState } from 'react';
import { animationFrameScheduler } from '../shared/frameScheduler';
import { createReplay } from '../state/replay';
import { selectShownStep, selectViewStep } from '../state/selectors';
import { useApp, useAppStore, useThrottledAppStore } from '../state/react';

const clock = () => performance.now();

function useReplay() {
  const { store } = useApp();
  const [running, setRunning] = useState(false);
  const replay = useMemo(
    () => createReplay(store, animationFrameScheduler(), clock, () => setRunning(false)),
    [store],
  );
  useEffect(() => () => replay.stop(), [replay]);
  return {
    running,
    toggle() {
      if (replay.running) replay.stop();
      else {
        replay.start();
        setRunning(replay.running);
      }
    },
    stop: () => replay.stop(),
  };
}

const button =
  'rounded-md border border-slate-600 px-2 py-1 text-sm text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-40';

export function Scrubber() {
  const id = useId();
  const rows = useThrottledAppStore(selectShownStep, 200);
  const viewStep = useAppStore(selectViewStep);
  const setViewStep = useAppStore((s) => s.setViewStep);
  const newest = (rows ?? 0) - 1;
  const shown = viewStep ?? newest;
  const disabled = rows === null || rows < 2;
  const replay = useReplay();
  const text =
    newest < 0
      ? 'no minute yet'
      : viewStep === null
        ? `minute ${newest}, live`
        : `minute ${shown} of ${newest}`;
  return (
    <div className="flex min-w-0 items-center gap-2" data-testid="scrubber">
      <label htmlFor={id} className="shrink-0 text-sm text-slate-300 max-sm:sr-only">
        Minute shown
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, newest)}
        step={1}
        value={Math.max(0, shown)}
        disabled={disabled}
        aria-valuetext={text}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End"
        onChange={(e) => {
          replay.stop();
          setViewStep(Number(e.currentTarget.value));
        }}
        className="h-6 min-w-0 flex-1 accent-sky-400 disabled:opacity-40"
      />
      <span
        className={`shrink-0 text-right sm:w-28 text-sm tabular-nums ${viewStep === null ? 'text-slate-400' : 'font-semibold text-sky-300'}`}
        data-testid="scrubber-minute"
        aria-hidden="true"
      >
        {newest < 0 ? '–' : viewStep === null ? `min ${newest} · live` : `min ${shown} / ${newest}`}
      </span>
      <button
        type="button"
        className={button}
        onClick={replay.toggle}
        disabled={disabled}
        aria-pressed={replay.running}
        title="Animate the minutes run so far, from the one shown, at the playback speed"
      >
        {replay.running ? 'Stop' : 'Animate'}
      </button>
      <button
        type="button"
        className={button}
        onClick={() => {
          replay.stop();
          setViewStep(null);
        }}
        disabled={viewStep === null}
      >
        Live
      </button>
    </div>
  );
}
