// Proper tail calls in compiled code. `return f(x)` is a plain JS call while few such calls
// are pending on the JS stack; past TAIL_DEPTH the function instead returns TAIL with the
// call stored in the CallStack, and its wrapper runs the chain in a loop (calling the bodies
// of compiled functions directly), so endless tail recursion runs in constant JS stack, as
// Lua requires. Only functions that contain tail calls get a wrapper.
import { current, type CallStack } from '../lua/callstack.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';

/** Tail calls made as JS calls before the trampoline takes over. */
export const TAIL_DEPTH = 200;

/** Returned by a function body whose tail call is left to the trampoline. */
export const TAIL: LuaValue[] = Object.freeze([]) as unknown as LuaValue[];

const BODY = Symbol('lua.body');

type Tailable = LuaFunction & { [BODY]?: LuaFunction };

/** Marks `wrapper` as the function whose body is `body` (runTail calls the body directly). */
export function withBody(wrapper: LuaFunction, body: LuaFunction): LuaFunction {
  (wrapper as Tailable)[BODY] = body;
  return wrapper;
}

/** Leaves the tail call `fn(...args)` to the trampoline. */
export function tail(stack: CallStack, fn: LuaFunction, args: LuaValue[]): LuaResult {
  stack.tailFn = fn;
  stack.tailArgs = args;
  return TAIL;
}

/** The trampoline: makes the stored tail calls until one returns a result. */
export function runTail(): LuaResult {
  const stack = current;
  for (;;) {
    const fn = stack.tailFn as Tailable;
    const args = stack.tailArgs;
    stack.tailFn = undefined;
    const r = (fn[BODY] ?? fn)(...args);
    if (r !== TAIL) return r;
  }
}
