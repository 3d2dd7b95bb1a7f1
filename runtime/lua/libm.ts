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
type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, sumErr(a, b, s)];
}

/** The rounding error of s = a + b: a + b - s exactly (Knuth's TwoSum). */
function sumErr(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

const SPLITTER = 134217729; // 2^27 + 1

function twoProd(a: number, b: number): DD {
  const p = a * b;
  return [p, prodErr(a, b, p)];
}

/** The rounding error of p = a * b: a * b - p exactly (Dekker; no overflow in the splits). */
function prodErr(a: number, b: number, p: number): number {
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
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

// The tables below are filled on first use (initDD), not at start-up: every program
// imports this module and most never call exp, log, pow or the trigonometric functions.

/** 1/n! for n = 0..30. */
const INV_FACT: DD[] = [];

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
/** 1/(2k+1) for k = 0..10, for the atanh series of log. */
const INV_ODD: DD[] = [];

function initDD(): void {
  if (INV_ODD.length > 0) return;
  INV_FACT.push([1, 0]);
  for (let n = 1; n <= 30; n++) INV_FACT.push(ddDiv(INV_FACT[n - 1], [n, 0]));
  for (let j = 0; j < 64; j++) {
    const r = ddMulN(LN2_64, j);
    // exp(r) = sum r^n / n!, n = 0..27 (r < 0.7).
    let p: DD = INV_FACT[27];
    for (let n = 26; n >= 0; n--) p = ddAdd(INV_FACT[n], ddMul(r, p));
    EXP2_64.push(p);
  }
  for (let k = 0; k <= 10; k++) INV_ODD.push(ddDiv([1, 0], [2 * k + 1, 0]));
}

/** exp(x) = v * 2^k for a double-double x with |x| < 746. */
function expCore(x: DD): { v: DD; k: number } {
  initDD();
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
  const r = fastExp(x, 0, 0);
  if (r === r) return r;
  const { v, k } = expCore([x, 0]);
  return roundScaled(v, k);
}

/** log(x) for finite x > 0 as a double-double. */
function logDD(x: number): DD {
  initDD();
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
  const h = fastLog(x);
  const l = logLo;
  const err = Math.abs(h) * LOG_ERR;
  if (h + (l + err) === h + (l - err)) return h + l;
  const r = logDD(x);
  return r[0] + r[1];
}

export function crLog2(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  // log(x) / ln2 = (h + l) (INV_LN2_HI + INV_LN2_LO), the leading product exact (Dekker)
  const h = fastLog(x);
  const l = logLo;
  const ph = h * INV_LN2_HI;
  const lo = prodErr(h, INV_LN2_HI, ph) + (h * INV_LN2_LO + l * INV_LN2_HI);
  const err = Math.abs(ph) * LOG_ERR;
  if (ph + (lo + err) === ph + (lo - err)) return ph + lo;
  const r = ddDiv(logDD(x), LN2);
  return r[0] + r[1];
}

// ---- fast paths: table-driven log and exp in plain doubles, no allocation ----
// Each computes its result to about 2^-66 relative, rounds it and keeps it only when the
// error bound cannot straddle a rounding boundary (Ziv's test); otherwise the
// double-double code above decides. Since that code errs by far less than the bound, an
// accepted fast result is the one it would have returned. NaN means "undecided".

/** Set by tests, to compare the fast paths with the double-double code deciding alone. */
let exactOnly = false;
export function useExactOnly(on: boolean): void {
  exactOnly = on;
}

const LOG_TAB = 128;
/** x = 2^e z with z in [OFF, 2 OFF), OFF's high word: 1.0 is mid-interval of its entry. */
const OFF_HI = 0x3fe6b000;
/** ln2 = LN2_HI + LN2_LO; LN2_HI has 42 bits so e * LN2_HI is exact. */
const LN2_HI = Math.floor(LN2[0] * 2 ** 42) / 2 ** 42;
const LN2_LO = (LN2[0] - LN2_HI) + LN2[1];
const INV_LN2_128 = 128 / Math.LN2;
/** 1/ln2 = INV_LN2_HI + INV_LN2_LO. */
const INV_LN2_HI = 1.4426950408889634;
const INV_LN2_LO = 2.0355273740931033e-17;
/** ln2/128 = LN2_128_HI + LN2_128_LO; 35 bits so k * LN2_128_HI is exact for |k| < 2^18. */
const LN2_128_HI = Math.floor(LN2[0] * 2 ** 35) / 2 ** 42;
const LN2_128_LO = ((LN2[0] - LN2_128_HI * 128) + LN2[1]) / 128;
/** Relative error bounds: measured errors stay below 2^-69, the analysis gives about 2^-67.5. */
const LOG_ERR = 2 ** -66;
const EXP_ERR = 2 ** -65;

/** Per log entry: invc ~ 1/z rounded to 21 bits (so z's 21- and 32-bit parts times it
 * are exact), and -log(invc) as a double-double. */
let logInvc: Float64Array | undefined;
/** pow2[POW2_BIAS + e] = 2^e for -1074 <= e <= 1023. */
const POW2_BIAS = 1074;
const pow2 = new Float64Array(POW2_BIAS + 1024);
const logcHi = new Float64Array(LOG_TAB);
const logcLo = new Float64Array(LOG_TAB);
/** 2^(j/128) as a double-double. */
const exptHi = new Float64Array(128);
const exptLo = new Float64Array(128);

function initFast(): Float64Array {
  const invc = new Float64Array(LOG_TAB);
  for (let i = 0; i < LOG_TAB; i++) {
    const a = fromWords(OFF_HI + i * 0x2000, 0);
    const b = fromWords(OFF_HI + (i + 1) * 0x2000, 0);
    if (a <= 1 && 1 < b) {
      invc[i] = 1;
      continue;
    }
    const v = 2 / (a + b);
    const s = 2 ** (20 - Math.floor(Math.log2(v)));
    invc[i] = Math.round(v * s) / s;
    const l = logDD(invc[i]);
    logcHi[i] = -l[0];
    logcLo[i] = -l[1];
  }
  for (let j = 0; j < 128; j++) {
    const { v, k } = expCore(ddMulN(LN2_64, j / 2));
    exptHi[j] = scale(v[0], k);
    exptLo[j] = scale(v[1], k);
  }
  for (let e = 0, p = 1; e <= 1023; e++, p *= 2) pow2[POW2_BIAS + e] = p;
  for (let e = -1, p = 0.5; e >= -1074; e--, p /= 2) pow2[POW2_BIAS + e] = p;
  logInvc = invc;
  return invc;
}

/** Low part of fastLog's last result. */
let logLo = 0;

function fastLogSubnormal(x: number): number {
  const hi = fastLog(x * 18446744073709551616); // 2^64
  const lo = logLo;
  // 64 ln2 = LN2_HI * 64 + LN2_LO * 64, the first exact
  const a = -64 * LN2_HI;
  const s = hi + a;
  const l = sumErr(hi, a, s) + lo - 64 * LN2_LO;
  const h = s + l;
  logLo = l - (h - s);
  return h;
}

/** log(x) = result + logLo for finite x > 0, relative error below LOG_ERR. */
function fastLog(x: number): number {
  if (exactOnly) return NaN;
  const invcs = logInvc ?? initFast();
  f64[0] = x;
  const hx = u32[HI];
  if (hx < 0x00100000) return fastLogSubnormal(x);
  const tmp = (hx - OFF_HI) | 0;
  const i = (tmp >>> 13) & (LOG_TAB - 1);
  const e = tmp >> 20;
  const z = x * pow2[POW2_BIAS - e]; // in [OFF, 2 OFF)
  // z's leading bits (a multiple of 2^-20, 21 bits at most) and the rest (32 bits at most)
  const zhi = (z + 4294967296) - 4294967296;
  const invc = invcs[i];
  // r = z invc - 1 = rhi + rlo exactly, |r| < 2^-8 + 2^-20.
  const rhi = zhi * invc - 1;
  const rlo = (z - zhi) * invc;
  const r = rhi + rlo;
  const rerr = sumErr(rhi, rlo, r);
  const sq = r * r;
  const sqe = prodErr(r, r, sq);
  // log1p(r) - r + r^2/2, to r^9.
  const p3 = sq * r * (1 / 3 + r * (-1 / 4 + r * (1 / 5 + r * (-1 / 6 + r * (1 / 7 + r * (-1 / 8 + r * (1 / 9)))))));
  // e ln2 + logc + r - r^2/2, the large terms summed without error.
  const a = e * LN2_HI;
  const b = logcHi[i];
  const s1 = a + b;
  const s2 = s1 + r;
  const d = -0.5 * sq;
  const s3 = s2 + d;
  const errs = (sumErr(a, b, s1) + sumErr(s1, r, s2)) + sumErr(s2, d, s3);
  const lo = ((e * LN2_LO + logcLo[i]) + (rerr - r * rerr - 0.5 * sqe + p3)) + errs;
  const hi = s3 + lo;
  logLo = lo - (hi - s3);
  return hi;
}

/**
 * exp(zh + zl) rounded, when zh + zl is known to within dz (absolute) and the result is
 * normal; NaN when undecided.
 */
function fastExp(zh: number, zl: number, dz: number): number {
  if (!(zh < 709 && zh > -707) || exactOnly) return NaN; // near overflow or underflow: the exact path
  if (logInvc === undefined) initFast();
  const kd = Math.round(zh * INV_LN2_128);
  const k = kd | 0;
  // r = zh + zl - kd ln2/128 = rh + rl, |r| <= ln2/256 + tiny; r1 is exact.
  const r1 = zh - kd * LN2_128_HI;
  const r2 = zl - kd * LN2_128_LO;
  const rh = r1 + r2;
  const rl = sumErr(r1, r2, rh);
  const j = k & 127;
  const th = exptHi[j];
  const tl = exptLo[j];
  // exp(r) - 1 = rh + plo
  const q = rh * rh * (1 / 2 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040))))));
  const plo = q + rl * (1 + rh);
  // 2^(j/128) exp(r) = th + th rh + th plo + tl (1 + rh + plo), th rh = ah + its error
  const ah = th * rh;
  const vh = th + ah;
  const vl = (ah - (vh - th)) + (prodErr(th, rh, ah) + th * plo + tl * (1 + rh + plo));
  const err = vh * (dz + EXP_ERR);
  const v = vh + vl;
  if (vh + (vl + err) !== vh + (vl - err)) return NaN;
  return v * pow2[POW2_BIAS + (k >> 7)];
}

