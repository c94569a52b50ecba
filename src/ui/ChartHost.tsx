/**
 * Mounts one D3 chart into a container React owns: creates it once, feeds it the run's frames
 * straight from the store (a vanilla subscription, so React never re-renders per step), tells it
 * when the container resizes, and destroys it on unmount. The charts draw through the page's draw
 * queue (charts/drawQueue.ts), in turn when one frame cannot hold them all. While the scrubber holds a past minute
 * a chart gets the history up to that minute, or, if it marks a cursor, all of it and the minute.
 *
 * Errors from outside React's render — a draw in an animation frame, a store subscription, the
 * ResizeObserver — are caught here and re-thrown on the next render, so the panel's
 * ErrorBoundary shows this chart's message: no frozen chart logging an error every frame, and a
 * throwing chart never stops the store's other subscribers.
 */

import { useEffect, useRef, useState } from 'react';
import { hasCursor, sharedDrawQueue, type BaseChartOptions, type Chart } from '../charts';
import { historyUpTo } from '../state/history';
import { PRIMARY_RUN, lockstepCount } from '../state/slices';
import { useApp } from '../state/react';

export interface ChartHostProps<O extends object> {
  create: (el: HTMLElement, options: BaseChartOptions & O) => Chart;
  /** The chart's own options (its callbacks): keep them stable, a change re-creates it. */
  options?: O;
  className?: string;
  /** The run it draws (default: the primary one); compare mode draws B in a second chart. */
  runId?: string;
}

export function ChartHost<O extends object = object>({
  create,
  options,
  className,
  runId = PRIMARY_RUN,
}: ChartHostProps<O>) {
  const ref = useRef<HTMLDivElement>(null);
  const { store } = useApp();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let failed = false;
    const onError = (error: unknown) => {
      if (failed) return;
      failed = true;
      setFailure({ error });
    };
    /** Runs `fn` unless the chart has failed; what it throws goes to onError. */
    const guarded = (fn: () => void) => () => {
      if (failed) return;
      try {
        fn();
      } catch (error) {
        onError(error);
      }
    };
    const chart = create(el, { ...(options as O), onError, scheduler: sharedDrawQueue() });
    const feed = guarded(() => {
      const s = store.getState();
      const run = runId === PRIMARY_RUN ? s : s.runs[runId];
      if (!run?.frames || !run.info) return;
      const { viewStep } = s;
      // Runs shown together are drawn to the same step: the one ahead waits for the slower.
      const frames = s.compare ? historyUpTo(run.frames, lockstepCount(s) - 1) : run.frames;
      chart.setOpening?.(run.opening);
      if (hasCursor(chart)) {
        chart.setCursor(viewStep);
        chart.update(frames, run.info);
      } else chart.update(historyUpTo(frames, viewStep), run.info);
    });
    feed();
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.framesVersion !== prev.framesVersion ||
        s.info !== prev.info ||
        s.viewStep !== prev.viewStep ||
        s.runs !== prev.runs
      )
        feed();
    });
    const observer = new ResizeObserver(guarded(() => chart.resize()));
    observer.observe(el);
    return () => {
      observer.disconnect();
      unsubscribe();
      chart.destroy();
    };
  }, [create, options, store, runId]);

  return <div ref={ref} className={className} />;
}
