// The tag that marks a JS function as an interpreted Lua closure, apart from the interpreter
// itself: getfenv/setfenv need it in compiled programs, which must not load the interpreter.
import type { LuaValue } from '../lua/value.js';
import type { Closure } from './frame.js';

export const CLOSURE = Symbol('lua.closure');

/** The closure record of an interpreted function, or undefined for library and compiled functions. */
export function closureOf(fn: LuaValue): Closure | undefined {
  return typeof fn === 'function' ? (fn as { [CLOSURE]?: Closure })[CLOSURE] : undefined;
}
