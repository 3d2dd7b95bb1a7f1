// Calling a Lua value from generator (coroutine) code: through its generator twin when it has one.
import { CO, type CoFunction, type CoGenerator } from '../lua/thread.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';

type Twin = LuaFunction & { [CO]?: CoFunction };

export function* invoke(fn: LuaFunction, args: LuaValue[]): CoGenerator {
  const twin = (fn as Twin)[CO];
  return twin !== undefined ? yield* twin(...args) : fn(...args);
}

export function* invoke0(fn: LuaFunction): CoGenerator {
  const twin = (fn as Twin)[CO];
  return twin !== undefined ? yield* twin() : fn();
}

export function* invoke1(fn: LuaFunction, a: LuaValue): CoGenerator {
  const twin = (fn as Twin)[CO];
  return twin !== undefined ? yield* twin(a) : fn(a);
}

export function* invoke2(fn: LuaFunction, a: LuaValue, b: LuaValue): CoGenerator {
  const twin = (fn as Twin)[CO];
  return twin !== undefined ? yield* twin(a, b) : fn(a, b);
}

export type { LuaResult };
