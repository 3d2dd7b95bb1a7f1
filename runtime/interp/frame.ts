// Interpreter activation records, upvalue cells and function prototypes.
import type { FunctionInfo, Resolution } from '../../compiler/frontend/resolve.js';
import { describeCall, type StackFrame } from '../lua/callstack.js';
import type { LabelStatement } from '../../compiler/frontend/ast.js';
import type { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';

/** A captured local: shared by the declaring frame and every closure that uses it. */
export class Cell {
  constructor(public v: LuaValue) {}
}

/** Completion of a statement: go on, or leave the block by break, return or goto. */
export const NORMAL = 0;
export const BREAK = 1;
export const RETURN = 2;
export const GOTO = 3;
/** `return f(...)`: the callee and arguments are in the frame; run() makes the call. */
export const TAILCALL = 4;
export type Signal = typeof NORMAL | typeof BREAK | typeof RETURN | typeof GOTO | typeof TAILCALL;

/** A compiled function body, shared by all closures of one function expression. */
export interface Proto {
  readonly info: FunctionInfo;
  readonly resolution: Resolution;
  readonly chunk: string;
  /** Parameter slots and whether each parameter lives in a cell. */
  readonly paramSlots: number[];
  readonly paramCaptured: boolean[];
  /** Compiled lazily: the plain body, and the generator body used inside coroutines. */
  bodySync: ((f: Frame) => Signal) | undefined;
  bodyCo: ((f: Frame) => Generator<LuaValue[], Signal, LuaValue[]>) | undefined;
}

/** One closure: its prototype, captured cells and (Lua 5.1 setfenv) environment table. */
export interface Closure {
  readonly proto: Proto;
  readonly ups: Cell[];
  env: LuaTable;
  /** The Lua function itself (debug.getinfo's func of a frame). */
  fn?: LuaFunction;
}

export class Frame implements StackFrame {
  readonly regs: (LuaValue | Cell)[];
  varargs: LuaValue[];
  line: number;
  /** Return values, when a statement signals RETURN. */
  ret: LuaResult = undefined;
  /** A right operand evaluated before its left one (see readsLocalLate). */
  pending: LuaValue = undefined;
  /** The call to make, when a statement signals TAILCALL. */
  tailFn: LuaFunction | undefined = undefined;
  tailArgs: LuaValue[] = [];
  /** Target label, when a statement signals GOTO. */
  target: LabelStatement | undefined = undefined;
  /** Name of the function being called from this frame, for "bad argument" messages. */
  callName: string | undefined = undefined;
  readonly chunk: string;
  readonly defined: number;

  readonly proto: Proto;
  readonly ups: Cell[];
  /** debug.setlocal has written into this frame: its `for` loops read their state back from the registers. */
  debugWrites = false;
  /** What the caller called this function (its callName when it made the call). */
  calledAs: string | undefined = undefined;

  get name(): string | undefined {
    return describeCall(this.calledAs);
  }

  /** The running function, for debug.getinfo(level, 'f'). */
  get func(): LuaFunction | undefined {
    return this.closure.fn;
  }

  constructor(readonly closure: Closure) {
    const proto = closure.proto;
    this.proto = proto;
    this.ups = closure.ups;
    this.regs = new Array(proto.info.slotCount);
    this.varargs = [];
    this.line = proto.info.line;
    this.chunk = proto.chunk;
    this.defined = proto.info.line;
  }
}
