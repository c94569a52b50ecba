/**
 * The event log beside the charts: every key moment of the run so far as a button ("min 61
 * cascade starts"); pressing one holds the charts and figures at that minute. The entry at or
 * before the minute shown is marked current. Re-rendered a few times a second at most, and
 * then in O(new rows): the log is extended from the rows that arrived (eventLogReader.ts) and
 * each row is a memoised component, so React rewrites only the rows that changed.
 */

import { memo, useMemo, useState } from 'react';
import { PALETTE, createEventLogReader, type LogEntry } from '../charts';
import type { AppState } from '../state/store';
import { selectShownMinute } from '../state/selectors';
import { useAppStore, useThrottledAppStore } from '../state/react';
import { EVENT_GLYPHS } from './eventGlyphs';
import { describeChangesAt } from '../scenario/changes';

const selectVersion = (s: AppState) => (s.readyGeneration === s.generation ? s.framesVersion : -1);

export function EventLog() {
  const version = useThrottledAppStore(selectVersion, 250);
  const frames = useAppStore((s) => s.frames);
  const shown = useAppStore(selectShownMinute);
  const setViewStep = useAppStore((s) => s.setViewStep);
  const changes = useAppStore((s) => s.scenario.changes);
  const [reader] = useState(() => createEventLogReader(PALETTE.shock, PALETTE.halt));
  // The history fills in place: the version says when to read it again.
  const entries = useMemo(
    () => (version < 0 || !frames ? [] : reader.read(frames)),
    [version, frames, reader],
  );
  // The minute of the latest entry at or before the one shown: its entries are current.
  let current = -1;
  for (const e of entries) if (e.step <= shown) current = e.step;
  return (
    <section
      aria-labelledby="event-log-title"
      className="min-w-0 rounded-lg border border-slate-800 bg-slate-900/60 p-3"
      data-testid="event-log"
    >
      <h2 id="event-log-title" className="text-base font-semibold text-slate-100">
        Events
      </h2>
      <p className="mb-2 text-sm text-slate-400">Press one to see the charts at that minute.</p>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-400">None yet.</p>
      ) : (
        <ol className="max-h-64 space-y-0.5 overflow-y-auto xl:max-h-[17rem]">
          {entries.map((e) => (
            <EventRow
              key={`${e.name}-${e.step}`}
              entry={
                e.name === 'CHANGE'
                  ? { ...e, text: `min ${e.step} ${describeChangesAt(changes, e.step) || e.what}` }
                  : e
              }
              current={e.step === current}
              onSelect={setViewStep}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface EventRowProps {
  entry: LogEntry;
  current: boolean;
  onSelect: (step: number) => void;
}

/** One entry; re-rendered only when its text, colour or current mark changes. */
const EventRow = memo(
  function EventRow({ entry: e, current, onSelect }: EventRowProps) {
    return (
      <li>
        <button
          type="button"
          onClick={() => onSelect(e.step)}
          aria-current={current ? 'step' : undefined}
          className={`flex w-full items-baseline gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 ${current ? 'bg-slate-800 text-slate-100' : 'text-slate-300'}`}
        >
          <span aria-hidden="true" style={{ color: e.color }} className="w-3 shrink-0">
            {EVENT_GLYPHS[e.name]}
          </span>
          <span className="min-w-0">{e.text}</span>
        </button>
      </li>
    );
  },
  (a, b) =>
    a.current === b.current &&
    a.onSelect === b.onSelect &&
    a.entry.step === b.entry.step &&
    a.entry.text === b.entry.text &&
    a.entry.color === b.entry.color &&
    a.entry.name === b.entry.name,
);
