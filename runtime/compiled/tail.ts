// Proper tail calls in compiled code. `return f(x)` is a plain JS call while few such calls
// are pending on the JS stack; past TAIL_DEPTH the call goes to a trampoline instead, a loop
// that makes the call and each tail call it leaves in turn, so endless tail recursion runs in
// constant JS stack, as Lua requires.
//
// A function the trampoline calls must not start a trampoline of its own (each would add JS
// frames), but leave its tail calls to the one running: it returns TAIL with the call stored
// in the CallStack. It knows it was called so because the trampoline sets `bodyAt` to the
// depth of the call just before it, and the function reads (and clears) it on entry; only
// functions marked `tailable` (compiled ones with tail calls) are told, since only they read it.
import type { CallStack } from '../lua/callstack.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';

/** Tail calls made as JS calls before the trampoline takes over. */
export const TAIL_DEPTH = 200;

/** Returned to the trampoline by a function whose tail call is left to it. */
export const TAIL: LuaValue[] = Object.freeze([]) as unknown as LuaValue[];

const TAILABLE = Symbol('lua.tailable');

type Tailable = LuaFunction & { [TAILABLE]?: true };

/** Marks a compiled function with tail calls: it reads `bodyAt` on entry (see above). */
export function tailable(fn: LuaFunction): LuaFunction {
  (fn as Tailable)[TAILABLE] = true;
  return fn;
}

/**
 * A tail call past TAIL_DEPTH: left to the trampoline that called this function (`byTrampoline`,
 * read on entry), else made by a trampoline started here.
 */
export function tailCall(stack: CallStack, byTrampoline: boolean, fn: LuaFunction, args: LuaValue[]): LuaResult {
  if (!byTrampoline) return trampoline(stack, fn, args);
  stack.tailFn = fn;
  stack.tailArgs = args;
  return TAIL;
}

/** The trampoline: makes the tail call `fn(...args)`, then each one it leaves, until one returns a result. */
function trampoline(stack: CallStack, fn: LuaFunction, args: LuaValue[]): LuaResult {
  try {
    for (;;) {
      if ((fn as Tailable)[TAILABLE] === true) stack.bodyAt = stack.depth;
      const r = fn(...args);
      if (r !== TAIL) return r;
      fn = stack.tailFn!;
      args = stack.tailArgs;
      stack.tailFn = undefined;
    }
  } finally {
    // unread only when the call failed before its first statement (a JS stack overflow)
    stack.bodyAt = -1;
  }
}
