/**
 * The heatmap's two maps: a switch between the true liquidation map and the terminal-style
 * estimate, and how wrong the estimate is at the minute shown (estimateFigures.ts).
 */

import type { FuelColumn } from '../charts';
import { selectShownMinute } from '../state/selectors';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { estimateFiguresAt } from './estimateFigures';

const MAPS: { fuel: FuelColumn; text: string }[] = [
  { fuel: 'predicted', text: 'True map' },
  { fuel: 'estimated', text: 'Estimated (what terminals show)' },
];

export function MapToggle({
  fuel,
  onChange,
}: {
  fuel: FuelColumn;
  onChange: (fuel: FuelColumn) => void;
}) {
  return (
    <div role="group" aria-label="Heatmap shows" className="mb-2 flex flex-wrap gap-1 text-sm">
      {MAPS.map((m) => (
        <button
          key={m.fuel}
          type="button"
          aria-pressed={fuel === m.fuel}
          onClick={() => onChange(m.fuel)}
          className="rounded border border-slate-700 px-2 py-0.5 text-slate-300 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 aria-pressed:border-sky-500 aria-pressed:bg-sky-900 aria-pressed:text-slate-100"
        >
          {m.text}
        </button>
      ))}
    </div>
  );
}

export function EstimateFigures() {
  // The rows up to a minute never change: the minute alone says when to render.
  const minute = useThrottledAppStore(selectShownMinute, 250);
  const frames = useAppStore((s) => s.frames);
  const bands = frames ? estimateFiguresAt(frames, minute) : [];
  return (
    <p className="mt-2 min-h-5 text-xs text-slate-300 tabular-nums" data-testid="estimate-figures">
      {bands.length > 0 && (
        <>
          At <span className="font-semibold text-slate-100">min {minute}</span>{' '}
          {bands.map((b, i) => (
            <span key={b.band} data-band={b.band}>
              {i === 0 ? 'the estimate misses ' : '; within '}
              {i > 0 && `${b.band}: misses `}
              <span data-share="miss">{b.miss}</span>
              {i === 0 && ` of the true fuel within ${b.band} of the price`} and invents{' '}
              <span data-share="invent">{b.invent}</span>
            </span>
          ))}
          .
        </>
      )}
    </p>
  );
}
