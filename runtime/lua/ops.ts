// Lua operators with metamethods, coercions and luajit's error messages (Lua 5.1 manual §2.8).
// Every function takes optional operand descriptions ("local 'user'") so that errors can
// name the variable as luajit does; the fast path for plain operands comes first.
import { libError, type LuaError } from './errors.js';
import { first } from './multi.js';
import { numberToString, stringToNumber } from './number.js';
import { LuaTable } from './table.js';
import { LuaUserdata, typeName, type LuaFunction, type LuaResult, type LuaValue } from './value.js';

let stringMetatable: LuaTable | undefined;

/** The metatable shared by all strings (its __index is the string library). */
export function setStringMetatable(mt: LuaTable | undefined): void {
  stringMetatable = mt;
}

export function getMetatable(v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaTable) return v.metatable;
  if (typeof v === 'string') return stringMetatable;
  if (v instanceof LuaUserdata) return v.metatable;
  return undefined;
}

export function metamethod(v: LuaValue, event: string): LuaValue {
  const mt = getMetatable(v);
  return mt === undefined ? undefined : mt.getStr(event);
}

/** A runtime error positioned at the running Lua line ("app.lua:3: <msg>"). */
export const rtError = libError;

function describe(v: LuaValue, desc: string | undefined): string {
  return desc === undefined ? `a ${typeName(v)} value` : `${desc} (a ${typeName(v)} value)`;
}

// ---- indexing (§2.8 "index", "newindex") ----

export function index(o: LuaValue, k: LuaValue, desc?: string): LuaValue {
  if (o instanceof LuaTable) {
    const v = o.get(k);
    if (v !== undefined || o.metatable === undefined) return v;
  }
  return indexSlow(o, k, desc);
}

function indexSlow(o: LuaValue, k: LuaValue, desc: string | undefined): LuaValue {
  for (let loop = 0; loop < 100; loop++) {
    let handler: LuaValue;
    if (o instanceof LuaTable) {
      const v = o.get(k);
      if (v !== undefined) return v;
      handler = o.metatable?.getStr('__index');
      if (handler === undefined) return undefined;
    } else {
      handler = metamethod(o, '__index');
      if (handler === undefined) throw rtError(`attempt to index ${describe(o, desc)}`);
    }
    if (typeof handler === 'function') return first(handler(o, k));
    o = handler;
    desc = undefined;
  }
  throw rtError("loop in gettable");
}

export function setIndex(o: LuaValue, k: LuaValue, v: LuaValue, desc?: string): void {
  if (o instanceof LuaTable && o.metatable === undefined) {
    o.set(k, v);
    return;
  }
  for (let loop = 0; loop < 100; loop++) {
    let handler: LuaValue;
    if (o instanceof LuaTable) {
      handler = o.metatable?.getStr('__newindex');
      if (handler === undefined || o.get(k) !== undefined) {
        o.set(k, v);
        return;
      }
    } else {
      handler = metamethod(o, '__newindex');
      if (handler === undefined) throw rtError(`attempt to index ${describe(o, desc)}`);
    }
    if (typeof handler === 'function') {
      handler(o, k, v);
      return;
    }
    o = handler;
    desc = undefined;
  }
  throw rtError("loop in settable");
}

// ---- calls ----

/** The JS function to call for `f(...)`: f itself, or its __call metamethod bound to f. */
export function callable(f: LuaValue, desc?: string): LuaFunction {
  if (typeof f === 'function') return f;
  const handler = metamethod(f, '__call');
  if (typeof handler === 'function') return (...args: LuaValue[]) => handler(f, ...args);
  throw rtError(`attempt to call ${describe(f, desc)}`);
}

export function call(f: LuaValue, ...args: LuaValue[]): LuaResult {
  return callable(f)(...args);
}

// ---- arithmetic (§2.2.1 coercion, §2.8 "add" ... "unm") ----

/** Arithmetic coercion: numbers, and strings that read as numbers. */
export function toNumber(v: LuaValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return stringToNumber(v);
  return undefined;
}

export type ArithEvent = '__add' | '__sub' | '__mul' | '__div' | '__mod' | '__pow';

/** luajit computes a % b as a - floor(a/b)*b. */
export function mod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}

function arithPrim(event: ArithEvent, x: number, y: number): number {
  switch (event) {
    case '__add': return x + y;
    case '__sub': return x - y;
    case '__mul': return x * y;
    case '__div': return x / y;
    case '__mod': return mod(x, y);
    case '__pow': return Math.pow(x, y);
  }
}

export function arith(event: ArithEvent, a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return arithPrim(event, x, y);
  let handler = metamethod(a, event);
  if (handler === undefined) handler = metamethod(b, event);
  if (handler !== undefined) return first(callable(handler)(a, b));
  // Lua 5.1 blames the second operand when the first one converts (luaG_aritherror).
  if (x === undefined) throw rtError(`attempt to perform arithmetic on ${describe(a, da)}`);
  throw rtError(`attempt to perform arithmetic on ${describe(b, db)}`);
}

