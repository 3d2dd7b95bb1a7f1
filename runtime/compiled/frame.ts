// Activation records of compiled functions: the same call-stack protocol as the interpreter
// (positions for errors, error levels, "bad argument" names, tracebacks).
import { describeCall, type CallStack, type StackFrame } from '../lua/callstack.js';

/** Static facts about one compiled Lua function. */
export interface FunctionSite {
  readonly chunk: string;
  /** Line of the `function` keyword; 0 for a main chunk. */
  readonly defined: number;
}

/** The environment of a compiled function whose program uses setfenv/getfenv/module. */
export interface EnvHolder {
  env: import('../lua/table.js').LuaTable;
}

export class CompiledFrame implements StackFrame {
  line: number;
  callName: string | undefined = undefined;
  readonly calledAs: string | undefined;
  readonly chunk: string;
  readonly defined: number;

  constructor(site: FunctionSite, stack: CallStack, readonly fenv?: EnvHolder) {
    this.chunk = site.chunk;
    this.defined = site.defined;
    this.line = site.defined;
    const caller = stack.frames[stack.frames.length - 1] as { callName?: string } | undefined;
    this.calledAs = caller?.callName;
    stack.push(this);
  }

  get name(): string | undefined {
    return describeCall(this.calledAs);
  }
}
