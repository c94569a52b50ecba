import { describe, expect, it } from 'vitest';
import { createManualScheduler, createRedraw } from './frameScheduler';

describe('createRedraw', () => {
  it('draws once per frame however many updates arrive', () => {
    const frames = createManualScheduler();
    let draws = 0;
    const redraw = createRedraw(() => draws++, frames);
    for (let i = 0; i < 50; i++) redraw.request();
    expect(draws).toBe(0);
    expect(frames.pending).toBe(1);
    frames.flush();
    expect(draws).toBe(1);
    redraw.request();
    frames.flush();
    expect(draws).toBe(2);
  });

  it('draws a request made during a draw on the next frame, not in a loop', () => {
    const frames = createManualScheduler();
    let draws = 0;
    const redraw = createRedraw(() => {
      draws++;
      if (draws === 1) redraw.request();
    }, frames);
    redraw.request();
    frames.flush();
    expect(draws).toBe(1);
    expect(frames.pending).toBe(1);
    frames.flush();
    expect(draws).toBe(2);
  });

  it('draws nothing after cancel(), and again on the next request', () => {
    const frames = createManualScheduler();
    let draws = 0;
    const redraw = createRedraw(() => draws++, frames);
    redraw.request();
    redraw.cancel();
    expect(frames.pending).toBe(0);
    frames.flush();
    expect(draws).toBe(0);
    redraw.request();
    frames.flush();
    expect(draws).toBe(1);
  });

  it('hands a draw error to onError, and draws again on the next request', () => {
    const frames = createManualScheduler();
    const errors: unknown[] = [];
    let draws = 0;
    const redraw = createRedraw(
      () => {
        draws++;
        if (draws === 1) throw new Error('bad draw');
      },
      frames,
      (error) => errors.push(error),
    );
    redraw.request();
    expect(() => frames.flush()).not.toThrow();
    expect(errors).toEqual([new Error('bad draw')]);
    expect(frames.pending).toBe(0);
    redraw.request();
    frames.flush();
    expect(draws).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('throws a draw error from the frame callback when there is no onError', () => {
    const frames = createManualScheduler();
    const redraw = createRedraw(() => {
      throw new Error('bad draw');
    }, frames);
    redraw.request();
    expect(() => frames.flush()).toThrow('bad draw');
  });
});
