// Multiple values: a call returns its single value directly, or an array for 0 or 2+ values.
// Lua values are never JS arrays, so Array.isArray tells the two apart.
import type { LuaResult, LuaValue } from './value.js';

export const NONE: LuaValue[] = Object.freeze([]) as unknown as LuaValue[];

/** The first value of a result (Lua's adjustment to one value). */
export function first(r: LuaResult): LuaValue {
  return Array.isArray(r) ? r[0] : r;
}

/** All values of a result as an array (may be shared: do not mutate). */
export function all(r: LuaResult): LuaValue[] {
  return Array.isArray(r) ? r : [r];
}

/** Packs values into a result. */
export function pack(values: LuaValue[]): LuaResult {
  return values.length === 1 ? values[0] : values;
}
