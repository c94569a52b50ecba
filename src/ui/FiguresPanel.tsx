/**
 * The run report's numbers, live: re-rendered a few times a second at most, not per step. Until
 * a new run is set up they show dashes, dimmed (and busy while it is set up): the old run's
 * numbers are not the new scenario's.
 */

import { selectIsLoading, selectIsStale, selectReport, selectScenario } from '../state/selectors';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { reportFigures } from './figures';

export function FiguresPanel() {
  const report = useThrottledAppStore(selectReport, 150);
  const scenario = useAppStore(selectScenario);
  const stale = useAppStore(selectIsStale);
  const loading = useAppStore(selectIsLoading);
  const figures = reportFigures(stale ? null : report, scenario);
  return (
    <section
      aria-labelledby="figures-title"
      aria-busy={loading}
      className={`min-w-0 transition-opacity ${stale ? 'opacity-50' : ''}`}
      data-testid="figures-panel"
    >
      <h2 id="figures-title" className="sr-only">
        Live figures
      </h2>
      <dl
        className="grid grid-cols-3 gap-1.5 sm:grid-cols-4 sm:gap-2 lg:grid-cols-5"
        data-testid="figures"
      >
        {figures.map((f) => (
          <div
            key={f.key}
            title={f.help}
            className="min-w-0 rounded-lg border border-slate-800 bg-slate-900/60 px-2 py-1.5 sm:px-3"
          >
            <dt className="text-xs leading-tight text-slate-400">{f.label}</dt>
            <dd
              className={`text-base font-semibold tabular-nums sm:text-lg ${f.alert ? 'text-amber-300' : 'text-slate-100'}`}
              data-figure={f.key}
            >
              {f.value}
            </dd>
            {f.detail && <dd className="truncate text-xs text-slate-400">{f.detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
