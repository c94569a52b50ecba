/**
 * Deterministic elementary functions for the engine.
 *
 * ECMAScript leaves the last bits of `Math.exp`, `log`, `sin`, `cos`, `pow` to each engine, so a
 * link could replay bit for bit in Chromium and drift in Safari or Firefox. These functions use
 * only IEEE-754 basic operations (+, -, *, /, which every engine rounds the same way) and bit
 * access through typed arrays, so every engine returns the same double.
 *
 * `exp` and `log` are ports of fdlibm's e_exp.c and e_log.c as musl carried them before 2018, with
 * their exact constants (hex words in the comments); `sinPi`/`cosPi` use fdlibm's __kernel_sin and
 * __kernel_cos after an exact reduction of the argument in units of pi. Each is within 1 ulp of
 * the true value. `Math.sqrt`, `floor`, `abs`, `min`, `max` are exact in every engine and stay.
 */

// Bit access to one double: the high word holds sign, exponent and the top 20 mantissa bits.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1
const LO = 1 - HI;

/** The double whose high word is `hi` and low word `lo`. */
function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** 2^n for n in -1022..1023, at index n + 1022, built from their bits (so exact). */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => fromWords((i + 1) << 20, 0));

function twoTo(n: number): number {
  return POW2[n + 1022];
}

/** x * 2^n, rounding once (musl's scalbn). */
function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= twoTo(1023);
    n -= 1023;
    if (n > 1023) {
      y *= twoTo(1023);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Keep the final n below -53 so the subnormal result is rounded only once.
    y *= twoTo(-1022) * twoTo(53);
    n += 1022 - 53;
    if (n < -1022) {
      y *= twoTo(-1022) * twoTo(53);
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * twoTo(n);
}

// fdlibm tests |x| by its high word; "hx >= H" is "|x| >= the double with high word H", which
// reads no bits per call.
const EXP_EDGE = fromWords(0x4086232b, 0); // 708.39...: overflow/underflow checks from here
const HALF_LN2 = fromWords(0x3fd62e42 + 1, 0); // |x| > 0.5 ln2 in high-word terms
const ONE_HALF_LN2 = fromWords(0x3ff0a2b2, 0); // |x| >= 1.5 ln2 in high-word terms
const TINY = fromWords(0x3e300000 + 1, 0); // |x| > 2^-28 in high-word terms

const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 0xfee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 0x35793c76
const INV_LN2 = 1.442695040888963387; // 0x3ff71547 0x652b82fe
const P1 = 1.66666666666666019037e-1; // 0x3FC55555 0x5555553E
const P2 = -2.77777777770155933842e-3; // 0xBF66C16C 0x16BEBD93
const P3 = 6.61375632143793436117e-5; // 0x3F11566A 0xAF25DE2C
const P4 = -1.6533902205465251539e-6; // 0xBEBBBD41 0xC5D26BF1
const P5 = 4.13813679705723846039e-8; // 0x3E663769 0x72BEA4D0

/** e^x, within 1 ulp (fdlibm e_exp.c). */
export function exp(x: number): number {
  const ax = Math.abs(x);
  if (ax >= EXP_EDGE) {
    if (x !== x) return x;
    if (x > 709.782712893383973096) return Infinity;
    if (x < -745.13321910194110842) return 0;
  }

  // Reduce: x = k ln2 + r, |r| <= 0.5 ln2, r carried as hi - lo.
  let k: number;
  let hi: number;
  let lo: number;
  if (ax >= HALF_LN2) {
    if (ax >= ONE_HALF_LN2) k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    else k = x < 0 ? -1 : 1;
    hi = x - k * LN2_HI; // k * LN2_HI is exact here
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax >= TINY) {
    k = 0;
    hi = x;
    lo = 0;
  } else {
    return 1 + x;
  }

  const xx = x * x;
  const c = x - xx * (P1 + xx * (P2 + xx * (P3 + xx * (P4 + xx * P5))));
  const y = 1 + ((x * c) / (2 - c) - lo + hi);
  return k === 0 ? y : scalbn(y, k);
}

const LG1 = 6.66666666666673513e-1; // 0x3FE55555 0x55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 0x9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 0x94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 0x1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 0x96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 0xD078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 0xDF3E5244

/** Natural logarithm, within 1 ulp (fdlibm e_log.c). */
export function log(x: number): number {
  f64[0] = x;
  let hx = u32[HI];
  let k = 0;
  if (hx < 0x00100000 || hx >>> 31 === 1) {
    if (x === 0) return -Infinity;
    if (x < 0 || x !== x) return NaN;
    // Subnormal: scale up by 2^54.
    k -= 54;
    f64[0] = x * twoTo(54);
    hx = u32[HI];
  } else if (hx >= 0x7ff00000) {
    return x; // +Infinity or NaN
  } else if (hx === 0x3ff00000 && u32[LO] === 0) {
    return 0;
  }

  // Reduce x into [sqrt(2)/2, sqrt(2)]: x = 2^k (1 + f).
  hx = (hx + (0x3ff00000 - 0x3fe6a09e)) >>> 0;
  k += (hx >>> 20) - 0x3ff;
  u32[HI] = (hx & 0x000fffff) + 0x3fe6a09e;
  const m = f64[0];

  const f = m - 1;
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  return s * (hfsq + r) + k * LN2_LO - hfsq + f + k * LN2_HI;
}

const S1 = -1.66666666666666324348e-1; // 0xBFC55555 0x55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111 0x1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0 0x19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3 0x57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6 0x8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 0x5ACFD57C

/** sin(x) for |x| <= pi/4 (fdlibm __kernel_sin with no tail). */
function kernelSin(x: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x + v * (S1 + z * r);
}

const C1 = 4.16666666666666019037e-2; // 0x3FA55555 0x5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C 0x16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0 0x19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F 0x809C52AD
const C5 = 2.0875723212981748279e-9; // 0x3E21EE9E 0xBDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 0xBE8838D4

/** cos(x) for |x| <= pi/4 (fdlibm __kernel_cos with no tail). */
function kernelCos(x: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + z * r);
}