export function add(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return typeof a === 'number' && typeof b === 'number' ? a + b : arith('__add', a, b, da, db);
}
export function sub(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return typeof a === 'number' && typeof b === 'number' ? a - b : arith('__sub', a, b, da, db);
}
export function mul(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return typeof a === 'number' && typeof b === 'number' ? a * b : arith('__mul', a, b, da, db);
}
export function div(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return typeof a === 'number' && typeof b === 'number' ? a / b : arith('__div', a, b, da, db);
}
export function modulo(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return typeof a === 'number' && typeof b === 'number' ? mod(a, b) : arith('__mod', a, b, da, db);
}
export function pow(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return typeof a === 'number' && typeof b === 'number' ? Math.pow(a, b) : arith('__pow', a, b, da, db);
}

export function unm(a: LuaValue, da?: string): LuaValue {
  if (typeof a === 'number') return -a;
  const x = toNumber(a);
  if (x !== undefined) return -x;
  const handler = metamethod(a, '__unm');
  if (handler !== undefined) return first(callable(handler)(a, a));
  throw rtError(`attempt to perform arithmetic on ${describe(a, da)}`);
}

// ---- concatenation (§2.5.4, §2.8 "concat") ----

export function concat(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'string' || ta === 'number') && (tb === 'string' || tb === 'number')) {
    return (ta === 'string' ? a as string : numberToString(a as number)) +
      (tb === 'string' ? b as string : numberToString(b as number));
  }
  let handler = metamethod(a, '__concat');
  if (handler === undefined) handler = metamethod(b, '__concat');
  if (handler !== undefined) return first(callable(handler)(a, b));
  if (ta === 'string' || ta === 'number') throw rtError(`attempt to concatenate ${describe(b, db)}`);
  throw rtError(`attempt to concatenate ${describe(a, da)}`);
}

// ---- comparison (§2.8 "eq", "lt", "le") ----

/** The comparison handler: both operands must share the same metamethod (Lua 5.1 getcomphandler). */
function compareHandler(a: LuaValue, b: LuaValue, event: string): LuaValue {
  const h1 = metamethod(a, event);
  if (h1 === undefined) return undefined;
  const h2 = metamethod(b, event);
  return h1 === h2 ? h1 : undefined;
}

export function eq(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  const ta = typeName(a);
  if (ta !== typeName(b) || (ta !== 'table' && ta !== 'userdata')) return false;
  const handler = compareHandler(a, b, '__eq');
  if (handler === undefined) return false;
  const r = first(callable(handler)(a, b));
  return r !== undefined && r !== false;
}

function compareError(a: LuaValue, b: LuaValue): LuaError {
  const ta = typeName(a);
  const tb = typeName(b);
  return rtError(ta === tb ? `attempt to compare two ${ta} values` : `attempt to compare ${ta} with ${tb}`);
}

export function lt(a: LuaValue, b: LuaValue): boolean {
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'string')) return (a as number) < (b as number);
  if (typeName(a) === typeName(b)) {
    const handler = compareHandler(a, b, '__lt');
    if (handler !== undefined) {
      const r = first(callable(handler)(a, b));
      return r !== undefined && r !== false;
    }
  }
  throw compareError(a, b);
}

export function le(a: LuaValue, b: LuaValue): boolean {
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'string')) return (a as number) <= (b as number);
  if (typeName(a) === typeName(b)) {
    let handler = compareHandler(a, b, '__le');
    if (handler !== undefined) {
      const r = first(callable(handler)(a, b));
      return r !== undefined && r !== false;
    }
    // Lua 5.1 falls back to not (b < a).
    handler = compareHandler(b, a, '__lt');
    if (handler !== undefined) {
      const r = first(callable(handler)(b, a));
      return r === undefined || r === false;
    }
  }
  throw compareError(a, b);
}

// ---- length (§2.5.5, §2.8 "len") ----

export function len(v: LuaValue, desc?: string): LuaValue {
  if (typeof v === 'string') return v.length;
  if (v instanceof LuaTable) return v.length();
  const handler = metamethod(v, '__len');
  if (handler !== undefined) return first(callable(handler)(v));
  throw rtError(`attempt to get length of ${describe(v, desc)}`);
}

// ---- tostring ----

const addresses = new WeakMap<object, string>();
let nextAddress = 0x40a000;

/** A stable, unique pseudo-address for a table, function, thread or userdata. */
export function addressOf(o: object): string {
  let a = addresses.get(o);
  if (a === undefined) {
    nextAddress += 0x40;
    a = '0x' + nextAddress.toString(16).padStart(8, '0');
    addresses.set(o, a);
  }
  return a;
}

export function tostring(v: LuaValue): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return numberToString(v);
    case 'undefined': return 'nil';
    case 'boolean': return v ? 'true' : 'false';
  }
  const handler = metamethod(v, '__tostring');
  if (handler !== undefined) {
    const s = first(callable(handler)(v));
    if (typeof s === 'string') return s;
    if (typeof s === 'number') return numberToString(s);
    throw rtError("'__tostring' must return a string");
  }
  if (typeof v === 'function' && (v as { builtin?: number }).builtin !== undefined) {
    return `function: builtin#${(v as { builtin?: number }).builtin}`;
  }
  return `${typeName(v)}: ${addressOf(v as object)}`;
}
