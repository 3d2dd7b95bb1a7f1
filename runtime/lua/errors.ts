// Lua errors: any Lua value can be thrown; LuaError carries it through JS exceptions.
import type { LuaValue } from './value.js';

export class LuaError {
  /** Lua traceback text, captured where the error was raised (for uncaught errors). */
  traceback: string | undefined;
  /**
   * Set for "bad argument" errors raised by library functions: the function's name is
   * known only at the call site (luajit names it after the call expression, or '?').
   */
  badArg: { arg: number; detail: string } | undefined;

  constructor(public value: LuaValue, traceback?: string) {
    this.traceback = traceback;
  }

  /** Names the function of a pending "bad argument" error; a no-op for other errors. */
  nameFunction(name: string): this {
    if (this.badArg !== undefined) {
      this.value = `bad argument #${this.badArg.arg} to '${name}' (${this.badArg.detail})`;
      this.badArg = undefined;
    }
    return this;
  }
}

/** A library argument error; the message is completed by LuaError.nameFunction. */
export function argError(arg: number, detail: string): LuaError {
  const err = new LuaError(`bad argument #${arg} to '?' (${detail})`);
  err.badArg = { arg, detail };
  return err;
}

/** Converts anything caught in a JS catch into a Lua error value. */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new LuaError('stack overflow');
  throw e; // an internal bug: never disguise it as a Lua error
}
