// The `table` library as LuaJIT 2.1 has it (plus `unpack`, which luajit keeps in the base
// library). All element access is raw, as in luajit, and table.sort is Lua 5.1's quicksort
// so that ties and inconsistent comparators give luajit's exact order and errors.
import { C_CALL, CCall, current } from '../lua/callstack.js';
import { argError, libError, type LuaError } from '../lua/errors.js';
import { first, NONE } from '../lua/multi.js';
import { numberToString, writtenAsJsInteger } from '../lua/number.js';
import { lt } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction, type LuaResult, type LuaValue } from '../lua/value.js';
import { checkNumber, checkString, checkTable, makeLib } from './args.js';

/** luajit's C-side int conversion (cvttsd2si): truncates; NaN and out-of-range give -2^31. */
function toInt32(n: number): number {
  return n > -2147483649 && n < 2147483648 ? Math.trunc(n) | 0 : -2147483648;
}

/** lj_lib_checkint. */
function checkInt32(v: LuaValue, arg: number, nargs?: number): number {
  return toInt32(checkNumber(v, arg, nargs));
}

// Functions luajit writes in Lua check their arguments with its own Lua-side macros:
// an absent argument reads "got nil", never "got no value".
function luaCheckTable(v: LuaValue, arg: number): LuaTable {
  if (v instanceof LuaTable) return v;
  throw argError(arg, `table expected, got ${typeName(v)}`);
}

function luaCheckFunction(v: LuaValue, arg: number): LuaFunction {
  if (typeof v === 'function') return v;
  throw argError(arg, `function expected, got ${typeName(v)}`);
}

// ---- C functions ----

function maxn(...args: LuaValue[]): number {
  const t = checkTable(args[0], 1, args.length);
  let m = t.arr.length;
  for (const [k] of t.hashEntries()) {
    if (typeof k === 'number' && k > m) m = k;
  }
  return m;
}

/**
 * table.insert, one per process: compiled code recognises `table.insert(t, v)` by identity
 * and appends in place when the table has no hash keys (then `#t` is the array part's length).
 */
export function insert(...args: LuaValue[]): LuaResult {
  const nargs = args.length;
  const t = checkTable(args[0], 1, nargs);
  let i = t.length() + 1;
  if (nargs !== 2) {
    if (nargs !== 3) throw libError("wrong number of arguments to 'insert'");
    const pos = checkInt32(args[1], 2, nargs);
    for (; i > pos; i--) t.set(i, t.get(i - 1));
    i = pos;
  }
  t.set(i, args[nargs - 1]);
  return NONE;
}

/** Whether Array.prototype.join writes v exactly as table.concat must. */
function joinsAsIs(v: LuaValue): boolean {
  return typeof v === 'string' || (typeof v === 'number' && writtenAsJsInteger(v));
}

function concat(...args: LuaValue[]): string {
  const nargs = args.length;
  const t = checkTable(args[0], 1, nargs);
  const sep = args[1] === undefined ? '' : checkString(args[1], 2, nargs);
  const i = args[2] === undefined ? 1 : checkInt32(args[2], 3, nargs);
  const e = args[3] === undefined ? t.length() : checkInt32(args[3], 4, nargs);
  const arr = t.arr;
  if (i >= 1 && e <= arr.length && i <= e) {
    // within the array part: read in place, and joined by JS when it writes every value as
    // tostring does (strings, and integers that %.14g writes in full)
    let k = i - 1;
    while (k < e && (typeof arr[k] === 'string' || joinsAsIs(arr[k]))) k++; // strings without a call
    if (k === e) return (i === 1 && e === arr.length ? arr : arr.slice(i - 1, e)).join(sep);
  }
  const parts: string[] = [];
  for (let k = i; k <= e; k++) {
    const v = k >= 1 && k <= arr.length ? arr[k - 1] : t.get(k);
    if (typeof v === 'string') parts.push(v);
    else if (typeof v === 'number') parts.push(numberToString(v));
    else throw libError(`invalid value (${typeName(v)}) at index ${k} in table for 'concat'`);
  }
  return parts.join(sep);
}

