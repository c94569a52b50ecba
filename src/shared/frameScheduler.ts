/**
 * Coalesces redraw requests into at most one draw per animation frame. Frames may stream in
 * faster than the screen refreshes; a chart asks for a redraw on every update and draws once.
 * The scheduler is injectable so tests can flush synchronously. Neutral: the store paces its
 * frame sink with it and the charts their redraws, so it lives in src/shared.
 */

/** Where a callback is queued: `requestAnimationFrame` in the browser, by hand in tests. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** requestAnimationFrame, or a ~60 Hz timer where there is none (Node, some workers). */
export function animationFrameScheduler(): FrameScheduler {
  if (typeof requestAnimationFrame === 'function') {
    return {
      request: (cb) => requestAnimationFrame(() => cb()),
      cancel: (h) => cancelAnimationFrame(h),
    };
  }
  return {
    request: (cb) => setTimeout(cb, 16) as unknown as number,
    cancel: (h) => clearTimeout(h),
  };
}

/** A scheduler that runs queued callbacks only when `flush()` is called: for tests. */
export interface ManualScheduler extends FrameScheduler {
  /** Runs the callbacks queued so far (not those they queue). */
  flush(): void;
  /** Callbacks waiting. */
  readonly pending: number;
}

export function createManualScheduler(): ManualScheduler {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    request(cb) {
      const h = next++;
      queue.set(h, cb);
      return h;
    },
    cancel(h) {
      queue.delete(h);
    },
    flush() {
      const due = [...queue.values()];
      queue.clear();
      for (const cb of due) cb();
    },
    get pending() {
      return queue.size;
    },
  };
}

/** A coalesced redraw: `request()` as often as you like, `draw` runs once per frame. */
export interface Redraw {
  request(): void;
  /** Drops a pending draw (on destroy). */
  cancel(): void;
}

/**
 * `onError`, if given, receives what `draw` throws: a draw runs in an animation frame, where an
 * error would otherwise escape every caller (and recur on each frame). Without it, errors throw.
 */
export function createRedraw(
  draw: () => void,
  scheduler: FrameScheduler = animationFrameScheduler(),
  onError?: (error: unknown) => void,
): Redraw {
  let handle = 0;
  const run = (): void => {
    handle = 0;
    if (!onError) {
      draw();
      return;
    }
    try {
      draw();
    } catch (error) {
      onError(error);
    }
  };
  return {
    request() {
      if (handle === 0) handle = scheduler.request(run);
    },
    cancel() {
      if (handle !== 0) scheduler.cancel(handle);
      handle = 0;
    },
  };
}
