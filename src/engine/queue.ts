/**
 * The liquidation engine's queue: positions taken over and not yet closed, in take-over order.
 * Only quantity, side and bankruptcy price matter once the trader's margin is gone.
 */

/** A growable FIFO of positions taken over and not yet closed. */
export class TakeoverQueue {
  qty = new Float64Array(64);
  side = new Int8Array(64);
  bankruptcy = new Float64Array(64);
  /** Step each entry was taken over at, for the queue's age. */
  since = new Int32Array(64);
  head = 0;
  tail = 0;
  /** Quantity waiting, kept as it changes so reading it costs nothing. */
  total = 0;
  push(qty: number, side: 1 | -1, bankruptcy: number, step: number): void {
    if (this.tail === this.qty.length) this.grow();
    this.total += qty;
    this.qty[this.tail] = qty;
    this.side[this.tail] = side;
    this.bankruptcy[this.tail] = bankruptcy;
    this.since[this.tail] = step;
    this.tail++;
  }

  /** Steps the oldest waiting entry has waited at `step` (0 when empty). */
  age(step: number): number {
    return this.head < this.tail ? step - this.since[this.head] : 0;
  }
  private grow(): void {
    const live = this.tail - this.head;
    const cap = Math.max(64, live * 2);
    const qty = new Float64Array(cap);
    const side = new Int8Array(cap);
    const bankruptcy = new Float64Array(cap);
    const since = new Int32Array(cap);
    since.set(this.since.subarray(this.head, this.tail));
    qty.set(this.qty.subarray(this.head, this.tail));
    side.set(this.side.subarray(this.head, this.tail));
    bankruptcy.set(this.bankruptcy.subarray(this.head, this.tail));
    this.qty = qty;
    this.side = side;
    this.bankruptcy = bankruptcy;
    this.since = since;
    this.head = 0;
    this.tail = live;
  }
}
