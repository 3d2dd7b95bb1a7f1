// Calling a Lua value from plain code (the counterpart of invoke-co.ts).
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';

export function invoke(fn: LuaFunction, args: LuaValue[]): LuaResult {
  return fn(...args);
}

export function invoke0(fn: LuaFunction): LuaResult {
  return fn();
}

export function invoke1(fn: LuaFunction, a: LuaValue): LuaResult {
  return fn(a);
}

export function invoke2(fn: LuaFunction, a: LuaValue, b: LuaValue): LuaResult {
  return fn(a, b);
}

export type { LuaResult };
