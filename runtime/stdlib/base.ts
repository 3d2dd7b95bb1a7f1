// The base library (Lua 5.1 manual §5.1): print, type, pairs, pcall, error, load...
import { C_CALL, current, where } from '../lua/callstack.js';
import { argError, cError, libError, type LuaError, toLuaError } from '../lua/errors.js';
import { all, first, NONE } from '../lua/multi.js';
import { numberToString, stringToNumberBase } from '../lua/number.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { CO, callCo, type CoGenerator } from '../lua/thread.js';
import { LuaUserdata, typeName, type LuaFunction, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin, checkAny, checkInt, checkNumber, checkTable, optInt, typeError } from './args.js';
import { unpack } from './table.js';

export interface BaseHost {
  /** Writes a byte string to standard output (print). */
  write(s: string): void;
  /** Compiles a chunk; throws LuaError with Lua's message on a syntax error. */
  load(text: string, chunkName: string): LuaFunction;
  /** Reads a Lua file for loadfile/dofile; throws LuaError when it cannot. */
  readFile(path: string | undefined): string;
}

/** luajit's chunk name for a string chunk (lj_debug_shortname with LUA_IDSIZE 60). */
export function stringChunkName(source: string): string {
  const newline = source.search(/[\n\r]/); // the first line ends at either
  if (newline < 0 && source.length <= 48) return `[string "${source}"]`;
  const firstLine = newline < 0 ? source : source.slice(0, newline);
  return `[string "${firstLine.slice(0, 45)}..."]`;
}

/** Unwinds the Lua stack to `depth` after an error caught at that depth; names pending "bad argument" errors. */
function caught(e: unknown, depth: number, direct: boolean): LuaError {
  const err = toLuaError(e);
  return direct ? err.nameFunction('?') : current.nameBadArgument(err, depth);
}


/** Back to the stack as it was at `depth` (and `tails` pending tail calls) after a caught error. */
export function unwind(depth: number, tails = current.tails): void {
  current.truncate(depth);
  current.tails = tails;
}

function ipairsIter(t: LuaValue, i: LuaValue): LuaResult {
  const tt = checkTable(t, 1);
  const n = checkNumber(i, 2, arguments.length) + 1;
  // luajit's ipairs reads raw (no __index) at the truncated index, and returns nothing at the end.
  const v = tt.getInt(n >= 0 ? Math.floor(n) : Math.ceil(n));
  return v === undefined ? NONE : [n, v];
}

function next(t: LuaValue, k: LuaValue): LuaResult {
  const entry = checkTable(t, 1, arguments.length).next(k);
  return entry === undefined ? undefined : entry;
}

function ipairs(t: LuaValue): LuaResult {
  checkAny(1, arguments.length);
  checkTable(t, 1);
  return [ipairsIter, t, 0];
}

function pairs(t: LuaValue): LuaResult {
  checkAny(1, arguments.length);
  checkTable(t, 1, arguments.length);
  return [next, t, undefined];
}

/**
 * The library's iteration functions, one object each for every environment: compiled
 * generic `for` loops compare the iterator they get with these (see forKind).
 */
export const ITERATION = { ipairs: builtin(ipairs), pairs: builtin(pairs), next: builtin(next), ipairsIter: builtin(ipairsIter) };

/**
 * How a compiled generic `for` steps: 1 as ipairs's iterator from 0 over a table, 2 as
 * `next` over a table (both without calls), 0 by calling the iterator.
 */
export function forKind(it: LuaValue, st: LuaValue, ctl: LuaValue): number {
  if (!(st instanceof LuaTable)) return 0;
  if (it === ipairsIter) return ctl === 0 ? 1 : 0;
  return it === next ? 2 : 0;
}

let gcRunning = true;
let gcPause = 200;
let gcStepMul = 200;

/** Sets a loaded function's environment (load's 4th argument); installed by the interpreter. */
let setLoadedEnv: ((fn: LuaFunction, env: LuaTable) => void) | undefined;