/** pow(x, y) for finite x > 0, x != 1, finite y; NaN when undecided. */
function fastPow(x: number, y: number): number {
  const lh = fastLog(x);
  const ll = logLo;
  const zh = y * lh;
  if (!(Math.abs(zh) < 709)) return NaN; // also keeps y small enough to split
  return fastExp(zh, prodErr(y, lh, zh) + y * ll, Math.abs(zh) * LOG_ERR);
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
  else if ((r = fastPow(x, y)) !== r) r = slowPow(x, y);
  return negate ? -r : r;
}

/** pow(x, y) for finite x > 0, finite y, in double-double arithmetic. */
function slowPow(x: number, y: number): number {
  const l = logDD(x);
  const zh = l[0] * y;
  if (zh > 710) return Infinity;
  if (zh < -746) return 0;
  const { v, k } = expCore(ddMulN(l, y));
  return roundScaled(v, k);
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
  initDD();
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

// Fast paths of the trigonometric functions, as for exp and log above: for sin, cos and tan
// (|x| < 2^19) the reduction x - k pi/2 is exact to about 2^-104 absolute (three 33-bit
// pieces of pi/2 and a tail); then the tables of sin(i/64), cos(i/64) and short series in
// plain doubles. atan, asin, acos and atan2 take a Newton step on those from Math.atan.

/** Relative error bound of the fast trigonometric results (measured errors stay below 2^-67.3). */
const TRIG_ERR = 2 ** -64;
/** Absolute error bound of the reduced argument. */
const REDUCE_ERR = 2 ** -100;

/** sin(r) and cos(r) into sinH + sinL and cosH + cosL, for r = rh + rl, |r| <= pi/4 + 0.01. */
let sinH = 0;
let sinL = 0;
let cosH = 0;
let cosL = 0;
function sinCosFast(rh: number, rl: number): void {
  // |r| = i/64 + b + bl
  const ar = Math.abs(rh);
  const bl = rh < 0 ? -rl : rl;
  const i = Math.round(ar * 64);
  const b = ar - i / 64; // exact, |b| <= 1/128
  const b2 = b * b;
  const b2e = prodErr(b, b, b2);
  // sin(b) = b + sbl, cos(b) = 1 + cm1h + cm1l
  const sbl = bl + b2 * b * (-1 / 6 + b2 * (1 / 120 + b2 * (-1 / 5040 + b2 * (1 / 362880))));
  const cm1h = -0.5 * b2;
  const cm1l = (-0.5 * b2e - b * bl) + b2 * b2 * (1 / 24 + b2 * (-1 / 720 + b2 * (1 / 40320)));
  const sa = SIN_TABLE[i];
  const ca = COS_TABLE[i];
  const sah = sa[0];
  const sal = sa[1];
  const cah = ca[0];
  const cal = ca[1];
  // sin(a + b) = sa + ca sin(b) + sa (cos(b) - 1)
  const t1 = cah * b;
  const t3 = sah * cm1h;
  const s1 = sah + t1;
  const s2 = s1 + t3;
  const sl = (sumErr(sah, t1, s1) + sumErr(s1, t3, s2)) + ((prodErr(cah, b, t1) + prodErr(sah, cm1h, t3)) + (cal * b + cah * sbl) + (sah * cm1l + sal * (1 + cm1h)));
  sinH = s2 + sl;
  sinL = sumErr(s2, sl, sinH);
  // cos(a + b) = ca - sa sin(b) + ca (cos(b) - 1)
  const t2 = -sah * b;
  const t4 = cah * cm1h;
  const c1 = cah + t2;
  const c2 = c1 + t4;
  const cl = (sumErr(cah, t2, c1) + sumErr(c1, t4, c2)) + ((prodErr(cah, cm1h, t4) - prodErr(sah, b, -t2)) - (sal * b + sah * sbl) + (cah * cm1l + cal * (1 + cm1h)));
  cosH = c2 + cl;
  cosL = sumErr(c2, cl, cosH);
  if (rh < 0) {
    sinH = -sinH;
    sinL = -sinL;
  }
}

/**
 * sin(x) (which 0), cos(x) (1) or tan(x) (2) rounded for 2^-27 <= |x| < 2^19, when the error
 * bound allows; NaN when undecided.
 */
function fastTrig(x: number, which: number): number {
  if (exactOnly) return NaN;
  initTrig();
  // x = k pi/2 + rh + rl
  let rh = x;
  let rl = 0;
  let q = 0;
  if (Math.abs(x) > 0.785) {
    const k = Math.round(x * (2 / Math.PI));
    const s1 = x - k * PIO2_PARTS[0]; // exact (Sterbenz)
    const a = -k * PIO2_PARTS[1]; // exact: 33 bits times at most 20
    const s2 = s1 + a;
    const b = -k * PIO2_PARTS[2];
    const s3 = s2 + b;
    const lo = (sumErr(s1, a, s2) + sumErr(s2, b, s3)) - k * PIO2_TAIL[0];
    rh = s3 + lo;
    rl = sumErr(s3, lo, rh);
    q = k & 3;
  }
  sinCosFast(rh, rl);
  const sh = sinH;
  const sl = sinL;
  const ch = cosH;
  const cl = cosL;
  let vh: number;
  let vl: number;
  if (which === 2) {
    // tan = s / c (q even) or -c / s, one correction step of the quotient
    const nh = q % 2 === 0 ? sh : -ch;
    const nl = q % 2 === 0 ? sl : -cl;
    const dh = q % 2 === 0 ? ch : sh;
    const dl = q % 2 === 0 ? cl : sl;
    vh = nh / dh;
    const p = vh * dh;
    vl = (((nh - p) - prodErr(vh, dh, p)) + nl - vh * dl) / dh;
  } else {
    const j = (q + which) & 3; // cos(x) = sin(x + pi/2)
    vh = j === 0 ? sh : j === 1 ? ch : j === 2 ? -sh : -ch;
    vl = j === 0 ? sl : j === 1 ? cl : j === 2 ? -sl : -cl;
  }
  const err = Math.abs(vh) * TRIG_ERR + REDUCE_ERR;
  const v = vh + vl;
  return vh + (vl + err) === vh + (vl - err) ? v : NaN;
}

/** sin (which 0), cos (1) or tan (2) of a finite x that is not tiny: the fast path, else double-double. */
function trig(x: number, which: number): number {
  if (Math.abs(x) < 2 ** 19) {
    const f = fastTrig(x, which);
    if (f === f) return f;
  }
  initTrig();
  const { r, q } = reduce(x);
  const { s, c } = sincos(r);
  let v: DD;
  if (which === 0) v = q === 0 ? s : q === 1 ? c : q === 2 ? ddNeg(s) : ddNeg(c);
  else if (which === 1) v = q === 0 ? c : q === 1 ? ddNeg(s) : q === 2 ? ddNeg(c) : s;
  else v = q % 2 === 0 ? ddDiv(s, c) : ddNeg(ddDiv(c, s));
  return v[0] + v[1];
}

export function crSin(x: number): number {
  if (Math.abs(x) < 2 ** -27 || !Number.isFinite(x)) return Number.isFinite(x) ? x : NaN;
  return trig(x, 0);
}

export function crCos(x: number): number {
  if (Math.abs(x) < 2 ** -27 || !Number.isFinite(x)) return Number.isFinite(x) ? 1 : NaN;
  return trig(x, 1);
}

export function crTan(x: number): number {
  if (Math.abs(x) < 2 ** -27 || !Number.isFinite(x)) return Number.isFinite(x) ? x : NaN;
  return trig(x, 2);
}

/** atan(u) for a double-double 0 <= u <= 1: one Newton step on tan from Math.atan. */
function atanDD(u: DD): DD {
  const y0 = Math.atan(u[0] + u[1]);
  const { s, c } = sincos([y0, 0]);
  const d = ddSub(s, ddMul(u, c)); // (tan y0 - u) cos^2 y0 = (s - u c) c
  return ddSub([y0, 0], ddMul(d, c));
}

/** Low part of atanFast's last result. */
let atanLo = 0;

/** atan(uh + ul) = result + atanLo for 0 < uh <= 1, |ul| <= ulp(uh): a Newton step on tan from Math.atan. */
function atanFast(uh: number, ul: number): number {
  const y0 = Math.atan(uh);
  sinCosFast(y0, 0);
  // atan(u) = y0 - (s - u c) c to second order; s - u c is computed without cancellation
  const p = uh * cosH;
  const d = ((sinH - p) - prodErr(uh, cosH, p)) + (sinL - uh * cosL - ul * cosH);
  const corr = -d * cosH;
  const hi = y0 + corr;
  atanLo = sumErr(y0, corr, hi);
  return hi;
}

/**
 * The angle of (xh + xl, yh + yl), both positive, or pi minus it when mirror, rounded; NaN
 * when undecided.
 */
function fastAngle(yh: number, yl: number, xh: number, xl: number, mirror: boolean): number {
  if (exactOnly) return NaN;
  initTrig();
  let vh: number;
  let vl: number;
  if (yh <= xh) {
    // atan(y/x), y/x = uh + ul
    const uh = yh / xh;
    const p = uh * xh;
    const ul = (((yh - p) - prodErr(uh, xh, p)) + yl - uh * xl) / xh;
    vh = atanFast(uh, ul);
    vl = atanLo;
  } else {
    // pi/2 - atan(x/y)
    const uh = xh / yh;
    const p = uh * yh;
    const ul = (((xh - p) - prodErr(uh, yh, p)) + xl - uh * yl) / yh;
    const a = atanFast(uh, ul);
    vh = PIO2_DD[0] - a;
    vl = sumErr(PIO2_DD[0], -a, vh) + (PIO2_DD[1] - atanLo);
  }
  if (mirror) {
    const h = PI_DD[0] - vh;
    vl = sumErr(PI_DD[0], -vh, h) + (PI_DD[1] - vl);
    vh = h;
  }
  const err = vh * TRIG_ERR;
  return vh + (vl + err) === vh + (vl - err) ? vh + vl : NaN;
}

/** sqrt(1 - ax^2) = result + cosLo for 0 <= ax < 1. */
let cosLo = 0;
function cosOfAsinFast(ax: number): number {
  const a = 1 - ax;
  const b = 1 + ax;
  const wh = a * b;
  const wl = prodErr(a, b, wh) + (a * sumErr(1, ax, b) + sumErr(1, -ax, a) * b);
  const ch = Math.sqrt(wh);
  const p = ch * ch;
  cosLo = (((wh - p) - prodErr(ch, ch, p)) + wl) / (2 * ch);
  return ch;
}

export function crAtan(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 2 ** -27) return x;
  if (ax <= 2 ** 60) {
    const f = fastAngle(ax, 0, 1, 0, false);
    if (f === f) return x < 0 ? -f : f;
  }
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
  let f: number;
  if (ratio < 2 ** -60) {
    if (x > 0) return sy * ratio;
    return sy * pi;
  } else if (ratio > 2 ** 60) {
    v = PIO2_DD;
  } else if (ax < 2 ** 900 && ax > 2 ** -900 && ay < 2 ** 900 && ay > 2 ** -900 && (f = fastAngle(ay, 0, ax, 0, x < 0)) === f) {
    return sy * f;
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
  if (ax < 1) {
    const c = cosOfAsinFast(ax);
    const f = fastAngle(ax, 0, c, cosLo, false);
    if (f === f) return x < 0 ? -f : f;
  }
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
  if (ax < 1) {
    const c = cosOfAsinFast(ax);
    const f = fastAngle(c, cosLo, ax, 0, x < 0);
    if (f === f) return f;
  }
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
