// Activation records of compiled functions live in the call stack (one reused SlotFrame per
// depth); the same protocol as the interpreter's frames (positions for errors, error levels,
// "bad argument" names, tracebacks).
export { SlotFrame, type EnvHolder, type FunctionSite } from '../lua/callstack.js';
