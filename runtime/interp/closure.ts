// Interpreted Lua functions as JS functions, each with its generator twin for coroutines.
import { CO, type CoFunction } from '../lua/thread.js';
import type { LuaFunction, LuaValue } from '../lua/value.js';
import { run as runCo } from './compile-co.js';
import { run as runSync } from './compile-sync.js';
import type { LuaTable } from '../lua/table.js';
import type { Cell, Closure, Proto } from './frame.js';
import { CLOSURE } from './closure-of.js';

export { CLOSURE, closureOf } from './closure-of.js';

export type InterpretedFunction = LuaFunction & { [CO]: CoFunction; [CLOSURE]: Closure };

export function makeClosure(proto: Proto, ups: Cell[], env: LuaTable): LuaFunction {
  const closure: Closure = { proto, ups, env };
  const fn = ((...args: LuaValue[]) => runSync(closure, args)) as InterpretedFunction;
  fn[CO] = (...args: LuaValue[]) => runCo(closure, args);
  fn[CLOSURE] = closure;
  closure.fn = fn;
  return fn;
}
