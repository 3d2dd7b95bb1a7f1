// Lua errors: any Lua value can be thrown; LuaError carries it through JS exceptions.
import { calledName, where } from './callstack.js';
import type { LuaValue } from './value.js';

export class LuaError {
  /** Lua traceback text, captured where the error was raised (for uncaught errors). */
  traceback: string | undefined;
  /**
   * Set for "bad argument" errors raised by library functions: the function's name is
   * known only at the call site (luajit names it after the call expression, or '?').
   */
  badArg: { arg: number; detail: string; prefix: string } | undefined;
  /**
   * Raised by a library function (error, assert, a bad argument...): luajit's stack still
   * holds that C function when a handler or the uncaught-error traceback looks.
   */
  inC = false;
  /**
   * For an operator's error (rtError): the call luajit's failing instruction names, which a
   * handler called at that point is named after ("@__index" for `x.y` on nil, "f" for `f()`).
   */
  failing: string | undefined = undefined;

  constructor(public value: LuaValue, traceback?: string) {
    this.traceback = traceback;
  }

  /**
   * Names the function of a pending "bad argument" error; a no-op for other errors.
   * A name starting with ':' is a method call, where luajit does not count `self`.
   */
  nameFunction(name: string): this {
    const bad = this.badArg;
    if (bad === undefined) return this;
    this.badArg = undefined;
    name = calledName(name); // a metamethod is named '__index'..., a local or a field by its name
    if (name.startsWith(':')) {
      name = name.slice(1);
      if (bad.arg === 1) {
        this.value = `${bad.prefix}calling '${name}' on bad self (${bad.detail})`;
        return this;
      }
      this.value = `${bad.prefix}bad argument #${bad.arg - 1} to '${name}' (${bad.detail})`;
      return this;
    }
    this.value = `${bad.prefix}bad argument #${bad.arg} to '${name}' (${bad.detail})`;
    return this;
  }
}

/**
 * A library argument error, positioned at the calling Lua line (none when called from
 * pcall); the function's name is filled in by LuaError.nameFunction.
 */
export function argError(arg: number, detail: string): LuaError {
  const prefix = where();
  const err = new LuaError(`${prefix}bad argument #${arg} to '?' (${detail})`);
  err.badArg = { arg, detail, prefix };
  err.inC = true;
  return err;
}

/** An error raised by a library function, positioned at the calling Lua line. */
export function libError(message: string): LuaError {
  return cError(where() + message);
}

/** An error with this value raised by a library function (see LuaError.inC). */
export function cError(value: LuaValue): LuaError {
  const err = new LuaError(value);
  err.inC = true;
  return err;
}

/**
 * A runtime error of Lua code (arithmetic on nil...), positioned at the running Lua line;
 * `failing`: see LuaError.failing.
 */
export function rtError(message: string, failing?: string): LuaError {
  const err = new LuaError(where() + message);
  err.failing = failing;
  return err;
}

/** Converts anything caught in a JS catch into a Lua error value. */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  // JS ran out of stack before MAX_DEPTH: positioned at the innermost frame still on the Lua stack
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new LuaError(where() + 'stack overflow');
  throw e; // an internal bug: never disguise it as a Lua error
}