/** Lua 5.1's auxsort: median of three, Sedgewick partition, recursion on the smaller part. */
/** sort's own error, raised by sort (its level is taken off: luajit positions it at the caller). */
function invalidOrder(): LuaError {
  current.pop();
  return libError('invalid order function for sorting');
}

function auxsort(t: LuaTable, lo: number, up: number, less: (a: LuaValue, b: LuaValue) => boolean): void {
  while (lo < up) {
    // Order t[lo] <= t[up].
    let a = t.get(lo);
    let b = t.get(up);
    if (less(b, a)) {
      t.set(lo, b);
      t.set(up, a);
    }
    if (up - lo === 1) return;
    // Order the middle element against both ends.
    let i = Math.floor((lo + up) / 2);
    a = t.get(i);
    b = t.get(lo);
    if (less(a, b)) {
      t.set(i, b);
      t.set(lo, a);
    } else {
      const c = t.get(up);
      if (less(c, a)) {
        t.set(i, c);
        t.set(up, a);
      }
    }
    if (up - lo === 2) return;
    // The pivot goes to up-1; t[lo] <= P <= t[up] bound the scans.
    const pivot = t.get(i);
    t.set(i, t.get(up - 1));
    t.set(up - 1, pivot);
    i = lo;
    let j = up - 1;
    for (;;) {
      let ai: LuaValue;
      while (ai = t.get(++i), less(ai, pivot)) {
        if (i >= up) throw invalidOrder();
      }
      let aj: LuaValue;
      while (aj = t.get(--j), less(pivot, aj)) {
        if (j <= lo) throw invalidOrder();
      }
      if (j < i) break;
      t.set(i, aj);
      t.set(j, ai);
    }
    const last = t.get(up - 1);
    t.set(up - 1, t.get(i));
    t.set(i, last);
    // Recurse into the smaller part, loop on the larger one.
    if (i - lo < up - i) {
      auxsort(t, lo, i - 1, less);
      lo = i + 1;
    } else {
      auxsort(t, i + 1, up, less);
      up = i - 1;
    }
  }
}

function sort(...args: LuaValue[]): LuaResult {
  const nargs = args.length;
  const t = checkTable(args[0], 1, nargs);
  const n = t.length();
  const cmp = args[1];
  let less: (a: LuaValue, b: LuaValue) => boolean;
  if (cmp === undefined) {
    less = lt;
  } else {
    if (typeof cmp !== 'function') throw argError(2, `function expected, got ${typeName(cmp)}`);
    less = (a, b) => {
      const r = first(cmp(a, b));
      return r !== undefined && r !== false;
    };
  }
  // sort's level, while the comparisons call back into Lua (comparators, __lt): one push for
  // the whole sort, since a push per comparison costs a fifth of a sort's time
  current.push(C_CALL);
  auxsort(t, 1, n, less);
  current.pop();
  return NONE;
}

/**
 * `unpack(t [, i [, j]])` (a base-library function in luajit). luajit refuses results
 * that would take the C stack past 8000 slots, counting the arguments themselves.
 */
export function unpack(...args: LuaValue[]): LuaResult {
  const nargs = args.length;
  const t = checkTable(args[0], 1, nargs);
  let i = args[1] === undefined ? 1 : checkInt32(args[1], 2, nargs);
  const e = args[2] === undefined ? t.length() : checkInt32(args[2], 3, nargs);
  if (i > e) return NONE;
  const n = e - i + 1;
  if (n >= 8000 || n + nargs > 8000) throw libError('too many results to unpack');
  if (n === 1) return t.get(i);
  const out = new Array<LuaValue>(n);
  for (let k = 0; k < n; k++, i++) out[k] = t.get(i);
  return out;
}

// ---- functions luajit implements in Lua (tostring shows an address, not builtin#N) ----
// Their table accesses are luajit's raw TGETR/TSETR bytecodes, which truncate a number key
// to int32 (so table.remove(t, 1.5) reads t[1]), while the loops and bounds checks run on
// the unconverted numbers.

function rget(t: LuaTable, k: number): LuaValue {
  return t.get(toInt32(k));
}

