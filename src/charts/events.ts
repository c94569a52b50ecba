/**
 * Reading the frame's event flags for chart marks: consecutive steps with a flag become one
 * span (one marker for a 12-minute ADL episode, not twelve), each with a short title.
 */

import type { EventName, FrameBatch } from '../engine/frame';
import { formatUsd } from './format';

/** A run of consecutive steps that share an event flag; `to` is inclusive. */
export interface EventSpan {
  from: number;
  to: number;
  /** Row of the span's first step in the batch. */
  row: number;
}

/** Spans of rows [0, count) whose `events` have `flag` set, in step order. */
export function eventSpans(frames: FrameBatch, flag: number): EventSpan[] {
  const ev = frames.scalars.events;
  const step = frames.scalars.step;
  const out: EventSpan[] = [];
  let open: EventSpan | null = null;
  for (let r = 0; r < frames.count; r++) {
    const on = (ev[r] & flag) !== 0;
    const s = step[r];
    if (on && open && s === open.to + 1) open.to = s;
    else if (on) {
      open = { from: s, to: s, row: r };
      out.push(open);
    } else open = null;
  }
  return out;
}

/** Events drawn as small markers, with their symbol (a d3 symbol name) and colour. */
export const MARKER_EVENTS = [
  { name: 'CASCADE_START', label: 'Cascade starts', symbol: 'triangle', color: '#fb923c' },
  { name: 'BOOK_DRY', label: 'Order book runs dry within 5 %', symbol: 'wye', color: '#22d3ee' },
  { name: 'FUND_EXHAUSTED', label: 'Insurance fund exhausted', symbol: 'square', color: '#facc15' },
  { name: 'ADL', label: 'Auto-deleveraging', symbol: 'diamond', color: '#e879f9' },
  { name: 'BAD_DEBT', label: 'Bad debt', symbol: 'cross', color: '#f43f5e' },
] as const satisfies ReadonlyArray<{
  name: EventName;
  label: string;
  symbol: string;
  color: string;
}>;

export type MarkerEventName = (typeof MARKER_EVENTS)[number]['name'];

function minutes(span: EventSpan): string {
  return span.from === span.to ? `minute ${span.from}` : `minutes ${span.from}–${span.to}`;
}

/** Tooltip text of a marker span, with the money involved where the frame has it. */
export function eventTitle(
  frames: FrameBatch,
  name: MarkerEventName | 'HALT',
  span: EventSpan,
): string {
  const s = frames.scalars;
  const rows = span.to - span.from + 1;
  let sum = 0;
  switch (name) {
    case 'ADL':
      for (let r = span.row; r < span.row + rows && r < frames.count; r++) sum += s.adlNotional[r];
      return `Auto-deleveraging, ${minutes(span)}: ${formatUsd(sum)} of positions closed`;
    case 'BAD_DEBT':
      return `Bad debt appears, ${minutes(span)}: ${formatUsd(s.badDebt[Math.min(frames.count - 1, span.row + rows - 1)])} in all`;
    case 'HALT':
      return `Trading halted by the circuit breaker, ${minutes(span)}`;
    default: {
      const label = MARKER_EVENTS.find((m) => m.name === name)?.label ?? name;
      return `${label}, ${minutes(span)}`;
    }
  }
}
