/**
 * The price chart's readout: the minute under the pointer (or the last tap), else the minute
 * shown — so the scrubber's keys drive it too — with its prices, liquidations, fund and ADL.
 */

import { selectReadoutMinute } from '../state/selectors';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { readoutAt } from './readout';

export function PriceReadout() {
  // Live, the newest minute moves every frame: four updates a second are plenty to read, and
  // the rows up to a minute never change, so the minute alone says when to render.
  const minute = useThrottledAppStore(selectReadoutMinute, 250);
  const frames = useAppStore((s) => s.frames);
  const items = minute < 0 || !frames ? [] : readoutAt(frames, minute);
  return (
    <p
      className="mt-2 flex min-h-5 flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-300 tabular-nums"
      data-testid="price-readout"
      data-minute={minute < 0 ? undefined : minute}
    >
      {items.length > 0 && <span className="font-semibold text-slate-100">min {minute}</span>}
      {items.map((i) => (
        <span key={i.key}>
          <span className="text-slate-400">{i.label}</span> {i.value}
        </span>
      ))}
    </p>
  );
}
