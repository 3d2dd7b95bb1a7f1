// Lua operators with metamethods, coercions and luajit's error messages (Lua 5.1 manual §2.8).
// Every function takes optional operand descriptions ("local 'user'") so that errors can
// name the variable as luajit does; the fast path for plain operands comes first.
import { CALL_MARK, current, type CallKind, type CallStack } from './callstack.js';
import { rtError, type LuaError } from './errors.js';
import { crPow } from './libm.js';
import { first } from './multi.js';
import { numberToString, stringToNumber } from './number.js';
import { LuaTable } from './table.js';
import { callCo, CO, type Resumable } from './thread.js';
import { LuaUserdata, typeName, type LuaFunction, type LuaResult, type LuaValue } from './value.js';

/**
 * The metatable shared by all strings (its __index is the string library). Compiled method
 * calls read its view, made by the first string method call that reaches `index` (made at
 * once, it would turn the library into a prototype, which V8 keeps slow until used).
 */
export let stringMetatable: LuaTable | undefined;

export function setStringMetatable(mt: LuaTable | undefined): void {
  stringMetatable = mt;
}

/** Metatables shared by all values of the other types, set by debug.setmetatable. */
const typeMetatables = new Map<string, LuaTable>();
/** Whether any is set: the common case then costs one test. */
let anyTypeMetatable = false;

export function setTypeMetatable(type: 'number' | 'boolean' | 'nil' | 'function' | 'thread', mt: LuaTable | undefined): void {
  if (mt === undefined) typeMetatables.delete(type);
  else typeMetatables.set(type, mt);
  anyTypeMetatable = typeMetatables.size > 0;
}

export function getMetatable(v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaTable) return v.metatable;
  if (typeof v === 'string') return stringMetatable;
  if (v instanceof LuaUserdata) return v.metatable;
  return anyTypeMetatable ? typeMetatables.get(typeName(v)) : undefined;
}

export function metamethod(v: LuaValue, event: string): LuaValue {
  const mt = getMetatable(v);
  return mt === undefined ? undefined : mt.getStr(event);
}

export { rtError };

function describe(v: LuaValue, desc: string | undefined): string {
  return desc === undefined ? `a ${typeName(v)} value` : `${desc} (a ${typeName(v)} value)`;
}

// ---- metamethod calls ----

/**
 * A metamethod call an operator needs. The `...OrCall` variants of the operators return
 * one instead of calling it, so that coroutine code can call it with `yield*` (luajit lets
 * metamethods yield); the plain operators call it at once. Either way the rule that
 * decides what to call lives here, once.
 */
export class PendingCall {
  constructor(
    readonly fn: LuaFunction,
    readonly args: LuaValue[],
    /** How to turn the call's result into the operator's value. */
    readonly post: typeof FIRST | typeof TRUTHY | typeof FALSY,
    /** The metamethod ("__index"): the calling frame names the call after it, as luajit does. */
    event?: string,
  ) {
    // Every PendingCall is invoked at once, so this is the call the frame is making.
    if (event !== undefined) {
      this.stack = current;
      this.depth = current.depth - 1;
      this.pc = current.nameCall('@' + event);
    }
  }

  private stack: CallStack | undefined;
  private depth = 0;
  private pc = 0;

  finish(r: LuaResult): LuaValue {
    if (this.pc !== 0) this.stack!.restoreCall(this.depth, this.pc);
    const v = first(r);
    if (this.post === FIRST) return v;
    const t = v !== undefined && v !== false;
    return this.post === TRUTHY ? t : !t;
  }

  run(): LuaValue {
    return this.finish(this.fn(...this.args));
  }
}

export const FIRST = 0;
export const TRUTHY = 1;
export const FALSY = 2;

function settle(r: LuaValue | PendingCall): LuaValue {
  return r instanceof PendingCall ? r.run() : r;
}

// ---- indexing (§2.8 "index", "newindex") ----

/**
 * `o[k]` for a number key the array part did not give (compiled item reads): on a table with
 * no other keys and no metatable that is a hole or past the end, nil; else index(). Small, so
 * that V8 inlines it where misses are common (the leaves of a tree: `if node[1] then`).
 */
