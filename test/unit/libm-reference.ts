// The libm functions as they were before the fast paths of runtime/lua/libm.ts (commit caba588),
// kept unchanged as the reference the libm-*.test.ts files compare the current ones against.
// C's math as luajit gets it from glibc: frexp/ldexp/modf, and the elementary functions
// correctly rounded (glibc's exp, log, pow, sin... are; V8's fdlibm ports are not always).
// The `^` operator (lua/ops.ts) and the math library (stdlib/math.ts) both compute with these.
export const f64 = new Float64Array(1);
export const u32 = new Uint32Array(f64.buffer);
const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const LO = LE ? 0 : 1;
export const HI = LE ? 1 : 0;

export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let adjust = 0;
  f64[0] = x;
  if (((u32[HI] >>> 20) & 0x7ff) === 0) { // subnormal: scale into the normal range first
    f64[0] = x * 18446744073709551616; // 2^64
    adjust = -64;
  }
  const hi = u32[HI];
  const e = ((hi >>> 20) & 0x7ff) - 1022 + adjust;
  u32[HI] = (hi & 0x800fffff) | (1022 << 20);
  return [f64[0], e];
}

/**
 * luajit's ldexp is x87 fscale: m * 2^trunc(e) for any double e (so ldexp(1, 1/0) is inf
 * and ldexp(0, 1/0) is nan), rounded once to a double.
 */
export function ldexp(m: number, e: number): number {
  if (Number.isNaN(e) || Number.isNaN(m)) return NaN;
  if (e === Infinity) return m === 0 ? NaN : m * Infinity;
  if (e === -Infinity) return Number.isFinite(m) ? m * 0 : NaN;
  // Beyond +-2200 every finite m has overflowed or underflowed already.
  return scale(m, Math.max(-2200, Math.min(2200, Math.trunc(e))));
}

/** m * 2^e with a single rounding, also when the result is subnormal. */
function scale(m: number, e: number): number {
  if (e > 1023) {
    m *= 2 ** 1023;
    e -= 1023;
    if (e > 1023) {
      m *= 2 ** 1023;
      e -= 1023;
      if (e > 1023) {
        m *= 2 ** 1023;
        e -= 1023;
      }
    }
  } else if (e < -1022) {
    // Scaling by 2^-969 keeps intermediate results normal (exact) until the last step.
    m *= 2 ** -969;
    e += 969;
    if (e < -1022) {
      m *= 2 ** -969;
      e += 969;
      if (e < -1022) {
        m *= 2 ** -969;
        e += 969;
        if (e < -1022) e = -1022;
      }
    }
  }
  return m * 2 ** e;
}

export function modf(x: number): [number, number] {
  if (Number.isNaN(x)) return [x, x];
  const ip = Math.trunc(x);
  const fp = Number.isFinite(x) ? x - ip : 0;
  return [ip, fp === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : fp];
}

// ---- elementary functions rounded like glibc's ----
// glibc's exp, log, log2, pow, sin, cos, tan, atan, atan2, asin and acos return the
// correctly rounded result in all but very rare cases, while V8's fdlibm ports are off by
// one unit in the last place for a few percent of arguments. These evaluate in
// double-double arithmetic (about 106 bits) and round once.

/** A double-double: the unevaluated sum hi + lo, |lo| <= ulp(hi) / 2. */
export type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2^27 + 1

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const s = twoSum(a[0], b[0]);
  const t = twoSum(a[1], b[1]);
  const u = fastTwoSum(s[0], s[1] + t[0]);
  return fastTwoSum(u[0], u[1] + t[1]);
}

function ddNeg(a: DD): DD {
  return [-a[0], -a[1]];
}

function ddSub(a: DD, b: DD): DD {
  return ddAdd(a, ddNeg(b));
}

function ddMul(a: DD, b: DD): DD {
  const p = twoProd(a[0], b[0]);
  return fastTwoSum(p[0], p[1] + (a[0] * b[1] + a[1] * b[0]));
}

function ddMulN(a: DD, b: number): DD {
  const p = twoProd(a[0], b);
  return fastTwoSum(p[0], p[1] + a[1] * b);
}

function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddSub(a, ddMulN(b, q1));
  const q2 = r[0] / b[0];
  r = ddSub(r, ddMulN(b, q2));
  const q3 = r[0] / b[0];
  return ddAdd(fastTwoSum(q1, q2), [q3, 0]);
}

function ddSqrt(a: DD): DD {
  const s = Math.sqrt(a[0]);
  const e = ddSub(a, twoProd(s, s));
  return fastTwoSum(s, e[0] / (2 * s));
}

