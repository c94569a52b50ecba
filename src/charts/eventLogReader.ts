/**
 * The event log kept up to date as a run streams: the spans of each event flag are extended
 * with the rows that arrived since the last read (and each ADL span's notional with them), so a
 * read costs O(new rows + entries), not a scan of the whole history as eventLog does. The
 * entries are eventLog's, equal field for field (events.test.ts checks it).
 */

import { EVENT, type FrameBatch } from '../engine/frame';
import { logEntries, type EventSpan, type LogEntry } from './events';

const FLAGS = Object.values(EVENT);

interface FlagSpans {
  spans: EventSpan[];
  /** The span the last row read extends, or null if that row lacked the flag. */
  open: EventSpan | null;
}

export function createEventLogReader(shockColor: string, haltColor: string) {
  let source: FrameBatch['scalars'] | null = null;
  let rows = 0;
  let byFlag = new Map<number, FlagSpans>();
  const adl = new Map<EventSpan, number>();
  let last: { rows: number; badDebt: number; entries: LogEntry[] } | null = null;

  function restart(scalars: FrameBatch['scalars']): void {
    source = scalars;
    rows = 0;
    byFlag = new Map(FLAGS.map((f) => [f, { spans: [], open: null }]));
    adl.clear();
    last = null;
  }

  return {
    /** The log of `frames` (one history, filled in place; another one starts over). */
    read(frames: FrameBatch): LogEntry[] {
      const s = frames.scalars;
      // Fewer rows than read (a held minute, a reset in place): read it again from the start.
      if (s !== source || frames.count < rows) restart(s);
      for (let r = rows; r < frames.count; r++) {
        for (const [flag, f] of byFlag) {
          if ((s.events[r] & flag) === 0) f.open = null;
          else if (f.open && s.step[r] === f.open.to + 1) f.open.to = s.step[r];
          else {
            f.open = { from: s.step[r], to: s.step[r], row: r };
            f.spans.push(f.open);
          }
          if (flag === EVENT.ADL && f.open)
            adl.set(f.open, (adl.get(f.open) ?? 0) + s.adlNotional[r]);
        }
      }
      rows = frames.count;
      const badDebt = rows > 0 ? s.badDebt[rows - 1] : 0;
      // Unchanged: the same array, so a list keyed on it need not re-render.
      if (last && last.rows === rows && last.badDebt === badDebt) return last.entries;
      const entries = logEntries(
        frames,
        (flag) => byFlag.get(flag)?.spans ?? [],
        (span) => adl.get(span) ?? 0,
        shockColor,
        haltColor,
      );
      last = { rows, badDebt, entries };
      return entries;
    },
  };
}