// Both take x in half turns and reduce |x| exactly: r = |x| mod 2 (exact for x >= 0, not for
// negative x, hence the symmetry first), n = the nearest quarter turn (0..4), t = r - n/2 in
// [-1/4, 1/4] (exact by Sterbenz's lemma). So only pi * t rounds.

/** sin(pi x), within about 1 ulp; exactly 0 and +-1 at whole and half turns. */
export function sinPi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x < 0) return -sinPi(-x);
  const r = x - 2 * Math.floor(x / 2);
  const n = Math.round(r * 2);
  const t = r - n / 2;
  const a = Math.PI * t;
  switch (n & 3) {
    case 0:
      return t === 0 ? 0 : kernelSin(a);
    case 1:
      return kernelCos(a);
    case 2:
      return t === 0 ? 0 : -kernelSin(a);
    default:
      return -kernelCos(a);
  }
}

/** cos(pi x), within about 1 ulp; exactly 0 and +-1 at whole and half turns. */
export function cosPi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x < 0) x = -x;
  const r = x - 2 * Math.floor(x / 2);
  const n = Math.round(r * 2);
  const t = r - n / 2;
  const a = Math.PI * t;
  switch (n & 3) {
    case 0:
      return kernelCos(a);
    case 1:
      return t === 0 ? 0 : -kernelSin(a);
    case 2:
      return -kernelCos(a);
    default:
      return t === 0 ? 0 : kernelSin(a);
  }
}

/**
 * x^y for x >= 0, as exp(y log x). Its relative error grows with |y log x| (about
 * |y log x| * 2^-53 on top of 1 ulp), which is far below what the engine's uses (a per-step
 * shock factor, Pareto sizes) can see. A negative base is outside the engine's domain: NaN.
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x < 0 || x !== x || y !== y) return NaN;
  if (x === 0) return y > 0 ? 0 : Infinity;
  return exp(y * log(x));
}

/**
 * The largest power of ten at or below x > 0. Built by multiplying tens (exact up to 1e22, where
 * every power of ten is a double) and dividing 1 by them (correctly rounded down to 1e-22).
 */
export function powerOfTenAtOrBelow(x: number): number {
  if (!(x > 0) || x === Infinity) return NaN;
  let ten = 1; // 10^k, exact while k <= 22
  if (x >= 1) {
    while (ten * 10 <= x) ten *= 10;
    return ten;
  }
  while (1 / ten > x) ten *= 10;
  return 1 / ten;
}