function rset(t: LuaTable, k: number, v: LuaValue): void {
  t.set(toInt32(k), v);
}

const FOREACHI_CALL = new CCall('[builtin:foreachi]');
const FOREACH_CALL = new CCall('[builtin:foreach]');

function foreachi(t: LuaValue, f: LuaValue): LuaResult {
  const tab = luaCheckTable(t, 1);
  const fn = luaCheckFunction(f, 2);
  const n = tab.length();
  current.push(FOREACHI_CALL);
  for (let i = 1; i <= n; i++) {
    const r = first(fn(i, tab.get(i)));
    if (r !== undefined) {
      current.pop();
      return r;
    }
  }
  current.pop();
  return NONE; // luajit's Lua-written foreachi falls off its end: no value
}

function foreach(t: LuaValue, f: LuaValue): LuaResult {
  const tab = luaCheckTable(t, 1);
  const fn = luaCheckFunction(f, 2);
  let entry = tab.next(undefined);
  current.push(FOREACH_CALL);
  while (entry !== undefined) {
    const r = first(fn(entry[0], entry[1]));
    if (r !== undefined) {
      current.pop();
      return r;
    }
    entry = tab.next(entry[0]);
  }
  current.pop();
  return NONE;
}

function getn(t: LuaValue): number {
  return luaCheckTable(t, 1).length();
}

function remove(t: LuaValue, pos: LuaValue): LuaResult {
  const tab = luaCheckTable(t, 1);
  const len = tab.length();
  if (pos === undefined) {
    if (len === 0) return NONE;
    const old = tab.get(len);
    tab.set(len, undefined);
    return old;
  }
  const p = checkNumber(pos, 2);
  if (!(p >= 1 && p <= len)) return NONE;
  const old = rget(tab, p);
  for (let i = p + 1; i <= len; i++) rset(tab, i - 1, rget(tab, i));
  tab.set(len, undefined);
  return old;
}

function move(a1: LuaValue, f: LuaValue, e: LuaValue, t: LuaValue, a2: LuaValue): LuaValue {
  const src = luaCheckTable(a1, 1);
  const from = checkNumber(f, 2);
  const to = checkNumber(e, 3);
  const dest = checkNumber(t, 4);
  const dst = a2 === undefined ? src : luaCheckTable(a2, 5);
  if (to >= from) {
    const d = dest - from;
    if (dest > to || dest <= from || src !== dst) {
      for (let i = from; i <= to; i++) rset(dst, i + d, rget(src, i));
    } else {
      for (let i = to; i >= from; i--) rset(dst, i + d, rget(src, i));
    }
  }
  return dst;
}

// ---- LuaJIT 2.1 extensions, reached with require("table.new") / require("table.clear") ----

/** table.new(narray, nhash): an empty table (sizes are only hints here); luajit refuses absurd sizes. */
export const tableNew = builtinWithId(94, function tableNew(...a: LuaValue[]): LuaResult {
  const narray = checkInt32(a[0], 1, a.length);
  checkInt32(a[1], 2, a.length);
  if ((narray >>> 0) > 0x8000001) throw libError('table overflow');
  return new LuaTable();
});

/** table.clear(t): removes every key, keeps the metatable; returns nothing. */
export const tableClear = builtinWithId(95, function tableClear(...a: LuaValue[]): LuaResult {
  const t = checkTable(a[0], 1, a.length);
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) t.set(e[0], undefined);
  return NONE;
});

function builtinWithId<F extends LuaFunction>(id: number, fn: F): F {
  (fn as { builtin?: number }).builtin = id;
  return fn;
}

export function createTableLib(): LuaTable {
  const lib = makeLib({ maxn, insert, concat, sort });
  const ids: Record<string, number> = { maxn: 90, insert: 91, concat: 92, sort: 93 };
  for (const [name, id] of Object.entries(ids)) (lib.get(name) as { builtin?: number }).builtin = id;
  lib.set('foreachi', foreachi as LuaFunction);
  lib.set('foreach', foreach as LuaFunction);
  lib.set('getn', getn as LuaFunction);
  lib.set('remove', remove as LuaFunction);
  lib.set('move', move as LuaFunction);
  return lib;
}