/** The double nearest to X / 2^P for a BigInt X (X may be far beyond the double range). */
function bigToNumber(X: bigint, P: number): number {
  if (X === 0n) return 0;
  const neg = X < 0n;
  const A = neg ? -X : X;
  const shift = Math.max(A.toString(16).length * 4 - 64, 0);
  const v = scale(Number(A >> BigInt(shift)), shift - P);
  return neg ? -v : v;
}

/** X / 2^P as a double-double. */
function bigToDD(X: bigint, P: number): DD {
  const hi = bigToNumber(X, P);
  if (hi === 0) return [0, 0];
  const [m, e] = frexp(hi);
  const M = BigInt(m * 2 ** 53); // hi = M 2^(e - 53)
  const sh = e - 53 + P;
  if (sh >= 0) return [hi, bigToNumber(X - (M << BigInt(sh)), P)];
  return [hi, bigToNumber((X << BigInt(-sh)) - M, P - sh)];
}

/** The double with the given high and low 32-bit words. */
function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const LN2_64: DD = [LN2[0] / 64, LN2[1] / 64];

/** 1/n! for n = 0..30. */
const INV_FACT: DD[] = [[1, 0]];
for (let n = 1; n <= 30; n++) INV_FACT.push(ddDiv(INV_FACT[n - 1], [n, 0]));

/** sum over k = 0..K of (-1)^k r^k / (from + 2k)!, K = (to - from) / 2 (Horner). */
function altSeries(r: DD, from: number, to: number): DD {
  const K = (to - from) / 2;
  let p: DD = K % 2 === 0 ? INV_FACT[to] : ddNeg(INV_FACT[to]);
  for (let k = K - 1; k >= 0; k--) {
    const c = INV_FACT[from + 2 * k];
    p = ddAdd(k % 2 === 0 ? c : ddNeg(c), ddMul(r, p));
  }
  return p;
}

/** 2^(j/64) for j = 0..63, from a long Taylor series of exp(j ln2 / 64). */
const EXP2_64: DD[] = [];
for (let j = 0; j < 64; j++) {
  const r = ddMulN(LN2_64, j);
  // exp(r) = sum r^n / n!, n = 0..27 (r < 0.7).
  let p: DD = INV_FACT[27];
  for (let n = 26; n >= 0; n--) p = ddAdd(INV_FACT[n], ddMul(r, p));
  EXP2_64.push(p);
}

/** exp(x) = v * 2^k for a double-double x with |x| < 746. */
export function expCore(x: DD): { v: DD; k: number } {
  const t = Math.round(x[0] * (64 / Math.LN2));
  const j = ((t % 64) + 64) % 64;
  const b = ddSub(x, ddMulN(LN2_64, t)); // |b| <= ln2/128
  // expm1(b) = b * (1 + b/2 + b^2/6 + ... + b^11/12!)
  let q: DD = INV_FACT[12];
  for (let n = 11; n >= 1; n--) q = ddAdd(INV_FACT[n], ddMul(b, q));
  const em1 = ddMul(b, q);
  return { v: ddMul(EXP2_64[j], ddAdd([1, 0], em1)), k: (t - j) / 64 };
}

/** v * 2^k rounded once to a double (v > 0, near 1), including subnormal results. */
function roundScaled(v: DD, k: number): number {
  const h = v[0] + v[1];
  if (k >= -1021) return scale(h, k);
  // Subnormal: round v * 2^(k + 1074) to an integer, ties to even.
  const w0 = scale(v[0], k + 1074);
  const w1 = scale(v[1], k + 1074);
  const f = Math.floor(w0);
  const frac = (w0 - f) + w1;
  let n = f;
  if (frac > 0.5 || (frac === 0.5 && f % 2 === 1)) n = f + 1;
  else if (frac < -0.5 || (frac === -0.5 && f % 2 === 1)) n = f - 1;
  return scale(n, -1074);
}

export function crExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 710) return Infinity;
  if (x < -746) return 0;
  if (Math.abs(x) <= 2 ** -54) return 1 + x;
  const { v, k } = expCore([x, 0]);
  return roundScaled(v, k);
}

/** 1/(2k+1) for k = 0..10, for the atanh series of log. */
const INV_ODD: DD[] = [];
for (let k = 0; k <= 10; k++) INV_ODD.push(ddDiv([1, 0], [2 * k + 1, 0]));

