// Argument checking for library functions, with luajit's "bad argument" messages.
// Library functions take their arguments as plain JS parameters; pass `arguments.length`
// as `nargs` where luajit distinguishes "got no value" from "got nil".
import { argError } from '../lua/errors.js';
import { stringToNumber } from '../lua/number.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction, type LuaValue } from '../lua/value.js';
import { numberToString } from '../lua/number.js';

function got(v: LuaValue, arg: number, nargs: number | undefined): string {
  return v === undefined && nargs !== undefined && arg > nargs ? 'no value' : typeName(v);
}

export function typeError(v: LuaValue, arg: number, expected: string, nargs?: number): never {
  throw argError(arg, `${expected} expected, got ${got(v, arg, nargs)}`);
}

/** luaL_checknumber: numbers and numeric strings. */
export function checkNumber(v: LuaValue, arg: number, nargs?: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = stringToNumber(v);
    if (n !== undefined) return n;
  }
  return typeError(v, arg, 'number', nargs);
}

/** luaL_checkinteger: a number truncated toward zero (luajit casts to int32/64). */
export function checkInt(v: LuaValue, arg: number, nargs?: number): number {
  const n = checkNumber(v, arg, nargs);
  return n >= 0 ? Math.floor(n) : Math.ceil(n);
}

export function optNumber(v: LuaValue, arg: number, def: number): number {
  return v === undefined ? def : checkNumber(v, arg);
}

export function optInt(v: LuaValue, arg: number, def: number): number {
  return v === undefined ? def : checkInt(v, arg);
}

/** luaL_checkstring: strings, and numbers converted with %.14g. */
export function checkString(v: LuaValue, arg: number, nargs?: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  return typeError(v, arg, 'string', nargs);
}

export function optString(v: LuaValue, arg: number, def: string): string {
  return v === undefined ? def : checkString(v, arg);
}

export function checkTable(v: LuaValue, arg: number, nargs?: number): LuaTable {
  if (v instanceof LuaTable) return v;
  return typeError(v, arg, 'table', nargs);
}

export function checkFunction(v: LuaValue, arg: number, nargs?: number): LuaFunction {
  if (typeof v === 'function') return v;
  return typeError(v, arg, 'function', nargs);
}

/** luaL_checkany: "value expected" when the argument is absent. */
export function checkAny(arg: number, nargs: number): void {
  if (arg > nargs) throw argError(arg, 'value expected');
}

let nextBuiltinId = 1;

/** Marks a library function so tostring prints it as luajit does ("builtin#N"). */
export function builtin<F extends LuaFunction>(fn: F): F {
  (fn as { builtin?: number }).builtin = nextBuiltinId++;
  return fn;
}

/** Builds a library table from an object of functions (and other values). */
export function makeLib(entries: Record<string, LuaValue>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(entries)) {
    t.set(k, typeof v === 'function' ? builtin(v) : v);
  }
  return t;
}
