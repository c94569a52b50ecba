/** The run report's numbers, live: re-rendered a few times a second at most, not per step. */

import { selectReport, selectScenario } from '../state/selectors';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { reportFigures } from './figures';

export function FiguresPanel() {
  const report = useThrottledAppStore(selectReport, 150);
  const scenario = useAppStore(selectScenario);
  const figures = reportFigures(report, scenario);
  return (
    <section aria-labelledby="figures-title" className="min-w-0">
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