export function indexItem(o: LuaValue, k: number, desc?: string): LuaValue {
  return o instanceof LuaTable && (k - 1 >>> 0) === k - 1 && o.plainItems ? o.arr[k - 1] : index(o, k, desc);
}

export function index(o: LuaValue, k: LuaValue, desc?: string): LuaValue {
  if (typeof o === 'string' && stringMetatable !== undefined) {
    stringMetatable.ensureView();
    // s:method(): the string library, as the walk below would find it
    const lib = stringMetatable.getStr('__index');
    if (lib instanceof LuaTable) {
      const v = lib.get(k);
      if (v !== undefined || lib.metatable === undefined) return v;
    }
  }
  if (o instanceof LuaTable) {
    let v = o.get(k);
    if (v !== undefined || o.metatable === undefined) return v;
    // a chain of __index tables, walked here without allocating; anything else below
    let t: LuaTable = o;
    for (let loop = 0; loop < 100; loop++) {
      const h = t.metatable?.indexValue;
      if (!(h instanceof LuaTable)) {
        if (h === undefined) return undefined;
        break;
      }
      t = h;
      v = t.get(k);
      if (v !== undefined) return v;
    }
  }
  return settle(indexOrCall(o, k, desc));
}

export function indexOrCall(o: LuaValue, k: LuaValue, desc?: string): LuaValue | PendingCall {
  for (let loop = 0; loop < 100; loop++) {
    let handler: LuaValue;
    if (o instanceof LuaTable) {
      const v = o.get(k);
      if (v !== undefined) return v;
      handler = o.metatable?.indexValue;
      if (handler === undefined) return undefined;
    } else {
      handler = metamethod(o, '__index');
      if (handler === undefined) throw rtError(`attempt to index ${describe(o, desc)}`, '@__index');
    }
    if (typeof handler === 'function') return new PendingCall(handler, [o, k], FIRST, '__index');
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
  const r = setIndexOrCall(o, k, v, desc);
  if (r !== undefined) r.run();
}

export function setIndexOrCall(o: LuaValue, k: LuaValue, v: LuaValue, desc?: string): PendingCall | undefined {
  for (let loop = 0; loop < 100; loop++) {
    let handler: LuaValue;
    if (o instanceof LuaTable) {
      handler = o.metatable?.getStr('__newindex');
      if (handler === undefined || o.get(k) !== undefined) {
        o.set(k, v);
        return undefined;
      }
    } else {
      handler = metamethod(o, '__newindex');
      if (handler === undefined) throw rtError(`attempt to index ${describe(o, desc)}`, '@__newindex');
    }
    if (typeof handler === 'function') return new PendingCall(handler, [o, k, v], FIRST, '__newindex');
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
  if (typeof handler === 'function') {
    const bound = (...args: LuaValue[]) => handler(f, ...args);
    (bound as Resumable)[CO] = (...args: LuaValue[]) => callCo(handler, [f, ...args]);
    return bound;
  }
  throw rtError(`attempt to call ${describe(f, desc)}`, calleeName(desc));
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

/**
 * `a ^ b` as luajit computes it: C's pow (glibc's, correctly rounded; V8's Math.pow is off by
 * an ulp for some arguments). A whole power of a whole number below 2^53 is exact by repeated
 * multiplication; anything else takes the double-double pow of libm.ts.
 */
export function powNum(a: number, b: number): number {
  if (b === 2) return a * a;
  if ((b | 0) === b && b > 2 && b <= 64 && (a | 0) === a) {
    let r = a;
    let k = 1;
    for (; k < b && Math.abs(r) < 2 ** 53; k++) r *= a;
    if (k === b && Math.abs(r) <= 2 ** 53) return r;
  }
  return crPow(a, b);
}

/** luajit computes a % b as a - floor(a/b)*b. */
export function mod(a: number, b: number): number {
  // positive int32s: JS's remainder is then exactly the floored formula, without a division
  if ((a | 0) === a && (b | 0) === b && a > 0 && b > 0) return a % b;
  return a - Math.floor(a / b) * b;
}

/**
 * mod() by a divisor the compiler knows to be a positive int32 (`i % 100`): a third of mod's
 * bytecode, which counts against V8's budget for inlining into the caller.
 */
export function modBy(a: number, b: number): number {
  return (a | 0) === a && a > 0 ? a % b : mod(a, b);
}

function arithPrim(event: ArithEvent, x: number, y: number): number {
  switch (event) {
    case '__add': return x + y;
    case '__sub': return x - y;
    case '__mul': return x * y;
    case '__div': return x / y;
    case '__mod': return mod(x, y);
    case '__pow': return powNum(x, y);
  }
}

export function arith(event: ArithEvent, a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  return settle(arithOrCall(event, a, b, da, db));
}

export function arithOrCall(event: ArithEvent, a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue | PendingCall {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return arithPrim(event, x, y);
  let handler = metamethod(a, event);
  if (handler === undefined) handler = metamethod(b, event);
  if (handler !== undefined) return new PendingCall(callable(handler), [a, b], FIRST, event);
  // Lua 5.1 blames the second operand when the first one converts (luaG_aritherror).
  if (x === undefined) throw rtError(`attempt to perform arithmetic on ${describe(a, da)}`, '@' + event);
  throw rtError(`attempt to perform arithmetic on ${describe(b, db)}`, '@' + event);
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
  return typeof a === 'number' && typeof b === 'number' ? powNum(a, b) : arith('__pow', a, b, da, db);
}

export function unm(a: LuaValue, da?: string): LuaValue {
  return typeof a === 'number' ? -a : settle(unmOrCall(a, da));
}

export function unmOrCall(a: LuaValue, da?: string): LuaValue | PendingCall {
  if (typeof a === 'number') return -a;
  const x = toNumber(a);
  if (x !== undefined) return -x;
  const handler = metamethod(a, '__unm');
  if (handler !== undefined) return new PendingCall(callable(handler), [a, a], FIRST, '__unm');
  throw rtError(`attempt to perform arithmetic on ${describe(a, da)}`, '@__unm');
}

// ---- concatenation (§2.5.4, §2.8 "concat") ----

export function concat(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue {
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  return settle(concatOrCall(a, b, da, db));
}

/** A string or number as `..` writes it (compiled code, for operands proven to be one of the two). */
export function concatPart(v: LuaValue): string {
  return typeof v === 'string' ? v : numberToString(v as number);
}

export function concatOrCall(a: LuaValue, b: LuaValue, da?: string, db?: string): LuaValue | PendingCall {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'string' || ta === 'number') && (tb === 'string' || tb === 'number')) {
    return (ta === 'string' ? a as string : numberToString(a as number)) +
      (tb === 'string' ? b as string : numberToString(b as number));
  }
  let handler = metamethod(a, '__concat');
  if (handler === undefined) handler = metamethod(b, '__concat');
  if (handler !== undefined) return new PendingCall(callable(handler), [a, b], FIRST, '__concat');
  if (ta === 'string' || ta === 'number') throw rtError(`attempt to concatenate ${describe(b, db)}`, '@__concat');
  throw rtError(`attempt to concatenate ${describe(a, da)}`, '@__concat');
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
  return a === b || (typeof a === 'object' && typeof b === 'object' && settle(eqOrCall(a, b)) as boolean);
}

export function eqOrCall(a: LuaValue, b: LuaValue): boolean | PendingCall {
  if (a === b) return true;
  const ta = typeName(a);
  if (ta !== typeName(b) || (ta !== 'table' && ta !== 'userdata')) return false;
  const handler = compareHandler(a, b, '__eq');
  if (handler === undefined) return false;
  return new PendingCall(callable(handler), [a, b], TRUTHY, '__eq');
}

function compareError(a: LuaValue, b: LuaValue, event: '__lt' | '__le'): LuaError {
  const ta = typeName(a);
  const tb = typeName(b);
  return rtError(ta === tb ? `attempt to compare two ${ta} values` : `attempt to compare ${ta} with ${tb}`, '@' + event);
}

/** The callName of a callee described as "local 'f'", "method 'm'"...: what luajit names a call by. */
function calleeName(desc: string | undefined): string | undefined {
  const m = desc === undefined ? null : /^(local|global|upvalue|field|method) '(.*)'$/s.exec(desc);
  return m === null ? undefined : CALL_MARK[m[1] as CallKind] + m[2];
}

export function lt(a: LuaValue, b: LuaValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return settle(ltOrCall(a, b)) as boolean;
}

export function ltOrCall(a: LuaValue, b: LuaValue): boolean | PendingCall {
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'string')) return (a as number) < (b as number);
  if (typeName(a) === typeName(b)) {
    const handler = compareHandler(a, b, '__lt');
    if (handler !== undefined) return new PendingCall(callable(handler), [a, b], TRUTHY, '__lt');
  }
  throw compareError(a, b, '__lt');
}

export function le(a: LuaValue, b: LuaValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return settle(leOrCall(a, b)) as boolean;
}

export function leOrCall(a: LuaValue, b: LuaValue): boolean | PendingCall {
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'string')) return (a as number) <= (b as number);
  if (typeName(a) === typeName(b)) {
    let handler = compareHandler(a, b, '__le');
    if (handler !== undefined) return new PendingCall(callable(handler), [a, b], TRUTHY, '__le');
    // Lua 5.1 falls back to not (b < a).
    handler = compareHandler(b, a, '__lt');
    if (handler !== undefined) return new PendingCall(callable(handler), [b, a], FALSY, '__lt');
  }
  throw compareError(a, b, '__le');
}

