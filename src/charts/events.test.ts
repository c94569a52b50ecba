import { describe, expect, it } from 'vitest';
import { EVENT } from '../engine/frame';
import { makeTrace } from './__fixtures__/trace';
import { eventSpans, eventTitle } from './events';

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
