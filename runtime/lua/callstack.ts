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
  if (callName === undefined || callName === '?') return undefined;
  if (callName.startsWith('@')) return `metamethod '${callName.slice(1)}'`; // see ops.ts PendingCall
  return callName.startsWith(':') ? `method '${callName.slice(1)}'` : `function '${callName}'`;
}

/** luajit overflows between 20000 and 30000 nested Lua calls; stay in that range. */
export const MAX_DEPTH = 22000;

/** Static facts about one compiled Lua function. */
export interface FunctionSite {
  readonly chunk: string;
  /** Line of the `function` keyword; 0 for a main chunk. */
  readonly defined: number;
}

/** The environment of a compiled function whose program uses setfenv/getfenv/module. */
export interface EnvHolder {
  env: import('./table.js').LuaTable;
}

/**
 * The activation record of a compiled function. A stack owns one per depth and reuses it,
 * so a compiled call allocates nothing; the name is read from the caller's frame when a
 * traceback asks (the caller is still in that call).
 */
export class SlotFrame implements StackFrame {
  site: FunctionSite = { chunk: '?', defined: 0 };
  line = 0;
  callName: string | undefined = undefined;
  fenv: EnvHolder | undefined = undefined;

  constructor(private readonly stack: CallStack, private readonly index: number) {}

  get chunk(): string {
    return this.site.chunk;
  }

  get defined(): number {
    return this.site.defined;
  }

  get name(): string | undefined {
    const caller = this.stack.frames[this.index - 1] as { callName?: string } | undefined;
    return describeCall(caller?.callName);
  }
}

/**
 * `frames[0 .. depth-1]` are live; entries above `depth` are stale and get overwritten
 * (keeping the array long avoids resizing it on every call and return).
 */
export class CallStack {
  frames: StackFrame[] = [];
  depth = 0;
  /** Tail calls of compiled code made as plain JS calls and not yet returned (see runtime/compiled/tail.ts). */
  tails = 0;
  /** The tail call a compiled function hands back to its caller's trampoline. */
  tailFn: import('./value.js').LuaFunction | undefined = undefined;
  tailArgs: import('./value.js').LuaValue[] = [];
  private readonly slots: SlotFrame[] = [];

  push(frame: StackFrame): void {
    const d = this.depth;
    if (d >= MAX_DEPTH) this.overflow();
    this.frames[d] = frame;
    this.depth = d + 1;
  }

  /** Enters a compiled function: its reused frame at the next depth. */
  enter(site: FunctionSite, fenv?: EnvHolder): SlotFrame {
    const d = this.depth;
    if (d >= MAX_DEPTH) this.overflow();
    let f = this.slots[d];
    if (f === undefined) f = this.slots[d] = new SlotFrame(this, d);
    f.site = site;
    f.line = site.defined;
    f.callName = undefined;
    f.fenv = fenv;
    this.frames[d] = f;
    this.depth = d + 1;
    return f;
  }

  pop(): void {
    this.depth--;
  }

  /** Drops the frames above `depth` (a return, or an error caught below them). */
  truncate(depth: number): void {
    if (this.depth > depth) this.depth = depth;
  }

  top(): StackFrame | undefined {
    return this.depth > 0 ? this.frames[this.depth - 1] : undefined;
  }

  /** The live frames, outermost first. */
  live(): StackFrame[] {
    return this.frames.slice(0, this.depth);
  }

  private overflow(): never {
    throw new LuaError(where(this) + 'stack overflow');
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
  const f = stack.frames[stack.depth - level];
  return f === undefined || f.line <= 0 ? '' : `${f.chunk}:${f.line}: `;
}

/** A luajit-style traceback of the current stack, innermost first. */
export function traceback(stack: CallStack = current, message?: string, skip = 0): string {
  const lines: string[] = [];
  if (message !== undefined) lines.push(message);
  lines.push('stack traceback:');
  const frames = stack.frames;
  for (let i = stack.depth - 1 - skip; i >= 0; i--) {
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
