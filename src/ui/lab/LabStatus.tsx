/** The sweep's progress bar, time left, and how it ended; the critical shocks found. */

import { useEffect, useState } from 'react';
import { PARAMS } from '../../scenario';
import { criticalJson } from '../../scenario/analysis/sweepRows';
import { secondsLeft, type LabSweep } from './useLabSweep';

const seconds = (s: number) =>
  s < 60 ? `${Math.ceil(s)} s` : `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
const runs = (n: number) => n.toLocaleString('en-US');

export function LabStatus({ sweep }: { sweep: LabSweep }) {
  // The clock for the time left: once a second while running.
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (sweep.status !== 'running') return;
    const id = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(id);
  }, [sweep.status]);
  if (sweep.status === 'idle' || !sweep.plan) return null;
  const left = secondsLeft(sweep, Math.max(now, sweep.startedAt));
  const took = seconds((sweep.endedAt - sweep.startedAt) / 1000);
  const text = {
    running: `${runs(sweep.done)} of ${runs(sweep.total)} runs${left === null ? '' : ` · about ${seconds(left)} left`}`,
    done: `Done: ${runs(sweep.total)} runs in ${took}.`,
    cancelled: `Cancelled after ${runs(sweep.done)} of ${runs(sweep.total)} runs; the finished cells are shown.`,
    failed: `The sweep failed: ${sweep.message}`,
    idle: '',
  }[sweep.status];
  const name = sweep.plan.other?.name;
  const critical = sweep.critical;
  const fmt = (x: number | null) => (x === null ? 'beyond the grid' : `${x.toFixed(2)} %`);
  return (
    <div
      className="mt-2 space-y-1 text-sm"
      data-testid="lab-status"
      data-status={sweep.status}
      data-elapsed-ms={sweep.endedAt > 0 ? Math.round(sweep.endedAt - sweep.startedAt) : undefined}
    >
      <div className="flex items-center gap-2">
        <progress
          className="h-2 w-48 max-w-[40%]"
          max={sweep.total}
          value={sweep.done}
          aria-label="Sweep progress"
        />
        <span
          role="status"
          className={sweep.status === 'failed' ? 'text-rose-300' : 'text-slate-200'}
        >
          {text}
        </span>
      </div>
      {critical.length > 0 && (
        <details className="text-slate-300">
          <summary className="cursor-pointer">Critical shocks ({critical.length})</summary>
          <ul className="mt-1 columns-1 text-xs sm:columns-2">
            {critical.map((c, i) => (
              <li key={i} data-critical={JSON.stringify(criticalJson(c))}>
                {name ? `${PARAMS[name].label} ${c.point[name]}: ` : ''}
                {c.bound === 'above'
                  ? 'none in the grid (P stays below ½)'
                  : `${c.bound === 'atOrBelow' ? 'at or below ' : ''}${fmt(c.criticalShock)} [${fmt(c.ciLow)}, ${fmt(c.ciHigh)}]`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
