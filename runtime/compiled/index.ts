// The runtime entry of compiled modules: emitted code imports this one module as `rt`.
// Everything here is the shared runtime library; only the glue for compiled functions is new.
import type { CallStack } from '../lua/callstack.js';
import { CO, type CoFunction } from '../lua/thread.js';
import * as ops from '../lua/ops.js';
import type { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaValue } from '../lua/value.js';

export { current } from '../lua/callstack.js';
export { buildTable, exactBorder } from '../lua/constructor.js';
export type { ConstructorPlan } from '../lua/luajit-table.js';
export { LuaError } from '../lua/errors.js';
export { all, first, NONE } from '../lua/multi.js';
export {
  add, arith, callable, concat, concatPart, div, eq, forNumber, index, indexItem, le, len, lt, mod, modBy, modulo, mul, pow, powNum,
  setIndex, sub, unm, indexOrCall, setIndexOrCall, arithOrCall, unmOrCall, concatOrCall, eqOrCall, ltOrCall,
  leOrCall, lenOrCall, PendingCall, stringMetatable as stringMeta,
} from '../lua/ops.js';
export { numberToString } from '../lua/number.js';
export { CUT, FieldsObject, found, LuaTable, type Fields, type LuaRecord } from '../lua/table.js';
export type { CoFunction, CoGenerator } from '../lua/thread.js';
export type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
export { enterAt, positions, type EnvHolder, type FunctionSite } from './frame.js';
export type { CallStack, VariableAccess } from '../lua/callstack.js';
export { TAIL_DEPTH, tailable, tailCall } from './tail.js';
export { invoke } from '../interp/invoke-co.js';
export { MATH_UNARY, MATH_UNARY_JS } from '../stdlib/math.js';
export { insert as TABLE_INSERT } from '../stdlib/table.js';
export { format as STRING_FORMAT } from '../stdlib/string.js';
export { formatter } from '../stdlib/format.js';
export { forKind, ITERATION } from '../stdlib/base.js';

/** Lua truthiness: everything but nil and false. */
export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

/** The function to call for a callee value (its __call metamethod, or an error naming it). */
export function callee(f: LuaValue, desc?: string): LuaFunction {
  return typeof f === 'function' ? f : ops.callable(f, desc);
}

export function getGlobal(env: LuaTable, name: string): LuaValue {
  const v = env.getStr(name);
  return v !== undefined || env.metatable === undefined ? v : ops.index(env, name);
}

export function setGlobal(env: LuaTable, name: string, v: LuaValue): void {
  if (env.metatable === undefined) env.setStr(name, v);
  else ops.setIndex(env, name, v);
}

/** Attaches the generator twin that runs a compiled function inside coroutines. */
export function twin(plain: LuaFunction, co: CoFunction): LuaFunction {
  (plain as LuaFunction & { [CO]?: CoFunction })[CO] = co;
  return plain;
}

/** Completes an operator that needed a metamethod call, inside a coroutine. */
export function* meta(r: LuaValue | ops.PendingCall): Generator<LuaValue[], LuaValue, LuaValue[]> {
  return r instanceof ops.PendingCall ? r.finish(yield* invokeCo(r.fn, r.args)) : r;
}

/** The values of a call result adjusted to n (local a, b = f()). */
export function adjust(values: LuaValue[], n: number): LuaValue[] {
  if (values.length === n) return values;
  const out = values.slice(0, n);
  out.length = n;
  return out;
}

import { invoke as invokeCo } from '../interp/invoke-co.js';

/** Leaves a compiled function: drops its frame (and any a failed callee left) and returns. */
export function leave<T extends LuaValue | LuaValue[]>(stack: CallStack, depth: number, value: T): T {
  stack.depth = depth;
  return value;
}

/** Where a compiled function keeps its environment (setfenv), in programs that use it. */
export const FENV = Symbol('lua.fenv');

/** A function with its own environment holder, starting from its creator's environment. */
export function envFn(make: (holder: EnvHolder) => LuaFunction, env: LuaTable): LuaFunction {
  const holder: EnvHolder = { env };
  const f = make(holder);
  (f as LuaFunction & { [FENV]?: EnvHolder })[FENV] = holder;
  return f;
}

import type { EnvHolder } from './frame.js';

/**
 * Marks a compiled closure of a program built with debug support: its site (parameter
 * names, getinfo facts) and its upvalues' accessors (debug.getupvalue, setupvalue, upvalueid).
 */
export function debugFn(f: LuaFunction, site: FunctionSite, ups?: VariableAccess, ids?: () => object[]): LuaFunction {
  (f as LuaFunction & { [COMPILED_VARS]?: CompiledVars })[COMPILED_VARS] = { site, ups, ids };
  return f;
}

import { COMPILED_VARS, type CompiledVars, type FunctionSite, type VariableAccess } from '../lua/callstack.js';
