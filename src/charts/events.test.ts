import { describe, expect, it } from 'vitest';
import { EVENT } from '../engine/frame';
import { makeTrace } from './__fixtures__/trace';
import { eventLog, eventSpans, eventTitle, markerSpans } from './events';

describe('eventSpans', () => {
  it('merges consecutive steps with a flag into one span', () => {
    const f = makeTrace();
    expect(eventSpans(f, EVENT.SHOCK)).toEqual([{ from: 6, to: 8, row: 6 }]);
    expect(eventSpans(f, EVENT.HALT)).toEqual([{ from: 12, to: 13, row: 12 }]);
  });

  it('finds nothing in frames that have not arrived yet', () => {
    expect(eventSpans(makeTrace(10), EVENT.HALT)).toEqual([]);
  });

  it('titles an ADL span with its minutes and the notional closed', () => {
    const f = makeTrace();
    const [span] = eventSpans(f, EVENT.ADL);
    expect(eventTitle(f, 'ADL', span)).toBe(
      'Auto-deleveraging, minutes 10–11: $160k of positions closed',
    );
    const [start] = eventSpans(f, EVENT.CASCADE_START);
    expect(eventTitle(f, 'CASCADE_START', start)).toBe('Cascade starts, minute 7');
  });
});

describe('eventLog and the bad-debt marker', () => {
  it('lists every event in step order, with the money involved', () => {
    const texts = eventLog(makeTrace(), '#s', '#h').map((e) => e.text);
    expect(texts[0]).toBe('min 6–8 the shock hits');
    expect(texts).toContain('min 7 cascade starts');
    expect(texts).toContain('min 10–11 auto-deleveraging, $160k closed');
    expect(texts).toContain('min 12–13 trading halted');
    expect(texts.find((t) => t.includes('bad debt'))).toMatch(/, \$20k so far$/);
    const steps = eventLog(makeTrace(), '#s', '#h').map((e) => e.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('gives the bad debt so far, the number the Bad debt figure shows', () => {
    const f = makeTrace();
    const [span] = markerSpans(f, 'BAD_DEBT');
    expect(eventTitle(f, 'BAD_DEBT', span)).toMatch(/: \$20k so far$/);
  });

  it('shows no bad-debt marker or entry for rounding dust', () => {
    const f = makeTrace();
    f.scalars.badDebt.fill(3e-9);
    expect(eventSpans(f, EVENT.BAD_DEBT)).not.toEqual([]);
    expect(markerSpans(f, 'BAD_DEBT')).toEqual([]);
    expect(eventLog(f, '#s', '#h').some((e) => e.name === 'BAD_DEBT')).toBe(false);
  });
});

describe('a scripted change', () => {
  it('is a marker and a log entry at its minute', () => {
    const f = makeTrace();
    f.scalars.events[4] |= EVENT.CHANGE;
    const [span] = markerSpans(f, 'CHANGE');
    expect(span).toEqual({ from: 4, to: 4, row: 4 });
    expect(eventTitle(f, 'CHANGE', span)).toBe('Scripted change, minute 4');
    const entry = eventLog(f, '#s', '#h').find((e) => e.name === 'CHANGE');
    expect(entry).toMatchObject({ step: 4, text: 'min 4 scripted change' });
  });
});
