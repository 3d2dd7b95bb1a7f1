// The `math` library with LuaJIT 2.1 (on glibc) results: its exact random number sequence,
// and elementary functions rounded as glibc rounds them (runtime/lua/libm.ts).
import { LuaError } from '../lua/errors.js';
import { crAcos, crAsin, crAtan, crAtan2, crCos, crExp, crLog, crLog2, crPow, crSin, crTan, f64, frexp, glibcCosh, glibcLog10, glibcSinh, HI, ldexp, LO, modf, u32 } from '../lua/libm.js';
import { first, NONE } from '../lua/multi.js';
import { callable, metamethod, toNumber } from '../lua/ops.js';
import type { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction, type LuaValue } from '../lua/value.js';
import { checkNumber, makeLib } from './args.js';



// ---- math.random: LuaJIT 2.1's combined Tausworthe generator (four 64-bit LFSRs) ----
// The 64-bit states are kept as pairs of uint32 halves: hi in even slots, lo in odd ones.

interface Shifts { q: number; ks: number; keep: number; s: number }
// (k, q, s) per generator; ks = k - s; keep = 64 - k low bits are cleared before << s.
const GENS: Shifts[] = [
  { q: 31, ks: 45, keep: 1, s: 18 },
  { q: 19, ks: 30, keep: 6, s: 28 },
  { q: 24, ks: 48, keep: 9, s: 7 },
  { q: 21, ks: 39, keep: 17, s: 8 },
];

let shHi = 0;
let shLo = 0;

function shl(hi: number, lo: number, n: number): void {
  if (n >= 32) {
    shHi = lo << (n - 32);
    shLo = 0;
  } else {
    shHi = (hi << n) | (lo >>> (32 - n));
    shLo = lo << n;
  }
}

function shr(hi: number, lo: number, n: number): void {
  if (n >= 32) {
    shHi = 0;
    shLo = hi >>> (n - 32);
  } else {
    shHi = hi >>> n;
    shLo = (lo >>> n) | (hi << (32 - n));
  }
}

class RandomState {
  gen = new Int32Array(8);
  valid = false;

  /** One step; returns the 52 random mantissa bits as a double in [0, 1). */
  step(): number {
    const g = this.gen;
    let rHi = 0;
    let rLo = 0;
    for (let i = 0; i < 4; i++) {
      const { q, ks, keep, s } = GENS[i];
      const zHi = g[2 * i];
      const zLo = g[2 * i + 1];
      shl(zHi, zLo, q);
      shr(shHi ^ zHi, shLo ^ zLo, ks);
      const aHi = shHi;
      const aLo = shLo;
      // z & (~0 << keep): keep < 32 for every generator, so only the low half is masked.
      shl(zHi, zLo & (-1 << keep), s);
      const nHi = aHi ^ shHi;
      const nLo = aLo ^ shLo;
      g[2 * i] = nHi;
      g[2 * i + 1] = nLo;
      rHi ^= nHi;
      rLo ^= nLo;
    }
    return ((rHi & 0xfffff) * 4294967296 + (rLo >>> 0)) * 2 ** -52;
  }

  seed(d: number): void {
    let r = 0x11090601; // 64 - k for each generator, one per byte
    for (let i = 0; i < 4; i++) {
      const m = 2 ** (r & 255);
      r >>>= 8;
      d = d * 3.14159265358979323846 + 2.7182818284590452354;
      f64[0] = d;
      let lo = u32[LO];
      // x86 arithmetic makes the NaN with the sign bit set; JS cannot show NaN bits.
      const hi = Number.isNaN(d) ? 0xfff80000 : u32[HI];
      if (hi === 0 && lo < m) lo += m; // the top k bits of a state must not all be zero
      this.gen[2 * i] = hi;
      this.gen[2 * i + 1] = lo;
    }
    this.valid = true;
    for (let i = 0; i < 10; i++) this.step();
  }
}

// ---- deg and rad are Lua functions in luajit: `x * C`, with Lua's arithmetic rules ----

function luaMul(name: string, c: number): LuaFunction {
  return (x: LuaValue) => {
    if (typeof x === 'number') return x * c;
    const n = toNumber(x);
    if (n !== undefined) return n * c;
    const h = metamethod(x, '__mul');
    if (h !== undefined) return first(callable(h)(x, c));
    throw new LuaError(`[builtin:${name}]:0: attempt to perform arithmetic on a ${typeName(x)} value`);
  };
}

function unary(fn: (x: number) => number): LuaFunction {
  return (...args: LuaValue[]) => fn(checkNumber(args[0], 1, args.length));
}

function binary(fn: (x: number, y: number) => number): LuaFunction {
  return (...args: LuaValue[]) => {
    const x = checkNumber(args[0], 1, args.length);
    return fn(x, checkNumber(args[1], 2, args.length));
  };
}