// ---- length (§2.5.5, §2.8 "len") ----

export function len(v: LuaValue, desc?: string): LuaValue {
  if (typeof v === 'string') return v.length;
  if (v instanceof LuaTable) return v.length();
  return settle(lenOrCall(v, desc));
}

export function lenOrCall(v: LuaValue, desc?: string): LuaValue | PendingCall {
  if (typeof v === 'string') return v.length;
  if (v instanceof LuaTable) return v.length();
  const handler = metamethod(v, '__len');
  if (handler !== undefined) return new PendingCall(callable(handler), [v], FIRST, '__len');
  throw rtError(`attempt to get length of ${describe(v, desc)}`, '@__len');
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

/** tostring(v) as the Lua function returns it: a __tostring result is passed on unchecked. */
export function tostringValue(v: LuaValue): LuaValue {
  if (typeof v === 'object' || anyTypeMetatable) {
    const handler = metamethod(v, '__tostring');
    if (handler !== undefined) return first(callable(handler)(v));
  }
  return tostring(v);
}

/** The text of a value (print, string.format %s, error messages). */
export function tostring(v: LuaValue): string {
  if (anyTypeMetatable && typeof v !== 'object' && typeof v !== 'string') {
    const handler = metamethod(v, '__tostring');
    if (handler !== undefined) return tostringResult(first(callable(handler)(v)));
  }
  switch (typeof v) {
    case 'string': return v;
    case 'number': return numberToString(v);
    case 'undefined': return 'nil';
    case 'boolean': return v ? 'true' : 'false';
  }
  const handler = metamethod(v, '__tostring');
  if (handler !== undefined) return tostringResult(first(callable(handler)(v)));
  if (typeof v === 'function' && (v as { builtin?: number }).builtin !== undefined) {
    return `function: builtin#${(v as { builtin?: number }).builtin}`;
  }
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

function tostringResult(s: LuaValue): string {
  if (typeof s === 'string') return s;
  if (typeof s === 'number') return numberToString(s);
  throw rtError("'__tostring' must return a string");
}

/** Numeric for (Lua 5.1 §2.4.5): coerces numeric strings, names the bad part. */
export function forNumber(v: LuaValue, what: 'initial value' | 'limit' | 'step'): number {
  if (typeof v === 'number') return v;
  const n = toNumber(v);
  if (n === undefined) throw rtError(`'for' ${what} must be a number`);
  return n;
}
