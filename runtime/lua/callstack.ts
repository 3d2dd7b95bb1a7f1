// The Lua call stack as the runtime sees it: enough to prefix errors with "file:line:",
// to implement error levels, debug.getinfo and tracebacks, and to turn runaway recursion
// into a catchable "stack overflow".
import { LuaError } from './errors.js';

export interface StackFrame {
  /** Chunk name as Lua prints it in messages ("app.lua"). */
  readonly chunk: string;
  /** Line currently executing in this frame. */
  line: number;
  /** Line where the function is defined (0 for a main chunk). */
  readonly defined: number;
  /** How the caller named the function, for tracebacks ("local 'f'", "function 'g'"). */
  readonly name: string | undefined;
}

/** A callName as StackFrame.name describes it: "function 'f'", "method 'm'". */
export function describeCall(callName: string | undefined): string | undefined {
  if (callName === undefined || callName === '?' || callName === 'for iterator') return undefined;
  return callName.startsWith(':') ? `method '${callName.slice(1)}'` : `function '${callName}'`;
}

/** luajit overflows between 20000 and 30000 nested Lua calls; stay in that range. */
export const MAX_DEPTH = 22000;

export class CallStack {
  frames: StackFrame[] = [];

  push(frame: StackFrame): void {
    if (this.frames.length >= MAX_DEPTH) throw new LuaError(where(this) + 'stack overflow');
    this.frames.push(frame);
  }

  pop(): void {
    this.frames.pop();
  }

  /** Drops frames above `depth`; pop() in the common case (setting length is a slow path in V8). */
  truncate(depth: number): void {
    const frames = this.frames;
    if (frames.length === depth + 1) frames.pop();
    else if (frames.length > depth) frames.length = depth;
  }

  top(): StackFrame | undefined {
    return this.frames[this.frames.length - 1];
  }
}

/** The current stack: each coroutine has its own, switched on resume and yield. */
export let current = new CallStack();

export function setCurrent(stack: CallStack): CallStack {
  const previous = current;
  current = stack;
  return previous;
}

/** "chunk:line: " of the frame `level` levels up (1 = the running Lua function). */
export function where(stack: CallStack = current, level = 1): string {
  const f = stack.frames[stack.frames.length - level];
  return f === undefined || f.line <= 0 ? '' : `${f.chunk}:${f.line}: `;
}

/** A luajit-style traceback of the current stack, innermost first. */
export function traceback(stack: CallStack = current, message?: string, skip = 0): string {
  const lines: string[] = [];
  if (message !== undefined) lines.push(message);
  lines.push('stack traceback:');
  const frames = stack.frames;
  for (let i = frames.length - 1 - skip; i >= 0; i--) {
    const f = frames[i];
    if (f.line < 0) {
      lines.push(`\t[C]: in ${f.name ?? '?'}`);
      continue;
    }
    const what = f.defined === 0 ? 'in main chunk' : f.name !== undefined ? `in ${f.name}` : `in function <${f.chunk}:${f.defined}>`;
    lines.push(`\t${f.chunk}:${f.line}: ${what}`);
  }
  lines.push('\t[C]: ?');
  return lines.join('\n');
}
