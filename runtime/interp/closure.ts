// Interpreted Lua functions as JS functions, each with its generator twin for coroutines.
import { CO, type CoFunction } from '../lua/thread.js';
import type { LuaFunction, LuaValue } from '../lua/value.js';
import { run as runCo } from './compile-co.js';
import { run as runSync } from './compile-sync.js';
import type { Cell, Proto } from './frame.js';

export const PROTO = Symbol('lua.proto');

export type InterpretedFunction = LuaFunction & { [CO]: CoFunction; [PROTO]: Proto };

export function makeClosure(proto: Proto, ups: Cell[]): LuaFunction {
  const fn = ((...args: LuaValue[]) => runSync(proto, ups, args)) as InterpretedFunction;
  fn[CO] = (...args: LuaValue[]) => runCo(proto, ups, args);
  fn[PROTO] = proto;
  return fn;
}