/**
 * luajit's ceil (lj_vm_ceil): round to nearest with the 2^52 trick, then add 1 if that fell
 * below x. So ceil(-0.75) is +0 (from -1) while ceil(-0.25) is -0, unlike C's ceil.
 */
function luajitCeil(x: number): number {
  if (x === 0 || !(Math.abs(x) < 4503599627370496)) return x;
  const big = x < 0 ? -4503599627370496 : 4503599627370496;
  let r = (x + big) - big;
  if (r === 0) r = x < 0 ? -0 : 0;
  return r < x ? r + 1 : r;
}

/** The math functions of one number: what they compute on a number argument. */
export const MATH_UNARY_JS = {
  abs: Math.abs,
  floor: Math.floor,
  ceil: luajitCeil,
  sqrt: Math.sqrt,
  log10: glibcLog10,
  exp: crExp,
  sin: crSin,
  cos: crCos,
  tan: crTan,
  asin: crAsin,
  acos: crAcos,
  atan: crAtan,
  sinh: glibcSinh,
  cosh: glibcCosh,
  tanh: Math.tanh, // V8's fdlibm tanh is glibc's
};

/**
 * Their Lua functions, one per process: compiled code recognises `math.sqrt(x)` by identity
 * and, given a number, calls the JS function in place (no argument checks, no call protocol).
 */
export const MATH_UNARY = Object.fromEntries(
  Object.entries(MATH_UNARY_JS).map(([name, fn]) => [name, unary(fn)]),
) as Record<keyof typeof MATH_UNARY_JS, LuaFunction>;

export function createMathLib(): LuaTable {
  const rs = new RandomState();
  const lib = makeLib({
    ...MATH_UNARY,
    frexp: (...args: LuaValue[]) => frexp(checkNumber(args[0], 1, args.length)),
    modf: (...args: LuaValue[]) => modf(checkNumber(args[0], 1, args.length)),
    log: (...args: LuaValue[]) => {
      const x = checkNumber(args[0], 1, args.length);
      if (args.length < 2) return crLog(x);
      const b = checkNumber(args[1], 2, args.length);
      // luajit: log2(x) * (1 / log2(b)), deliberately not one division.
      return crLog2(x) * (1 / crLog2(b));
    },
    atan2: binary(crAtan2),
    pow: binary(crPow),
    fmod: binary((x, y) => x % y),
    ldexp: (...args: LuaValue[]) => {
      const m = checkNumber(args[0], 1, args.length);
      return ldexp(m, checkNumber(args[1], 2, args.length));
    },
    // SSE minsd/maxsd semantics: keep x only when strictly smaller/greater (NaN, -0).
    min: (...args: LuaValue[]) => {
      let x = checkNumber(args[0], 1, args.length);
      for (let i = 1; i < args.length; i++) {
        const y = checkNumber(args[i], i + 1, args.length);
        if (!(x < y)) x = y;
      }
      return x;
    },
    max: (...args: LuaValue[]) => {
      let x = checkNumber(args[0], 1, args.length);
      for (let i = 1; i < args.length; i++) {
        const y = checkNumber(args[i], i + 1, args.length);
        if (!(x > y)) x = y;
      }
      return x;
    },
    // luajit 2.1 checks neither the argument count nor the interval.
    random: (...args: LuaValue[]) => {
      const n = args.length;
      if (!rs.valid) rs.seed(0);
      const d = rs.step();
      if (n === 0) return d;
      const r1 = checkNumber(args[0], 1, n);
      if (n === 1) return Math.floor(d * r1) + 1;
      const r2 = checkNumber(args[1], 2, n);
      return Math.floor(d * (r2 - r1 + 1)) + r1;
    },
    randomseed: (...args: LuaValue[]) => {
      rs.seed(checkNumber(args[0], 1, args.length));
      return NONE;
    },
    pi: Math.PI,
    huge: Infinity,
  });
  lib.set('deg', luaMul('deg', 180 / Math.PI));
  lib.set('rad', luaMul('rad', Math.PI / 180));
  const ids: Record<string, number> = {
    abs: 38, floor: 39, ceil: 40, sqrt: 41, log10: 42, exp: 43, sin: 44, cos: 45, tan: 46, asin: 47,
    acos: 48, atan: 49, sinh: 50, cosh: 51, tanh: 52, frexp: 53, modf: 54, log: 55, atan2: 56,
    pow: 57, fmod: 58, ldexp: 59, min: 60, max: 61, random: 62, randomseed: 63,
  };
  for (const [name, id] of Object.entries(ids)) (lib.get(name) as { builtin?: number }).builtin = id;
  return lib;
}
