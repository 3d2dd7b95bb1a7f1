// What debug.getlocal/setlocal/getupvalue/setupvalue see of interpreted code: a frame's
// registers and varargs, a closure's cells, and which locals are in scope at a line.
import { lastLineOf, localScopes, type LocalScope } from './local-scopes.js';
import type { FunctionInfo } from '../../compiler/frontend/resolve.js';
import type { StackFrame } from '../lua/callstack.js';
import type { LuaFunction, LuaValue } from '../lua/value.js';
import { setDebugInspector, type FunctionInfo as DebugFunctionInfo, type VariableSlot } from '../stdlib/debug.js';
import { closureOf } from './closure-of.js';
import { Cell, Frame, type Proto } from './frame.js';

const scopes = new WeakMap<FunctionInfo, LocalScope[]>();

function scopesOf(proto: Proto): LocalScope[] {
  let list = scopes.get(proto.info);
  if (list === undefined) scopes.set(proto.info, list = localScopes(proto.info, proto.resolution));
  return list;
}

function register(frame: Frame, slot: number): VariableSlot['get'] {
  return () => {
    const r = frame.regs[slot];
    return r instanceof Cell ? r.v : r;
  };
}

function setRegister(frame: Frame, slot: number): VariableSlot['set'] {
  return (v: LuaValue) => {
    frame.debugWrites = true;
    const r = frame.regs[slot];
    if (r instanceof Cell) r.v = v;
    else frame.regs[slot] = v;
  };
}

/** What debug.getinfo says of a prototype (its lines, parameters, upvalues). */
function protoInfo(proto: Proto): DebugFunctionInfo {
  const info = proto.info;
  const main = info.node.type === 'Chunk';
  return {
    chunk: proto.chunk,
    defined: main ? 0 : info.line,
    lastDefined: main ? 0 : lastLineOf(info),
    nparams: info.params.length,
    isVararg: info.isVararg,
    nups: info.upvalues.length,
  };
}

export function installDebugInspector(): void {
  setDebugInspector({
    frameLocals(frame: StackFrame): VariableSlot[] | undefined {
      if (!(frame instanceof Frame)) return undefined;
      const line = frame.line;
      return scopesOf(frame.proto)
        .filter((s) => s.from <= line && line <= s.to)
        .map((s) => ({ name: s.name, get: register(frame, s.slot), set: setRegister(frame, s.slot) }));
    },
    frameVarargs(frame: StackFrame): LuaValue[] | undefined {
      return frame instanceof Frame ? frame.varargs : undefined;
    },
    isInterpreted(fn: LuaFunction): boolean {
      return closureOf(fn) !== undefined;
    },
    paramNames(fn: LuaFunction): string[] | undefined {
      return closureOf(fn)?.proto.info.params.map((p) => p.name);
    },
    functionInfo(fn: LuaFunction): DebugFunctionInfo | undefined {
      const c = closureOf(fn);
      return c === undefined ? undefined : protoInfo(c.proto);
    },
    frameInfo(frame: StackFrame): DebugFunctionInfo | undefined {
      if (!(frame instanceof Frame)) return undefined;
      const info = protoInfo(frame.proto);
      // a main chunk's last line is the frame's current one, as getinfo said before
      return info.defined === 0 ? { ...info, lastDefined: frame.line } : info;
    },
    upvalues(fn: LuaFunction): VariableSlot[] | undefined {
      const c = closureOf(fn);
      if (c === undefined) return undefined;
      return c.proto.info.upvalues.map((v, i) => ({
        name: v.name,
        get: () => c.ups[i].v,
        set: (x: LuaValue) => { c.ups[i].v = x; },
        id: () => c.ups[i],
        join: (other: object) => { (c.ups as Cell[])[i] = other as Cell; },
      }));
    },
  });
}
