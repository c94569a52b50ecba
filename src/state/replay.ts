/**
 * Replaying the history: moves the held minute forward at the playback speed, one store change
 * per animation frame, until it reaches the newest minute (the view is live again) or is
 * stopped. Nothing is simulated: the rows are already there. The scheduler and the clock are
 * injectable, so tests drive it by hand.
 */

import type { FrameScheduler } from '../shared/frameScheduler';
import type { AppStore } from './store';

/** What "max" means for a replay: fast, but still a replay rather than a jump. */
export const MAX_REPLAY_SPEED = 600;

export interface Replay {
  /** Starts from the held minute (from minute 0 if the view is live). */
  start(): void;
  stop(): void;
  readonly running: boolean;
}

export function createReplay(
  store: AppStore,
  scheduler: FrameScheduler,
  now: () => number,
  onEnd: () => void = () => {},
): Replay {
  let handle = 0;
  let from = 0;
  let t0 = 0;

  function stop(): void {
    if (handle === 0) return;
    scheduler.cancel(handle);
    handle = 0;
    onEnd();
  }

  function frame(): void {
    handle = 0;
    const s = store.getState();
    const speed = s.speed === 'max' ? MAX_REPLAY_SPEED : s.speed;
    s.setViewStep(from + Math.floor(((now() - t0) * speed) / 1000));
    // Live again (the newest minute was reached): the replay is over.
    if (store.getState().viewStep === null) {
      onEnd();
      return;
    }
    handle = scheduler.request(frame);
  }

  return {
    start() {
      if (handle !== 0) return;
      const s = store.getState();
      if ((s.frames?.count ?? 0) < 2) return;
      from = s.viewStep ?? 0;
      t0 = now();
      s.setViewStep(from);
      handle = scheduler.request(frame);
    },
    stop,
    get running() {
      return handle !== 0;
    },
  };
}
