/**
 * A growing series' SVG path in chunks of rows, for the charts that draw a line over the whole
 * run (the heatmap's close price, the depth chart's depletion series). A chunk's rows never
 * change once the history has them, so while the scales hold a draw builds only the newest,
 * unfinished chunk and the page parses only that path: a draw costs O(new rows), not
 * O(history). A new key (the scales moved: a resize) or another history rebuilds them all.
 * The price chart has its own copy of this for its five lines (pricePaths.ts).
 */

export interface PathChunks {
  /** The finished chunks' paths, oldest first. */
  frozen: readonly string[];
  /** Frozen chunks from this index on are new since the last update (0: all were rebuilt). */
  firstNew: number;
  /** The rows after the last finished chunk. */
  tail: string;
}

/**
 * Chunks of `chunkRows` rows. `build(from, to)` draws rows [from, to); each chunk also draws
 * the next chunk's first row, so the pieces join, and is finished once that row is there. With
 * fewer than `chunkRows` + 1 rows there is one path, exactly `build(0, count)`.
 */
export function createPathChunks(chunkRows = 256) {
  let source: object | null = null;
  let key = '';
  let frozen: string[] = [];

  return {
    update(
      history: object,
      count: number,
      scalesKey: string,
      build: (from: number, to: number) => string,
    ): PathChunks {
      // Rows of the same history never change: another run or other scales start over.
      if (history !== source || scalesKey !== key) frozen = [];
      source = history;
      key = scalesKey;
      const finished = count > 0 ? Math.floor((count - 1) / chunkRows) : 0;
      // Fewer rows (a held minute): the chunks before it still hold.
      if (frozen.length > finished) frozen = frozen.slice(0, finished);
      const firstNew = frozen.length;
      for (let k = frozen.length; k < finished; k++)
        frozen.push(build(k * chunkRows, (k + 1) * chunkRows + 1));
      return { frozen, firstNew, tail: build(finished * chunkRows, count) };
    },
    /** Forget the chunks (a draw that shows something else, e.g. the opening). */
    reset(): void {
      source = null;
      frozen = [];
    },
  };
}

/**
 * Puts chunks on the page: `tail` (a path element already styled) draws the newest rows, and
 * each finished chunk is a copy of it placed before it, added once and kept while it holds.
 */
export function createChunkedPathElements(tail: SVGPathElement) {
  const els: SVGPathElement[] = [];
  return {
    /** `styleTail`, if given, runs after the tail's path is set and before it is copied. */
    draw(p: PathChunks, styleTail?: () => void): void {
      setD(tail, p.tail);
      styleTail?.();
      // All rebuilt: new copies of the tail's attributes too (a resize changes the width).
      const keep = Math.min(p.firstNew, p.frozen.length, els.length);
      for (const el of els.splice(keep)) el.remove();
      for (let k = keep; k < p.frozen.length; k++) {
        const el = tail.cloneNode(false) as SVGPathElement;
        setD(el, p.frozen[k]);
        tail.before(el);
        els.push(el);
      }
    },
  };
}

function setD(el: SVGPathElement, d: string): void {
  if (d) el.setAttribute('d', d);
  else el.removeAttribute('d');
}

/**
 * Runs `drawPart` only when its inputs differ from the last time (compared as JSON): axes,
 * legends and marks that hold still while a run streams are not rewritten every frame.
 */
export function createChangeGate() {
  const drawnFrom = new Map<string, string>();
  return {
    whenChanged(part: string, inputs: unknown, drawPart: () => void): void {
      const key = JSON.stringify(inputs);
      if (drawnFrom.get(part) === key) return;
      drawnFrom.set(part, key);
      drawPart();
    },
    /** Draw every part again next time (e.g. after attributes changed outside the parts). */
    clear(): void {
      drawnFrom.clear();
    },
  };
}
