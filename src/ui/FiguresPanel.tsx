/**
 * The run report's numbers, live: re-rendered a few times a second at most, not per step. While
 * the scrubber holds a past minute they are the history's as of that minute. Until a new run is
 * set up they show dashes, dimmed (and busy while it is set up): the old run's numbers are not
 * the new scenario's.
 */

import { useMemo } from 'react';
import type { AppState } from '../state/store';
import {
  selectIsComparing,
  selectIsLoading,
  selectIsStale,
  selectReport,
  selectScenario,
  selectViewStep,
} from '../state/selectors';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { viewReport, type ViewReport } from '../state/viewReport';
import { CompareFigures } from './compare/CompareFigures';
import { reportFigures } from './figures';
import { FIGURE_TERMS } from './teach/glossary';
import { Term } from './teach/Term';

const selectHeld = (s: AppState) => (s.viewStep === null ? null : s.frames);
const selectInfo = (s: AppState) => s.info;

/** The history's figures at the held minute, or null while the view is live. */
function useHeldReport(): ViewReport | null {
  const step = useAppStore(selectViewStep);
  const frames = useAppStore(selectHeld);
  const info = useAppStore(selectInfo);
  const fund = useAppStore((s) => s.scenario.insuranceFund);
  // The rows up to a held step never change, so the step and the run are the whole key.
  return useMemo(
    () => (step === null || !frames || !info ? null : viewReport(frames, info, fund, step)),
    [step, frames, info, fund],
  );
}

export function FiguresPanel() {
  const comparing = useAppStore(selectIsComparing);
  return comparing ? <CompareFiguresSection /> : <RunFigures />;
}

/** Compare mode: A, B and Δ columns (loaded with compare mode). */
function CompareFiguresSection() {
  const stale = useAppStore(selectIsStale);
  const loading = useAppStore(selectIsLoading);
  const step = useAppStore(selectViewStep);
  return (
    <section
      aria-labelledby="figures-title"
      aria-busy={loading}
      className={`min-w-0 transition-opacity ${stale ? 'opacity-50' : ''}`}
      data-testid="figures-panel"
    >
      <h2 id="figures-title" className={step === null ? 'sr-only' : 'mb-1 text-sm text-sky-300'}>
        {step === null ? 'Live figures, A and B' : `Figures as of minute ${step}, A and B`}
      </h2>
      <CompareFigures />
    </section>
  );
}

function RunFigures() {
  const live = useThrottledAppStore(selectReport, 150);
  const held = useHeldReport();
  const step = useAppStore(selectViewStep);
  const scenario = useAppStore(selectScenario);
  const stale = useAppStore(selectIsStale);
  const loading = useAppStore(selectIsLoading);
  const report = step === null ? live : held;
  const figures = reportFigures(stale ? null : report, scenario);
  return (
    <section
      aria-labelledby="figures-title"
      aria-busy={loading}
      className={`min-w-0 transition-opacity ${stale ? 'opacity-50' : ''}`}
      data-testid="figures-panel"
    >
      <h2 id="figures-title" className={step === null ? 'sr-only' : 'mb-1 text-sm text-sky-300'}>
        {step === null ? 'Live figures' : `Figures as of minute ${step}`}
      </h2>
      <dl
        className="flex gap-1.5 overflow-x-auto sm:grid sm:grid-cols-4 sm:gap-2 lg:grid-cols-5"
        data-testid="figures"
        data-steps-run={stale ? undefined : report?.stepsRun}
      >
        {figures.map((f) => {
          const term = FIGURE_TERMS[f.key];
          return (
            <div
              key={f.key}
              title={term ? undefined : f.help}
              className="min-w-[6.5rem] shrink-0 rounded-lg border border-slate-800 bg-slate-900/60 px-2 py-1 sm:min-w-0 sm:px-3 sm:py-1.5"
            >
              <dt className="text-xs leading-tight text-slate-400">
                {term ? (
                  <Term k={term} extra={f.help}>
                    {f.label}
                  </Term>
                ) : (
                  f.label
                )}
              </dt>
              <dd
                className={`text-base font-semibold tabular-nums sm:text-lg ${f.alert ? 'text-amber-300' : 'text-slate-100'}`}
                data-figure={f.key}
              >
                {f.value}
              </dd>
              {f.detail && <dd className="truncate text-xs text-slate-400">{f.detail}</dd>}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
