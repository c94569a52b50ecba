/**
 * The price chart's lines (last, mark, index, without liquidations) and low-high band as SVG
 * paths, whole (for the model and its snapshot) or in chunks of rows that a streaming chart
 * appends to: a chunk's rows never change once the history has them, so while the scales stay
 * put a draw only builds the newest, unfinished chunk, and the page only parses that one. The
 * scales move (the y axis rescales, a zoom, a resize) a few dozen times a run at most; then every
 * chunk is built again.
 */

import { area, line } from 'd3';
import type { FrameBatch } from '../engine/frame';

export const LINE_NAMES = ['range', 'ghost', 'index', 'mark', 'close'] as const;
export type LineName = (typeof LINE_NAMES)[number];
export type LinePaths = Record<LineName, string>;

/** Where a step and a price are drawn; `key` is equal for equal scales. */
export interface PriceScales {
  xAt(step: number): number;
  y(v: number): number;
  key: string;
}

const ok = (v: number): boolean => v > 0 && Number.isFinite(v);

function rowRange(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** The paths of rows [from, to); a line that is not shown is ''. */
export function linePaths(
  frames: FrameBatch,
  scales: PriceScales,
  show: Readonly<Record<LineName, boolean>>,
  from = 0,
  to = frames.count,
): LinePaths {
  const s = frames.scalars;
  const { xAt, y } = scales;
  const rows = rowRange(from, to);
  const rowLine = (col: Float64Array): string =>
    line<number>()
      .defined((r) => ok(col[r]))
      .x((r) => xAt(s.step[r]))
      .y((r) => y(col[r]))
      .digits(1)(rows) ?? '';
  // The model's key order (its snapshot is JSON).
  return {
    close: rowLine(s.close),
    mark: show.mark ? rowLine(s.mark) : '',
    index: show.index ? rowLine(s.index) : '',
    ghost: show.ghost ? rowLine(s.ghost) : '',
    range: show.range
      ? (area<number>()
          .defined((r) => ok(s.low[r]) && ok(s.high[r]))
          .x((r) => xAt(s.step[r]))
          .y0((r) => y(s.low[r]))
          .y1((r) => y(s.high[r]))
          .digits(1)(rows) ?? '')
      : '',
  };
}

export interface ChunkedPaths {
  /** The finished chunks' paths, oldest first. */
  frozen: readonly LinePaths[];
  /** Frozen chunks from this index on are new since the last update (0: all were rebuilt). */
  firstNew: number;
  /** The rows after the last finished chunk. */
  tail: LinePaths;
}

/**
 * Paths in chunks of `chunkRows` rows. Each chunk also draws the next chunk's first row, so the
 * pieces join; a chunk is finished once that row is there. A run whose rows are fewer than
 * `chunkRows` + 1 is one path per line, exactly `linePaths`'.
 */
export function createChunkedPaths(chunkRows = 256) {
  let columns: FrameBatch['scalars'] | null = null;
  let key = '';
  let frozen: LinePaths[] = [];

  return {
    update(
      frames: FrameBatch,
      scales: PriceScales,
      show: Readonly<Record<LineName, boolean>>,
    ): ChunkedPaths {
      const showKey = LINE_NAMES.map((n) => (show[n] ? 1 : 0)).join('');
      const fullKey = `${scales.key}|${showKey}`;
      // Rows of the same history never change: another run or scale starts over.
      if (frames.scalars !== columns || fullKey !== key) frozen = [];
      columns = frames.scalars;
      key = fullKey;
      const n = frames.count;
      const finished = n > 0 ? Math.floor((n - 1) / chunkRows) : 0;
      // Fewer rows (a held minute): the chunks before it still hold.
      if (frozen.length > finished) frozen = frozen.slice(0, finished);
      const firstNew = frozen.length;
      for (let k = frozen.length; k < finished; k++)
        frozen.push(linePaths(frames, scales, show, k * chunkRows, (k + 1) * chunkRows + 1));
      const tail = linePaths(frames, scales, show, finished * chunkRows, n);
      return { frozen, firstNew, tail };
    },
  };
}