/** log(x) for finite x > 0 as a double-double. */
export function logDD(x: number): DD {
  let [m, e] = frexp(x);
  if (m < Math.SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  const f = m - 1; // exact
  let y: DD;
  if (Math.abs(f) < 1 / 64) {
    // log(m) = 2 atanh(s), s = f / (2 + f): 2 (s + s^3/3 + ... + s^21/21)
    const s = ddDiv([f, 0], twoSum(2, f));
    const s2 = ddMul(s, s);
    let q: DD = INV_ODD[10];
    for (let k = 9; k >= 0; k--) q = ddAdd(INV_ODD[k], ddMul(s2, q));
    y = ddMulN(ddMul(s, q), 2);
  } else {
    // One Newton step on exp from the double result: y = y0 + m exp(-y0) - 1, with the
    // second-order term of log(1 + t).
    const y0 = Math.log(m);
    const { v, k } = expCore([-y0, 0]);
    const t = ddSub(ddMulN([scale(v[0], k), scale(v[1], k)], m), [1, 0]);
    y = ddAdd([y0, 0], ddSub(t, [t[0] * t[0] / 2, 0]));
  }
  return e === 0 ? y : ddAdd(ddMulN(LN2, e), y);
}

export function crLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  if (x === 1) return 0;
  const r = logDD(x);
  return r[0] + r[1];
}

export function crLog2(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  const r = ddDiv(logDD(x), LN2);
  return r[0] + r[1];
}

/** C's pow (glibc): correctly rounded, with C99's special cases (1^y is 1 even for NaN). */
export function crPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (y === 1) return x;
  const yInt = Number.isInteger(y);
  const yOdd = yInt && Math.abs(y) < 2 ** 53 && y % 2 !== 0;
  if (x === 0) {
    if (y < 0) return yOdd ? 1 / x : Infinity;
    return yOdd ? x : 0;
  }
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    return (ax < 1) === (y < 0) ? Infinity : 0;
  }
  if (!Number.isFinite(x)) {
    if (x > 0) return y < 0 ? 0 : Infinity;
    if (y < 0) return yOdd ? -0 : 0;
    return yOdd ? -Infinity : Infinity;
  }
  let negate = false;
  if (x < 0) {
    if (!yInt) return NaN;
    negate = yOdd;
    x = -x;
  }
  let r: number;
  if (x === 1) r = 1;
  else if (y === 2) r = x * x;
  else if (y === -1) r = 1 / x;
  else if (y === 0.5) r = Math.sqrt(x);
  else {
    const l = logDD(x);
    const zh = l[0] * y;
    if (zh > 710) r = Infinity;
    else if (zh < -746) r = 0;
    else {
      const { v, k } = expCore(ddMulN(l, y));
      r = roundScaled(v, k);
    }
  }
  return negate ? -r : r;
}

// ---- trigonometric functions: pi from BigInt arithmetic, computed on first use ----

const PI_BITS = 1300;
let PI_DD: DD = [Math.PI, 1.2246467991473532e-16];
let PIO2_DD: DD = [Math.PI / 2, 6.123233995736766e-17];
let PIO2_PARTS: number[] = []; // pi/2 in 33-bit pieces, then a double-double tail
let PIO2_TAIL: DD = [0, 0];
let TWO_OVER_PI = 0n; // floor(2/pi * 2^TOPI_BITS)
const TOPI_BITS = 1200;
let SIN_TABLE: DD[] = []; // sin(i/64), i = 0..52
let COS_TABLE: DD[] = [];

function atanInvBig(n: bigint, one: bigint): bigint {
  // atan(1/n) * one, by its alternating series.
  let term = one / n;
  const n2 = n * n;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += ((k - 1n) / 2n) % 2n === 0n ? term / k : -(term / k);
    term /= n2;
  }
  return sum;
}

function initTrig(): void {
  if (SIN_TABLE.length > 0) return;
  const one = 1n << BigInt(PI_BITS);
  const pi = 16n * atanInvBig(5n, one) - 4n * atanInvBig(239n, one); // Machin's formula
  PI_DD = bigToDD(pi, PI_BITS);
  const pio2 = pi / 2n;
  PIO2_DD = bigToDD(pio2, PI_BITS);
  // 33-bit pieces: k * piece is exact for |k| < 2^20.
  let rest = pio2;
  PIO2_PARTS = [];
  for (let i = 0; i < 3; i++) {
    const bits = rest.toString(2).length;
    const piece = (rest >> BigInt(bits - 33)) << BigInt(bits - 33);
    PIO2_PARTS.push(bigToNumber(piece, PI_BITS));
    rest -= piece;
  }
  PIO2_TAIL = bigToDD(rest, PI_BITS);
  TWO_OVER_PI = (1n << BigInt(TOPI_BITS + PI_BITS + 1)) / pi;
  for (let i = 0; i <= 52; i++) {
    const a: DD = [i / 64, 0];
    const a2 = ddMul(a, a);
    SIN_TABLE.push(ddMul(a, altSeries(a2, 1, 29)));
    COS_TABLE.push(altSeries(a2, 0, 28));
  }
}

