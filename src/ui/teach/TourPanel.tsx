/**
 * The open tour's stage, over the price chart: its note, its key moments (reached at which
 * minute, or not yet), and Back / continue to the next moment / Next. The run stops exactly at
 * each moment (the worker's pauseOn), so the note and the charts speak of the same minute.
 */

import { useEffect, useState } from 'react';
import { useApp, useAppStore, useThrottledAppStore } from '../../state/react';
import { selectStatus } from '../../state/selectors';
import { continueTour, endTour, momentSteps, openStage, openStageOf } from '../../state/tour';
import { MOMENT_LABELS, TOUR_CHART_LABELS } from '../../scenario/tours';
import { TOUR_CHART_IDS } from '../chartIds';
import { findPreset } from '../../scenario/presets';
import { menuButton } from '../share/styles';

type Notes = Readonly<Record<string, readonly string[]>>;
let loadedNotes: Notes | null = null;

/** The stage's note, loaded with the first tour opened (tourNotes.ts: text the start need not carry). */
function StageNote({ tour, number }: { tour: string; number: number }) {
  const [notes, setNotes] = useState(loadedNotes);
  useEffect(() => {
    if (notes) return;
    let live = true;
    import('../../scenario/tourNotes').then(
      (m) => {
        loadedNotes = m.TOUR_NOTES;
        if (live) setNotes(loadedNotes);
      },
      () => {}, // offline before it was cached: the stage runs without its note
    );
    return () => {
      live = false;
    };
  }, [notes]);
  return (
    <p className="mt-1 text-sm text-slate-100" aria-live="polite" data-testid="tour-note">
      {notes?.[tour]?.[number - 1]}
    </p>
  );
}

/** Brings a chart into view (at once when the reader asked for reduced motion) and focuses it. */
function showChart(id: string) {
  const chart = document.getElementById(id);
  if (!chart) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  chart.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth' });
  // Focus follows, so a keyboard user goes on from the chart, not from a button out of view.
  chart.focus({ preventScroll: true });
}

export function TourPanel() {
  const { store, controller } = useApp();
  const teach = useAppStore((s) => s.teach);
  const status = useAppStore(selectStatus);
  // Frames grow in place: the version (throttled) says when to look at the moments again.
  useThrottledAppStore((s) => s.framesVersion, 200);
  const open = openStageOf(teach);
  if (!open) return null;
  const { tour, number, stage } = open;
  const { frames } = store.getState();
  const steps = momentSteps(frames, stage.moments);
  const next = steps.findIndex((step) => step < 0);
  const last = frames && frames.count > 0 ? frames.start + frames.count - 1 : -1;
  // Stopped at a moment: the newest frame is one (never before the first frame: -1 is "not yet").
  const here =
    last >= 0 && status !== 'playing' ? stage.moments.find((_, i) => steps[i] === last) : undefined;
  const go = (n: number) => openStage(store, controller, tour.name, n);
  const compare = stage.compareWith ? findPreset(stage.compareWith) : undefined;
  const playLabel = next >= 0 ? `Play to ${MOMENT_LABELS[stage.moments[next]]}` : 'Play to the end';
  return (
    <section
      aria-labelledby="tour-title"
      className="rounded-lg border border-sky-800 bg-sky-950/50 px-3 py-2"
      data-testid="tour-panel"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="tour-title" className="text-base font-semibold text-sky-100">
          {tour.title}
        </h2>
        <p className="text-sm text-slate-300" data-testid="tour-stage">
          Stage {number} of {tour.stages.length}: <strong>{stage.title}</strong>
        </p>
        <button
          type="button"
          className="ml-auto text-sm text-slate-300 underline"
          onClick={() => endTour(store)}
        >
          End tour
        </button>
      </div>
      <StageNote tour={tour.name} number={number} />
      {compare && (
        <p className="mt-1 text-xs text-slate-400" data-testid="tour-compare">
          In compare mode beside B, {compare.title} (stage 1): the Δ column is B − A.
        </p>
      )}
      {stage.moments.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-300" aria-label="Key moments">
          {stage.moments.map((m, i) => (
            <li key={m} data-testid={`moment-${m}`}>
              {MOMENT_LABELS[m]}: {steps[i] >= 0 ? `minute ${steps[i]}` : 'not yet'}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-1 text-sm text-amber-200 empty:hidden" data-testid="tour-stop">
        {here ? `Stopped at ${MOMENT_LABELS[here]}, minute ${last}.` : ''}
      </p>
      <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label="Tour">
        <button
          type="button"
          className={menuButton}
          disabled={number === 1}
          onClick={() => go(number - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className={`${menuButton} border-sky-500`}
          onClick={() =>
            status === 'playing' ? controller.pause() : continueTour(store.getState(), controller)
          }
        >
          {status === 'playing' ? 'Pause' : playLabel}
        </button>
        <button
          type="button"
          className={menuButton}
          disabled={number === tour.stages.length}
          onClick={() => go(number + 1)}
        >
          Next
        </button>
        {stage.look && (
          <button
            type="button"
            className={`${menuButton} ml-auto`}
            aria-controls={TOUR_CHART_IDS[stage.look]}
            onClick={() => showChart(TOUR_CHART_IDS[stage.look!])}
          >
            Show {TOUR_CHART_LABELS[stage.look]} ↓
          </button>
        )}
      </div>
    </section>
  );
}
