/** What the price chart's event markers mean: the chart's own legend has no room for them. */

import { MARKER_EVENTS } from '../charts';
import { useAppStore } from '../state/react';
import { EVENT_GLYPHS } from './eventGlyphs';

export function MarkerLegend() {
  // Scripted changes are listed only where the scenario has some.
  const scripted = useAppStore((s) => !!s.scenario.changes?.length);
  return (
    <ul
      aria-label="Event markers"
      className="mt-2 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-300"
      data-testid="marker-legend"
    >
      {MARKER_EVENTS.filter((m) => scripted || m.name !== 'CHANGE').map((m) => (
        <li key={m.name} className="flex items-baseline gap-1">
          <span aria-hidden="true" style={{ color: m.color }}>
            {EVENT_GLYPHS[m.name]}
          </span>
          {m.label.toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