/** x = q pi/2 + r with |r| <= pi/4 (about), q in 0..3. */
function reduce(x: number): { r: DD; q: number } {
  const ax = Math.abs(x);
  if (ax <= 0.785) return { r: [x, 0], q: 0 };
  let r: DD;
  let q: number;
  if (ax < 2 ** 19) {
    const k = Math.round(x * (2 / Math.PI));
    r = twoSum(x, -k * PIO2_PARTS[0]);
    r = ddAdd(r, [-k * PIO2_PARTS[1], 0]);
    r = ddAdd(r, [-k * PIO2_PARTS[2], 0]);
    r = ddAdd(r, ddMulN(PIO2_TAIL, -k));
    q = ((k % 4) + 4) % 4;
  } else {
    // Payne-Hanek: the fraction of x * 2/pi from enough bits of 2/pi.
    const [m, e] = frexp(ax);
    const M = BigInt(m * 2 ** 53);
    const E = e - 53;
    const shift = TOPI_BITS - E;
    const N = M * TWO_OVER_PI;
    q = Number((N >> BigInt(shift)) & 3n);
    let frac = N & ((1n << BigInt(shift)) - 1n);
    if (frac >= 1n << BigInt(shift - 1)) {
      frac -= 1n << BigInt(shift);
      q = (q + 1) & 3;
    }
    r = ddMul(bigToDD(frac, shift), PIO2_DD);
    if (x < 0) {
      r = ddNeg(r);
      q = (4 - q) & 3;
    }
  }
  return { r, q };
}

/** sin and cos of |r| <= ~pi/4 + 0.01: table of i/64 plus short series. */
function sincos(r: DD): { s: DD; c: DD } {
  const i = Math.round(Math.abs(r[0]) * 64);
  const neg = r[0] < 0;
  const b = ddSub(neg ? ddNeg(r) : r, [i / 64, 0]); // |b| <= 1/128
  const b2 = ddMul(b, b);
  const sb = ddMul(b, altSeries(b2, 1, 13));
  const cb = altSeries(b2, 0, 12);
  const sa = SIN_TABLE[i];
  const ca = COS_TABLE[i];
  const s = ddAdd(ddMul(sa, cb), ddMul(ca, sb));
  const c = ddSub(ddMul(ca, cb), ddMul(sa, sb));
  return { s: neg ? ddNeg(s) : s, c };
}

export function crSin(x: number): number {
  if (Math.abs(x) < 2 ** -27 || !Number.isFinite(x)) return Number.isFinite(x) ? x : NaN;
  initTrig();
  const { r, q } = reduce(x);
  const { s, c } = sincos(r);
  const v = q === 0 ? s : q === 1 ? c : q === 2 ? ddNeg(s) : ddNeg(c);
  return v[0] + v[1];
}

export function crCos(x: number): number {
  if (Math.abs(x) < 2 ** -27 || !Number.isFinite(x)) return Number.isFinite(x) ? 1 : NaN;
  initTrig();
  const { r, q } = reduce(x);
  const { s, c } = sincos(r);
  const v = q === 0 ? c : q === 1 ? ddNeg(s) : q === 2 ? ddNeg(c) : s;
  return v[0] + v[1];
}

export function crTan(x: number): number {
  if (Math.abs(x) < 2 ** -27 || !Number.isFinite(x)) return Number.isFinite(x) ? x : NaN;
  initTrig();
  const { r, q } = reduce(x);
  const { s, c } = sincos(r);
  const v = q % 2 === 0 ? ddDiv(s, c) : ddNeg(ddDiv(c, s));
  return v[0] + v[1];
}

/** atan(u) for a double-double 0 <= u <= 1: one Newton step on tan from Math.atan. */
function atanDD(u: DD): DD {
  const y0 = Math.atan(u[0] + u[1]);
  const { s, c } = sincos([y0, 0]);
  const d = ddSub(s, ddMul(u, c)); // (tan y0 - u) cos^2 y0 = (s - u c) c
  return ddSub([y0, 0], ddMul(d, c));
}

