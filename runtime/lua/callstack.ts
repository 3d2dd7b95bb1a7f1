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

/**
 * The mark a call name starts with, by how the call reached its callee (luajit's namewhat):
 * the one encoding of call names (compiler/frontend/constants.ts callName makes them for
 * calls, ops.ts for a failing callee, describeCall and calledName read them).
 */
export const CALL_MARK = { global: '', local: '%', upvalue: '^', field: '.', method: ':', metamethod: '@' } as const;
export type CallKind = keyof typeof CALL_MARK;

const CALL_KINDS: Record<string, CallKind> = Object.fromEntries(
  Object.entries(CALL_MARK).filter(([, mark]) => mark !== '').map(([kind, mark]) => [mark, kind as CallKind]),
);

/** A callName as StackFrame.name describes it: "function 'f'" (a global), "local 'f'", "method 'm'"... */
export function describeCall(callName: string | undefined): string | undefined {
  if (callName === undefined || callName === '?') return undefined;
  const kind = CALL_KINDS[callName[0]];
  return kind === undefined ? `function '${callName}'` : `${kind} '${callName.slice(1)}'`;
}

/** The callee's name in a callName, without its mark ("%f" -> "f"; a method keeps its ':'). */
export function calledName(callName: string): string {
  const kind = CALL_KINDS[callName[0]];
  return kind === undefined || kind === 'method' ? callName : callName.slice(1);
}

/** luajit overflows between 20000 and 30000 nested Lua calls; stay in that range. */
export const MAX_DEPTH = 22000;

/** Static facts about one compiled Lua function. */
export interface FunctionSite {
  readonly chunk: string;
  /** Line of the `function` keyword; 0 for a main chunk. */
  readonly defined: number;
  /** The function's variables, in programs built with debug support (see VariableAccess). */
  readonly debug?: SiteDebug;
}

/**
 * What debug.getlocal/getupvalue know of a compiled function, in programs built with debug
 * support (the program names getlocal, setlocal, getupvalue, ...).
 */
export interface SiteDebug {
  /** The line of its `end`. */
  readonly last: number;
  /** Its parameters: the first `params` entries of `locals`. */
  readonly params: number;
  readonly vararg: boolean;
  /** Its locals in register order: [name, first line in scope, last line in scope]. */
  readonly locals: readonly (readonly [string, number, number])[];
  /** The names of its upvalues, in luajit's order. */
  readonly ups: readonly string[];
}

/**
 * Reads (set false) or writes (set true, value v) the k-th variable of a compiled frame
 * (k indexes SiteDebug.locals) or closure (k indexes SiteDebug.ups); out-of-scope k: nil.
 */
export type VariableAccess = (k: number, set: boolean, v: import('./value.js').LuaValue) => import('./value.js').LuaValue;

/** Where a compiled closure built with debug support keeps its site and upvalue accessors. */
export const COMPILED_VARS = Symbol.for('roverc.compiled-vars');

export interface CompiledVars {
  readonly site: FunctionSite;
  readonly ups?: VariableAccess;
  /** One identity object per upvalue (its binding), for debug.upvalueid. */
  readonly ids?: () => object[];
}

/** The environment of a compiled function whose program uses setfenv/getfenv/module. */
export interface EnvHolder {
  env: import('./table.js').LuaTable;
}

// Positions of compiled code. A compiled frame is no object: it is one int per depth, the
// "pc" of the call or slow path it is making, written just before it (one typed-array
// store). A pc names a static entry: the function, the line, and what the call is named.
// Frames are only read when an error, a traceback or the debug library looks, and a frame
// can only be looked at while it is making a call or a slow path, so its pc is always
// current then: entering a compiled function writes nothing but the depth.
const PC_SITE: FunctionSite[] = [{ chunk: '?', defined: 0 }];
const PC_LINE: number[] = [0];
const PC_NAME: (string | undefined)[] = [undefined];

/**
 * Registers a compiled module's positions, `[site, line, callName?]` each; returns the pc
 * of the first (pcs are > 0; 0 marks a frame kept as an object).
 */
export function positions(entries: readonly (readonly [FunctionSite, number, string?])[]): number {
  const base = PC_SITE.length;
  for (const [site, line, name] of entries) {
    PC_SITE.push(site);
    PC_LINE.push(line);
    PC_NAME.push(name);
  }
  return base;
}

/**
 * The level of a library function that calls back into Lua (pcall, sort's comparator, gsub's
 * function, require's module chunk...). luajit names it, as any function, after the call its
 * caller is making, so readers get a frame named on the spot (see CallStack.frameAt); the
 * functions it calls are named by nobody (`in function <file:line>`).
 */
export class CCall implements StackFrame {
  readonly line = -1;
  readonly defined = -1;
  readonly name = undefined;
  /** `chunk`: '[C]', or luajit's '[builtin:foreach]' for its library functions written in Lua. */
  constructor(readonly chunk: string) {}
}

export const C_CALL = new CCall('[C]');

/** A compiled frame decoded for a reader (tracebacks, debug.getinfo, getfenv, debug.getlocal). */
export class CompiledFrame implements StackFrame {
  constructor(
    readonly chunk: string,
    readonly line: number,
    readonly defined: number,
    readonly name: string | undefined,
    readonly fenv: EnvHolder | undefined,
    readonly site?: FunctionSite,
    /** Where the frame is (its variables' accessors are stack.locals[depth], stack.varargs[depth]). */
    readonly stack?: CallStack,
    readonly depth = -1,
  ) {}
}

/**
 * A compiled frame read before it recorded any position: only when JS ran out of stack
 * right after the frame was entered (a pc is recorded before anything else can look).
 */
const UNPLACED: StackFrame = new CompiledFrame('?', 0, 0, undefined, undefined);

