// The `bit` library (LuaJIT's BitOp): 32-bit operations on numbers, results as signed int32.
import type { LuaTable } from '../lua/table.js';
import type { LuaValue } from '../lua/value.js';
import { checkNumber, makeLib } from './args.js';

// luajit normalises a number by adding 2^52+2^51 and keeping the low 32 bits of the
// double's bit pattern: non-integers round to nearest even, big values wrap mod 2^32.
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const LO = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const BIAS = 6755399441055744; // 2^52 + 2^51

/** lj_num2bit: any double to the int32 luajit's bit operations see. */
export function toBit(n: number): number {
  f64[0] = n + BIAS;
  return i32[LO];
}

function checkBit(v: LuaValue, arg: number, nargs: number): number {
  return toBit(checkNumber(v, arg, nargs));
}

function tohex(...args: LuaValue[]): string {
  const nargs = args.length;
  let b = checkBit(args[0], 1, nargs) >>> 0;
  let n = nargs >= 2 ? checkBit(args[1], 2, nargs) : 8;
  let digits = '0123456789abcdef';
  if (n < 0) {
    n = -n | 0; // -(-2^31) stays -2^31, as in C
    digits = '0123456789ABCDEF';
  }
  // luajit stores precision+1 in an 8-bit field: 255 means "no padding", 256 means 0.
  const prec = (((n + 1) | 0) & 255) - 1;
  if (n < 8) {
    const shift = (4 * n) | 0;
    b = shift === 0 ? 0 : shift >= 32 ? b : (b & ((1 << shift) - 1)) >>> 0;
  }
  let s = b === 0 && prec === 0 ? '' : b.toString(16);
  if (digits !== '0123456789abcdef') s = s.toUpperCase();
  return prec > s.length ? '0'.repeat(prec - s.length) + s : s;
}

/** band/bor/bxor: every argument is checked before any is combined. */
function nary(op: (a: number, b: number) => number): (...args: LuaValue[]) => number {
  return (...args: LuaValue[]) => {
    const nargs = args.length;
    let r = checkBit(args[0], 1, nargs);
    for (let i = 1; i < nargs; i++) r = op(r, checkBit(args[i], i + 1, nargs));
    return r;
  };
}

function shift(op: (x: number, n: number) => number): (...args: LuaValue[]) => number {
  return (...args: LuaValue[]) => {
    const nargs = args.length;
    const x = checkBit(args[0], 1, nargs);
    const n = checkBit(args[1], 2, nargs) & 31;
    return op(x, n);
  };
}

export function createBitLib(): LuaTable {
  const lib = makeLib({
    tobit: (...args: LuaValue[]) => checkBit(args[0], 1, args.length),
    bnot: (...args: LuaValue[]) => ~checkBit(args[0], 1, args.length),
    bswap: (...args: LuaValue[]) => {
      const x = checkBit(args[0], 1, args.length);
      return ((x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) | 0;
    },
    lshift: shift((x, n) => x << n),
    rshift: shift((x, n) => (x >>> n) | 0),
    arshift: shift((x, n) => x >> n),
    rol: shift((x, n) => ((x << n) | (x >>> (32 - n))) | 0),
    ror: shift((x, n) => ((x >>> n) | (x << (32 - n))) | 0),
    band: nary((a, b) => a & b),
    bor: nary((a, b) => a | b),
    bxor: nary((a, b) => a ^ b),
    tohex,
  });
  setBuiltinIds(lib, { tobit: 64, bnot: 65, bswap: 66, lshift: 67, rshift: 68, arshift: 69, rol: 70, ror: 71, band: 72, bor: 73, bxor: 74, tohex: 75 });
  return lib;
}

/** Gives library functions luajit's own builtin numbers, so tostring(bit.band) matches. */
function setBuiltinIds(lib: LuaTable, ids: Record<string, number>): void {
  for (const [name, id] of Object.entries(ids)) (lib.get(name) as { builtin?: number }).builtin = id;
}