export function crAtan(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 2 ** -27) return x;
  initTrig();
  let v: DD;
  if (ax > 2 ** 60) v = PIO2_DD;
  else if (ax > 1) v = ddSub(PIO2_DD, atanDD(ddDiv([1, 0], [ax, 0])));
  else v = atanDD([ax, 0]);
  const res = v[0] + v[1];
  return x < 0 ? -res : res;
}

/** The angle of (x, y) for x, y >= 0 given as double-doubles (not both zero). */
function angleDD(y: DD, x: DD): DD {
  if (y[0] <= x[0]) return atanDD(ddDiv(y, x));
  return ddSub(PIO2_DD, atanDD(ddDiv(x, y)));
}

export function crAtan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  initTrig();
  const sy = y < 0 || Object.is(y, -0) ? -1 : 1;
  const pi = PI_DD[0];
  if (y === 0) return (x > 0 || Object.is(x, 0) ? 0 : pi) * sy;
  if (x === 0) return (PIO2_DD[0]) * sy;
  if (!Number.isFinite(y)) {
    if (x === Infinity) return sy * (PI_DD[0] / 4);
    if (x === -Infinity) return sy * roundDD(ddMulN(PI_DD, 0.75));
    return sy * PIO2_DD[0];
  }
  if (!Number.isFinite(x)) return x > 0 ? sy * 0 : sy * pi;
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  const ratio = ay / ax;
  let v: DD;
  if (ratio < 2 ** -60) {
    if (x > 0) return sy * ratio;
    return sy * pi;
  } else if (ratio > 2 ** 60) {
    v = PIO2_DD;
  } else {
    // Scale both by the same power of two so the products in ddDiv cannot overflow.
    const e = frexp(ax)[1];
    v = angleDD([scale(ay, -e), 0], [scale(ax, -e), 0]);
  }
  if (x < 0) v = ddSub(PI_DD, v);
  return sy * roundDD(v);
}

function roundDD(v: DD): number {
  return v[0] + v[1];
}

/** sqrt(1 - x^2) for 0 <= x <= 1, as a double-double. */
function cosOfAsin(ax: number): DD {
  const a = twoSum(1, -ax);
  const b = twoSum(1, ax);
  return ddSqrt(ddMul(a, b));
}

export function crAsin(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1)) return NaN;
  if (ax < 2 ** -26) return x;
  initTrig();
  const v = ax === 1 ? PIO2_DD : angleDD([ax, 0], cosOfAsin(ax));
  const res = roundDD(v);
  return x < 0 ? -res : res;
}

export function crAcos(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1)) return NaN;
  initTrig();
  if (ax < 2 ** -57) return PIO2_DD[0];
  if (x === 1) return 0;
  let v = ax === 1 ? ([0, 0] as DD) : angleDD(cosOfAsin(ax), [ax, 0]);
  if (x < 0) v = ddSub(PI_DD, v);
  return roundDD(v);
}

// ---- glibc's fdlibm-derived sinh, cosh and log10, over the functions above ----

const COSH_SMALL = fromWords(0x3fd62e43, 0); // about ln2 / 2
const EXP_BIG = fromWords(0x40862e42, 0); // about log(DBL_MAX)
const OVERFLOW_HALF = fromWords(0x408633ce, 0x8fb9f87d); // overflow threshold of exp(x/2)^2 / 2

export function glibcSinh(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) return x + x;
  const h = x < 0 ? -0.5 : 0.5;
  if (ax < 22) {
    if (ax < 2 ** -28) return x;
    const t = Math.expm1(ax);
    if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < EXP_BIG) return h * crExp(ax);
  if (ax <= OVERFLOW_HALF) {
    const w = crExp(0.5 * ax);
    return h * w * w;
  }
  return x * 1e307;
}

export function glibcCosh(x: number): number {
  const ax = Math.abs(x);
  if (Number.isNaN(x)) return x * x;
  if (ax < COSH_SMALL) {
    if (ax < 2 ** -55) return 1;
    const t = Math.expm1(ax);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (ax < 22) {
    const t = crExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax < EXP_BIG) return 0.5 * crExp(ax);
  if (ax <= OVERFLOW_HALF) {
    const w = crExp(0.5 * ax);
    return 0.5 * w * w;
  }
  return Infinity;
}

export function glibcLog10(x: number): number {
  if (x === 0) return -Infinity;
  if (!(x >= 0)) return NaN;
  if (x === Infinity) return x;
  let [m, k] = frexp(x); // x = m 2^k, m in [0.5, 1)
  m *= 2;
  k -= 1; // m in [1, 2)
  const i = k < 0 ? 1 : 0;
  const y = k + i;
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * crLog(i ? m / 2 : m);
  return z + y * 3.01029995663611771306e-01;
}
