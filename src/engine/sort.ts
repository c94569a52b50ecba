/**
 * Sorting by a key without a comparator callback: an LSD radix sort on the bit pattern of
 * non-negative float64 keys. A comparator sort of 10⁶ indices costs several hundred
 * milliseconds in JS; this costs a few tens, which keeps set-up of 10⁶ positions fast.
 *
 * The key's two 32-bit words travel with the index through every pass, so each pass reads
 * sequentially; digits of 11 bits keep the bucket table in cache; a digit that every key shares
 * (say, the exponent of prices of one magnitude) is skipped.
 */

const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const MASK = RADIX - 1;
/** Digit positions over the 64 bits: [word, shift] pairs, low digits first. */
const DIGITS: readonly (readonly [0 | 1, number])[] = [
  [0, 0],
  [0, 11],
  [0, 22], // bits 22..31 of the low word (10 bits)
  [1, 0],
  [1, 11],
  [1, 22], // bits 22..31 of the high word (10 bits)
];

/** Little-endian platforms (all JS engines in use) keep the low word of a double first. */
const LOW = 0;
const HIGH = 1;

/**
 * Returns the permutation that sorts `keys` ascending (stable). Keys must be finite and >= 0:
 * the IEEE-754 bit pattern of non-negative doubles orders like the values.
 */
export function argsortNonNegative(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = words[2 * i + LOW];
    hi[i] = words[2 * i + HIGH];
    idx[i] = i;
  }
  // One read for the histograms of every digit.
  const counts = new Uint32Array(RADIX * DIGITS.length);
  for (let i = 0; i < n; i++) {
    const l = lo[i];
    const h = hi[i];
    counts[l & MASK]++;
    counts[RADIX + ((l >>> 11) & MASK)]++;
    counts[2 * RADIX + (l >>> 22)]++;
    counts[3 * RADIX + (h & MASK)]++;
    counts[4 * RADIX + ((h >>> 11) & MASK)]++;
    counts[5 * RADIX + (h >>> 22)]++;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  for (let d = 0; d < DIGITS.length; d++) {
    const base = d * RADIX;
    const [word, shift] = DIGITS[d];
    // A digit every key shares leaves the order as it is.
    let trivial = false;
    for (let b = 0; b < RADIX; b++) {
      if (counts[base + b] === n) trivial = true;
      if (counts[base + b] !== 0) break;
    }
    if (trivial) continue;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    if (word === 0) {
      for (let i = 0; i < n; i++) {
        const at = counts[base + ((lo[i] >>> shift) & MASK)]++;
        lo2[at] = lo[i];
        hi2[at] = hi[i];
        idx2[at] = idx[i];
      }
    } else {
      // Digits of the high word come last: the low word is no longer read, so it stays put.
      for (let i = 0; i < n; i++) {
        const at = counts[base + ((hi[i] >>> shift) & MASK)]++;
        hi2[at] = hi[i];
        idx2[at] = idx[i];
      }
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}
