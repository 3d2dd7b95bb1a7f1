// Frames of compiled functions: a depth and one pc per depth in the call stack (see
// runtime/lua/callstack.ts); the same protocol as the interpreter's frames (positions for
// errors, error levels, "bad argument" names, tracebacks).
import type { CallStack } from '../lua/callstack.js';

export { positions, type EnvHolder, type FunctionSite } from '../lua/callstack.js';

/**
 * Enters the frame of a function that pushes none on entry (a leaf: it makes no calls) just
 * before one of its slow paths runs, at position `pc`.
 */
export function enterAt(stack: CallStack, depth: number, pc: number): void {
  if (depth >= stack.limit) stack.deepen();
  stack.pcs[depth] = pc;
  stack.depth = depth + 1;
}