export function setLoadEnvHook(hook: (fn: LuaFunction, env: LuaTable) => void): void {
  setLoadedEnv = hook;
}

export function createBaseLib(host: BaseHost, G: LuaTable): void {
  const loadImpl = (a: LuaValue[]): LuaResult => {
    const chunk = a[0];
    let text: string;
    if (typeof chunk === 'string' || typeof chunk === 'number') {
      text = typeof chunk === 'number' ? numberToString(chunk) : chunk;
    } else if (typeof chunk === 'function') {
      text = '';
      const depth = current.depth;
      for (;;) {
        let piece: LuaValue;
        try {
          current.push(C_CALL);
          piece = first(chunk());
          current.pop();
        } catch (e) {
          // a reader's error is load's message, passed (where it happened) through the
          // handler luajit's VM would call: at top level its traceback is appended
          const err = toLuaError(e);
          const handler = current.errorHandler;
          const message = handler === undefined ? err.value : handler(err);
          unwind(depth);
          return [undefined, message];
        }
        if (piece === undefined || piece === '') break;
        if (typeof piece !== 'string') return [undefined, 'reader function must return a string'];
        text += piece;
      }
    } else {
      return typeError(chunk, 1, 'function', a.length);
    }
    const name = a[1] === undefined ? undefined : typeof a[1] === 'number' ? numberToString(a[1]) : typeof a[1] === 'string' ? a[1] : typeError(a[1], 2, 'string');
    const mode = a[2] === undefined ? 'bt' : typeof a[2] === 'number' ? numberToString(a[2]) : typeof a[2] === 'string' ? a[2] : typeError(a[2], 3, 'string');
    const binary = text.startsWith('\x1b');
    if (!mode.includes(binary ? 'b' : 't')) return [undefined, 'attempt to load chunk with wrong mode'];
    const chunkName = name !== undefined ? chunkId(name) : typeof chunk === 'function' ? '=(load)' : stringChunkName(text);
    if (binary) return [undefined, `${chunkName}: cannot load incompatible bytecode`];
    const r = loadText(host, text, chunkName);
    if (typeof r === 'function' && a[3] instanceof LuaTable) setLoadedEnv?.(r, a[3]);
    return r;
  };

  const tostringBuiltin = builtin(function tostring(v: LuaValue): LuaResult {
    checkAny(1, arguments.length);
    // luajit tail-calls __tostring: every result comes back, unchecked (none, or several).
    const handler = ops.metamethod(v, '__tostring');
    return handler !== undefined ? ops.callable(handler)(v) : ops.tostring(v);
  });

  /**
   * Before xpcall's handler runs where the error happened: luajit's stack still holds the
   * library function that raised it, or the frame's failing instruction names the handler's
   * call (`in function '__index'` for `x.y` on nil).
   */
  function nameHandler(err: LuaError): void {
    if (err.inC) current.enterRaiser(err);
    else if (err.failing !== undefined) current.nameCall(err.failing);
  }

  /** xpcall's handler, called where the error happened (its result, or luajit's message when it fails too). */
  function runHandler(handler: LuaFunction, err: LuaError): LuaValue {
    nameHandler(err);
    try {
      return first(handler(err.value));
    } catch (e2) {
      toLuaError(e2);
      return 'error in error handling';
    }
  }

  /** pcall and xpcall inside a coroutine (their generator twins): f and the handler may yield. */
  function* protectedCallCo(f: LuaValue, args: LuaValue[], handler?: LuaFunction): CoGenerator {
    const stack = current;
    const depth = stack.depth;
    const tails = stack.tails;
    const outer = stack.errorHandler;
    stack.errorHandler = handler === undefined ? undefined : (err) => runHandler(handler, err);
    stack.push(C_CALL);
    try {
      const r = [true, ...all(yield* callCo(ops.callable(f), args))];
      stack.pop();
      return r;
    } catch (e) {
      const err = caught(e, depth, isBuiltin(f));
      let r: LuaValue[] = [err.value];
      if (handler !== undefined) {
        nameHandler(err);
        try {
          r = [first(yield* callCo(handler, [err.value]))];
        } catch (e2) {
          toLuaError(e2);
          r = ['error in error handling'];
        }
      }
      unwind(depth, tails);
      return [false, ...r];
    } finally {
      stack.errorHandler = outer;
    }
  }

  // pcall and xpcall call f(...args) in a level of their own; on an error, xpcall's handler
  // runs before the stack is unwound, so debug.traceback sees where it happened. Each is
  // written out whole: f(...args) then forwards the function's own rest parameter without
  // building an array (a shared helper taking `args` made pcall 1.3x slower).
  const pcall = builtin(function pcall(f: LuaValue, ...args: LuaValue[]): LuaResult {
    checkAny(1, arguments.length);
    const stack = current;
    const depth = stack.depth;
    const tails = stack.tails;
    const outer = stack.errorHandler;
    stack.errorHandler = undefined;
    stack.push(C_CALL);
    try {
      const r = [true, ...all(ops.callable(f)(...args))];
      stack.pop();
      stack.errorHandler = outer;
      return r;
    } catch (e) {
      const err = caught(e, depth, isBuiltin(f));
      unwind(depth, tails);
      stack.errorHandler = outer;
      return [false, err.value];
    }
  });
  (pcall as { [CO]?: unknown })[CO] = function pcallCo(f: LuaValue, ...args: LuaValue[]): CoGenerator {
    return protectedCallCo(f, args);
  };

  const xpcall = builtin(function xpcall(f: LuaValue, handler: LuaValue, ...args: LuaValue[]): LuaResult {
    checkAny(1, arguments.length);
    if (typeof handler !== 'function') typeError(handler, 2, 'function', arguments.length);
    const stack = current;
    const depth = stack.depth;
    const tails = stack.tails;
    const outer = stack.errorHandler;
    stack.errorHandler = (err) => runHandler(handler as LuaFunction, err);
    stack.push(C_CALL);
    try {
      const r = [true, ...all(ops.callable(f)(...args))];
      stack.pop();
      stack.errorHandler = outer;
      return r;
    } catch (e) {
      const r = runHandler(handler as LuaFunction, caught(e, depth, isBuiltin(f)));
      unwind(depth, tails);
      stack.errorHandler = outer;
      return [false, r];
    }
  });
  (xpcall as { [CO]?: unknown })[CO] = function xpcallCo(f: LuaValue, handler: LuaValue, ...args: LuaValue[]): CoGenerator {
    if (typeof handler !== 'function') typeError(handler, 2, 'function', args.length + 2);
    return protectedCallCo(f, args, handler as LuaFunction);
  };

  const lib: Record<string, LuaFunction> = {
    print(...args: LuaValue[]): LuaResult {
      // print goes through the global tostring when a program replaces it, as luajit does.
      const tostringFn = G.getStr('tostring');
      const custom = tostringFn !== tostringBuiltin ? ops.callable(tostringFn) : undefined;
      let line = '';
      // luajit writes each value as it goes: what came before an error is printed
      try {
        for (let i = 0; i < args.length; i++) {
          const v = args[i];
          let piece: string;
          if (typeof v === 'string') {
            piece = v;
          } else if (custom === undefined && ops.metamethod(v, '__tostring') === undefined) {
            piece = ops.tostring(v);
          } else {
            // a __tostring (or a replaced tostring) result: luajit's check and message
            current.push(C_CALL);
            const s = first(custom !== undefined ? custom(v) : ops.tostringValue(v));
            current.pop();
            if (typeof s !== 'string' && typeof s !== 'number') throw libError("'tostring' must return a string to 'print'");
            piece = typeof s === 'string' ? s : numberToString(s);
          }
          line += i > 0 ? '\t' + piece : piece;
        }
      } catch (e) {
        host.write(line);
        throw e;
      }
      host.write(line + '\n');
      return NONE;
    },
    type(v: LuaValue): LuaResult {
      checkAny(1, arguments.length);
      return typeName(v);
    },
    tostring: tostringBuiltin,
    tonumber(v: LuaValue, base: LuaValue): LuaResult {
      if (base === undefined) {
        checkAny(1, arguments.length);
        return ops.toNumber(v);
      }
      const b = checkInt(base, 2);
      if (b === 10) return ops.toNumber(v); // base 10 is the ordinary conversion in luajit
      const s = typeof v === 'number' ? numberToString(v) : typeof v === 'string' ? v : typeError(v, 1, 'string');
      if (!(b >= 2 && b <= 36)) throw argError(2, 'base out of range'); // NaN too
      return stringToNumberBase(s, b);
    },
    ipairs: ITERATION.ipairs,
    pairs: ITERATION.pairs,
    next: ITERATION.next,
    select(n: LuaValue, ...args: LuaValue[]): LuaResult {
      if (typeof n === 'string' && n.startsWith('#')) return args.length; // luajit reads the first character only
      const c = checkInt(n, 1, arguments.length);
      const i = c >= -2147483648 && c <= 2147483647 ? c : -2147483648; // luajit's int32 conversion
      if (i < 0) {
        if (-i > args.length) throw argError(1, 'index out of range');
        return args.slice(args.length + i);
      }
      if (i === 0) throw argError(1, 'index out of range');
      return args.slice(i - 1);
    },
    unpack,
    rawget(t: LuaValue, k: LuaValue): LuaResult {
      const tt = checkTable(t, 1, arguments.length);
      checkAny(2, arguments.length);
      return tt.get(k);
    },
    rawset(t: LuaValue, k: LuaValue, v: LuaValue): LuaResult {
      const tt = checkTable(t, 1, arguments.length);
      checkAny(3, arguments.length);
      tt.set(k, v);
      return tt;
    },
    rawequal(a: LuaValue, b: LuaValue): LuaResult {
      checkAny(1, arguments.length);
      checkAny(2, arguments.length);
      return a === b;
    },
    setmetatable(t: LuaValue, mt: LuaValue): LuaResult {
      const tt = checkTable(t, 1, arguments.length);
      if ((mt === undefined && arguments.length < 2) || (mt !== undefined && !(mt instanceof LuaTable))) {
        throw argError(2, 'nil or table expected');
      }
      if (tt.metatable?.getStr('__metatable') !== undefined) throw libError('cannot change a protected metatable');
      tt.metatable = mt;
      return tt;
    },
    getmetatable(v: LuaValue): LuaResult {
      checkAny(1, arguments.length);
      const mt = ops.getMetatable(v);
      if (mt === undefined) return undefined;
      const protectedValue = mt.getStr('__metatable');
      return protectedValue !== undefined ? protectedValue : mt;
    },
    assert(v: LuaValue, ...rest: LuaValue[]): LuaResult {
      if (v !== undefined && v !== false) return [v, ...rest];
      if (arguments.length === 0) throw argError(1, 'value expected');
      // luajit positions string and number messages at the caller, as error() does.
      const msg = arguments.length > 1 ? rest[0] : 'assertion failed!';
      if (typeof msg === 'string' || typeof msg === 'number') throw libError(ops.tostring(msg));
      throw cError(msg);
    },
    error(msg: LuaValue, level: LuaValue): LuaResult {
      const lvl = level === undefined ? 1 : checkInt(level, 2);
      if ((typeof msg === 'string' || typeof msg === 'number') && lvl > 0) msg = where(current, lvl) + ops.tostring(msg);
      throw cError(msg);
    },
    pcall,
    xpcall,
    // LuaJIT 2.1: loadstring is load: load(chunk [, chunkname [, mode [, env]]]).
    loadstring(...a: LuaValue[]): LuaResult {
      return loadImpl(a);
    },
    load(...a: LuaValue[]): LuaResult {
      return loadImpl(a);
    },
    loadfile(path: LuaValue, modeArg: LuaValue, env: LuaValue): LuaResult {
      const p = fileArg(path);
      // luajit 2.1 takes load's mode and env arguments here too
      const mode = modeArg === undefined ? 'bt' : typeof modeArg === 'number' ? numberToString(modeArg) : typeof modeArg === 'string' ? modeArg : typeError(modeArg, 2, 'string');
      let text: string;
      try {
        text = skipShebang(host.readFile(p));
      } catch (e) {
        return [undefined, toLuaError(e).value];
      }
      if (!mode.includes(text.startsWith('\x1b') ? 'b' : 't')) return [undefined, 'attempt to load chunk with wrong mode'];
      const r = loadText(host, text, p ?? 'stdin');
      if (typeof r === 'function' && env instanceof LuaTable) setLoadedEnv?.(r, env);
      return r;
    },
    dofile(path: LuaValue): LuaResult {
      const p = fileArg(path);
      const fn = loadText(host, skipShebang(host.readFile(p)), p ?? 'stdin');
      if (typeof fn !== 'function') throw cError((fn as LuaValue[])[1]); // a syntax error, raised
      current.push(C_CALL);
      const r = fn();
      current.pop();
      return r;
    },
    collectgarbage(opt: LuaValue, arg: LuaValue): LuaResult {
      // V8 owns the heap: report its size, accept every Lua 5.1 option, collect nothing.
      const option = opt === undefined ? 'collect' : typeof opt === 'string' ? opt : typeError(opt, 1, 'string');
      switch (option) {
        case 'count': return process.memoryUsage().heapUsed / 1024;
        case 'collect': return 0;
        case 'stop': case 'restart': gcRunning = option === 'restart'; return 0;
        case 'isrunning': return gcRunning;
        case 'step': return true;
        case 'setpause': { const prev = gcPause; gcPause = optInt(arg, 2, 200); return prev; }
        case 'setstepmul': { const prev = gcStepMul; gcStepMul = optInt(arg, 2, 200); return prev; }
        default: throw argError(1, `invalid option '${option}'`);
      }
    },
    newproxy(arg: LuaValue): LuaResult {
      // Lua 5.1's undocumented userdata factory: newproxy(true) gets a fresh metatable,
      // newproxy(proxy) shares that proxy's metatable.
      if (arg === true) return new LuaUserdata(undefined, new LuaTable());
      if (arg instanceof LuaUserdata) return new LuaUserdata(undefined, arg.metatable);
      if (arg !== undefined && arg !== false) throw argError(1, 'boolean or proxy expected');
      return new LuaUserdata(undefined, undefined);
    },
    gcinfo(): LuaResult {
      return Math.floor(process.memoryUsage().heapUsed / 1024);
    },
  };
  for (const [name, fn] of Object.entries(lib)) G.setStr(name, typeof fn === 'function' && (fn as { builtin?: number }).builtin === undefined ? builtin(fn) : fn);
  G.setStr('_G', G);
  G.setStr('_VERSION', 'Lua 5.1');
}

/** "=name" and "@name" chunk names as Lua prints them. */
/** luajit skips a first line starting with '#' in a file (a shebang); lines keep their numbers. */
function skipShebang(text: string): string {
  return text.startsWith('#') ? '--' + text.slice(1) : text;
}

/** loadfile/dofile's file name; none (nil) reads the standard input, as luajit does. */
function fileArg(path: LuaValue): string | undefined {
  if (path === undefined) return undefined;
  return typeof path === 'string' ? path : typeof path === 'number' ? numberToString(path) : typeError(path, 1, 'string');
}

function chunkId(name: string): string {
  if (name.startsWith('=') || name.startsWith('@')) return name.slice(1);
  return stringChunkName(name);
}

function loadText(host: BaseHost, text: string, chunkName: string): LuaResult {
  try {
    return host.load(text, chunkName);
  } catch (e) {
    return [undefined, toLuaError(e).value];
  }
}

/** Library functions carry a builtin id (args.ts); their errors are named '?' under pcall. */
function isBuiltin(f: LuaValue): boolean {
  return typeof f === 'function' && (f as { builtin?: number }).builtin !== undefined;
}
