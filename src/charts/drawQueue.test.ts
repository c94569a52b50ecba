import { describe, expect, it } from 'vitest';
import { createManualScheduler } from '../shared/frameScheduler';
import { createDrawQueue } from './drawQueue';

/** A queue on a manual frame scheduler whose draws each take `cost` ms of a fake clock. */
function setup(budget: number, cost: number) {
  const frames = createManualScheduler();
  let t = 0;
  const queue = createDrawQueue(frames, budget, () => t);
  const drawn: string[] = [];
  const draw = (name: string) => () => {
    t += cost;
    drawn.push(name);
  };
  return { frames, queue, drawn, draw };
}

describe('createDrawQueue', () => {
  it('draws everything in one frame while the budget lasts', () => {
    const { frames, queue, drawn, draw } = setup(6, 1);
    for (const n of ['price', 'heatmap', 'depth']) queue.request(draw(n));
    expect(frames.pending).toBe(1);
    frames.flush();
    expect(drawn).toEqual(['price', 'heatmap', 'depth']);
    expect(frames.pending).toBe(0);
  });

  it('leaves what is over the budget to the next frames, first in line', () => {
    const { frames, queue, drawn, draw } = setup(6, 5);
    for (const n of ['price', 'heatmap', 'depth']) queue.request(draw(n));
    frames.flush();
    expect(drawn).toEqual(['price', 'heatmap']);
    // The price asks again before the depth chart has drawn: the depth chart goes first.
    queue.request(draw('price'));
    frames.flush();
    expect(drawn).toEqual(['price', 'heatmap', 'depth', 'price']);
    expect(frames.pending).toBe(0);
  });

  it('always draws at least one per frame, however slow', () => {
    const { frames, queue, drawn, draw } = setup(6, 100);
    queue.request(draw('a'));
    queue.request(draw('b'));
    frames.flush();
    expect(drawn).toEqual(['a']);
    frames.flush();
    expect(drawn).toEqual(['a', 'b']);
  });

  it('runs a draw asked for during a frame in the next one', () => {
    const { frames, queue, drawn } = setup(6, 0);
    queue.request(() => {
      drawn.push('first');
      queue.request(() => drawn.push('again'));
    });
    frames.flush();
    expect(drawn).toEqual(['first']);
    frames.flush();
    expect(drawn).toEqual(['first', 'again']);
  });

  it('drops a cancelled draw and stops asking for frames when nothing is left', () => {
    const { frames, queue, drawn, draw } = setup(6, 1);
    const h = queue.request(draw('gone'));
    queue.cancel(h);
    expect(frames.pending).toBe(0);
    queue.request(draw('kept'));
    frames.flush();
    expect(drawn).toEqual(['kept']);
  });

  it('keeps the rest queued when a draw throws', () => {
    const { frames, queue, drawn, draw } = setup(6, 1);
    queue.request(() => {
      throw new Error('boom');
    });
    queue.request(draw('after'));
    expect(() => frames.flush()).toThrow('boom');
    frames.flush();
    expect(drawn).toEqual(['after']);
  });
});
