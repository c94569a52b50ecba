/**
 * Reading the frame's event flags for chart marks: consecutive steps with a flag become one
 * span (one marker for a 12-minute ADL episode, not twelve), each with a short title.
 */

import { EVENT, type EventName, type FrameBatch } from '../engine/frame';
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
  { name: 'CHANGE', label: 'Scripted change', symbol: 'circle', color: '#a3e635' },
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

/**
 * Bad debt below this (USD) is rounding dust, not a loss anyone would report: no marker, no
 * log entry, and the Bad debt figure reads $0 (ui/figures.ts uses the same threshold).
 */
export const BAD_DEBT_MIN_USD = 1;

/** Bad debt so far: the cumulative column at the newest row. */
function badDebtSoFar(frames: FrameBatch): number {
  return frames.count > 0 ? frames.scalars.badDebt[frames.count - 1] : 0;
}

/** The spans of a marker event worth showing (bad debt only once it is more than dust). */
export function markerSpans(frames: FrameBatch, name: MarkerEventName): EventSpan[] {
  if (name === 'BAD_DEBT' && badDebtSoFar(frames) < BAD_DEBT_MIN_USD) return [];
  return eventSpans(frames, EVENT[name]);
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
      // The Bad debt figure's number: the total so far, not the span's first minute.
      return `Bad debt appears, ${minutes(span)}: ${formatUsd(badDebtSoFar(frames))} so far`;
    case 'HALT':
      return `Trading halted by the circuit breaker, ${minutes(span)}`;
    default: {
      const label = MARKER_EVENTS.find((m) => m.name === name)?.label ?? name;
      return `${label}, ${minutes(span)}`;
    }
  }
}

/** One line of the event log: when, what, and the marker it goes with. */
export interface LogEntry {
  /** First step of the span: where the log jumps. */
  step: number;
  name: MarkerEventName | 'SHOCK' | 'HALT';
  /** Short text: "min 61 cascade starts", "min 104–115 auto-deleveraging, $67.7M closed". */
  text: string;
  /** The text without its minutes: "cascade starts". */
  what: string;
  color: string;
}

function when(span: EventSpan): string {
  return span.from === span.to ? `min ${span.from}` : `min ${span.from}–${span.to}`;
}

/** Every event of the frames so far, in step order, as the event log lists them. */
export function eventLog(frames: FrameBatch, shockColor: string, haltColor: string): LogEntry[] {
  const s = frames.scalars;
  const adlSum = (span: EventSpan): number => {
    let sum = 0;
    for (let r = span.row; r <= span.row + span.to - span.from && r < frames.count; r++)
      sum += s.adlNotional[r];
    return sum;
  };
  return logEntries(frames, (flag) => eventSpans(frames, flag), adlSum, shockColor, haltColor);
}

/**
 * The event log from the spans of each flag (`spansOf`) and each ADL span's notional closed
 * (`adlSum`): eventLog reads them from the whole history, eventLogReader.ts keeps them as rows
 * arrive. O(spans), not O(rows).
 */
export function logEntries(
  frames: FrameBatch,
  spansOf: (flag: number) => readonly EventSpan[],
  adlSum: (span: EventSpan) => number,
  shockColor: string,
  haltColor: string,
): LogEntry[] {
  const out: LogEntry[] = [];
  for (const span of spansOf(EVENT.SHOCK)) {
    out.push({
      step: span.from,
      name: 'SHOCK',
      what: 'the shock hits',
      text: `${when(span)} the shock hits`,
      color: shockColor,
    });
  }
  const badDebt = badDebtSoFar(frames);
  for (const m of MARKER_EVENTS) {
    if (m.name === 'BAD_DEBT' && badDebt < BAD_DEBT_MIN_USD) continue;
    for (const span of spansOf(EVENT[m.name])) {
      let what = m.label.toLowerCase();
      if (m.name === 'ADL') what += `, ${formatUsd(adlSum(span))} closed`;
      else if (m.name === 'BAD_DEBT') what += ` appears, ${formatUsd(badDebt)} so far`;
      const text = `${when(span)} ${what}`;
      out.push({ step: span.from, name: m.name, text, what, color: m.color });
    }
  }
  for (const span of spansOf(EVENT.HALT)) {
    out.push({
      step: span.from,
      name: 'HALT',
      what: 'trading halted',
      text: `${when(span)} trading halted`,
      color: haltColor,
    });
  }
  // Stable: within a minute, the order above (shock, then the markers' order, then halts).
  return out.sort((a, b) => a.step - b.step);
}
