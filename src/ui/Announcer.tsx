/**
 * A polite live region for screen readers: the run's key moments as they happen (the event
 * log's new entries, a second at most between announcements) and, at the end, the headline
 * figures. Scrubbing announces nothing: the scrubber's own value says where the view is.
 */

import { useEffect, useState } from 'react';
import { PALETTE, createEventLogReader } from '../charts';
import { throttledSubscribe, useApp } from '../state/react';
import type { AppState } from '../state/store';
import { reportFigures } from './figures';

/** What to announce at the end of a run: its length and the headline figures. */
export function endAnnouncement(s: Pick<AppState, 'report' | 'scenario'>): string {
  const figures = reportFigures(s.report, s.scenario);
  const pick = (key: string) => figures.find((f) => f.key === key);
  const said = [
    'drawdown',
    'amplification',
    'liquidated-long',
    'liquidated-short',
    'adl',
    'bad-debt',
  ]
    .map(pick)
    .filter((f) => f !== undefined)
    .map((f) => `${f.label} ${f.value}`);
  return `Run finished after ${s.report?.stepsRun ?? 0} minutes: ${said.join(', ')}.`;
}

export function Announcer() {
  const { store } = useApp();
  const [message, setMessage] = useState('');
  useEffect(() => {
    let generation = -1;
    let announced = 0;
    let finished = false;
    // Extended from the new rows on each check, not read from the whole history again.
    let reader = createEventLogReader(PALETTE.shock, PALETTE.halt);
    const check = () => {
      const s = store.getState();
      if (s.readyGeneration !== s.generation || !s.frames) return;
      if (s.generation !== generation) {
        generation = s.generation;
        announced = 0;
        finished = false;
        reader = createEventLogReader(PALETTE.shock, PALETTE.halt);
      }
      const parts: string[] = [];
      const entries = reader.read(s.frames);
      for (const e of entries.slice(announced)) parts.push(`Minute ${e.step}: ${e.what}`);
      announced = entries.length;
      if (s.status === 'done' && s.report && !finished) {
        finished = true;
        parts.push(endAnnouncement(s));
      }
      if (parts.length > 0) setMessage(parts.join('. '));
    };
    return throttledSubscribe(store, 1000, check);
  }, [store]);
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="announcer">
      {message}
    </div>
  );
}