/**
 * `depth` frames are live. Depth d is either a compiled frame (`pcs[d] > 0`, or < 0 while it
 * makes a metamethod call named in `names[d]`) or an object frame in `frames[d]` (`pcs[d]`
 * is 0): interpreted functions and library functions that call back into Lua (pcall).
 * Entries above `depth` are stale and get overwritten.
 */
export class CallStack {
  depth = 0;
  pcs = new Int32Array(64);
  /** Compiled code may push a frame without a check while depth < limit. */
  limit = 64;
  frames: (StackFrame | undefined)[] = [];
  private readonly names: (string | undefined)[] = [];
  /** Compiled frames' environment holders, in programs that use setfenv/getfenv/module. */
  readonly envs: (EnvHolder | undefined)[] = [];
  /**
   * Compiled frames' variable accessors and varargs, in programs built with debug support
   * (registered on entry and after each local declaration; read only by debug.getlocal).
   */
  readonly locals: (VariableAccess | undefined)[] = [];
  readonly varargs: (import('./value.js').LuaValue[] | undefined)[] = [];
  /** Tail calls of compiled code made as plain JS calls and not yet returned (see runtime/compiled/tail.ts). */
  tails = 0;
  /** The tail call a compiled function hands back to its caller's trampoline. */
  tailFn: import('./value.js').LuaFunction | undefined = undefined;
  /** The depth at which the trampoline is calling a tailable function, read by it on entry; else -1. */
  bodyAt = -1;
  tailArgs: import('./value.js').LuaValue[] = [];
  /**
   * What luajit's VM would call at an error raised now (lua_pcall's errfunc): luajit's own
   * traceback at a program's top level, nothing under pcall or in a coroutine, xpcall's
   * handler under xpcall. Only load applies it (to its reader's errors, which it catches).
   */
  errorHandler: ((err: LuaError) => import('./value.js').LuaValue) | undefined = undefined;

  push(frame: StackFrame): void {
    const d = this.depth;
    if (d >= this.limit) this.deepen();
    this.pcs[d] = 0;
    this.frames[d] = frame;
    this.depth = d + 1;
  }

  /** Makes room for one more frame (compiled code calls this when depth reaches limit). */
  deepen(): void {
    if (this.depth >= MAX_DEPTH) this.overflow();
    const pcs = new Int32Array(Math.min(this.pcs.length * 4, MAX_DEPTH + 1));
    pcs.set(this.pcs);
    this.pcs = pcs;
    this.limit = Math.min(pcs.length, MAX_DEPTH);
  }

  pop(): void {
    this.depth--;
  }

  /** Drops the frames above `depth` (a return, or an error caught below them). */
  truncate(depth: number): void {
    if (this.depth > depth) this.depth = depth;
  }

  /** The frame at depth d (0 = outermost) as readers see it. */
  frameAt(d: number): StackFrame {
    const pc = this.pcs[d];
    if (pc === 0) {
      const f = this.frames[d];
      return f instanceof CCall ? { chunk: f.chunk, line: -1, defined: -1, name: describeCall(this.callNameAt(d - 1)) } : f ?? UNPLACED;
    }
    const at = pc > 0 ? pc : -pc;
    const site = PC_SITE[at];
    return new CompiledFrame(site.chunk, PC_LINE[at], site.defined, describeCall(this.callNameAt(d - 1)), this.envs[d], site, this, d);
  }

  /** What the frame at depth d named the call it is making ("print", ":m", "@__index"). */
  callNameAt(d: number): string | undefined {
    if (d < 0) return undefined;
    const pc = this.pcs[d];
    if (pc > 0) return PC_NAME[pc];
    if (pc < 0) return this.names[d];
    return (this.frames[d] as { callName?: string }).callName;
  }

  /**
   * Names a pending "bad argument" error after the call the top frame is making (luajit names
   * the library function after its call expression), or '?' when no frame above `base` made it.
   */
  nameBadArgument(err: LuaError, base = 0): LuaError {
    if (err.badArg !== undefined) err.nameFunction(this.depth <= base ? '?' : this.callNameAt(this.depth - 1) ?? '?');
    return err;
  }

  /**
   * Names the call the top frame is about to make (a metamethod: "@__index"). Returns the
   * compiled frame's pc (0 for other frames): the call's end puts it back with restoreCall,
   * since the frame goes on with the call it was making.
   */
  nameCall(name: string): number {
    const d = this.depth - 1;
    if (d < 0) return 0;
    const pc = this.pcs[d];
    if (pc === 0) {
      const top = this.frames[d] as { callName?: string };
      if ('callName' in top) top.callName = name;
      return 0;
    }
    this.names[d] = name;
    if (pc > 0) this.pcs[d] = -pc;
    return pc;
  }

  restoreCall(d: number, pc: number): void {
    if (pc > 0) this.pcs[d] = pc;
  }

  top(): StackFrame | undefined {
    return this.depth > 0 ? this.frameAt(this.depth - 1) : undefined;
  }

  /** The live frames, outermost first. */
  live(): StackFrame[] {
    const out: StackFrame[] = [];
    for (let d = 0; d < this.depth; d++) out.push(this.frameAt(d));
    return out;
  }

  /**
   * Puts back the library function that raised `err` (error, assert, a bad argument...), for a
   * handler or a traceback to see: luajit's stack still holds it then. The catcher truncates it.
   */
  enterRaiser(err: LuaError): void {
    if (err.inC) this.push(C_CALL);
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
  const d = stack.depth - level;
  const f = d >= 0 && d < stack.depth ? stack.frameAt(d) : undefined;
  return f === undefined || f.line <= 0 ? '' : `${f.chunk}:${f.line}: `;
}
