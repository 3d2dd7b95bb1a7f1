// The Lua value model shared by the interpreter and compiled code.
// nil is `undefined`; strings are byte strings (one char code 0-255 per byte).
import type { LuaTable } from './table.js';
import type { LuaThread } from './thread.js';

/** A Lua function: JS parameters in, one value or a multi-value array out (see multi.ts). */
export type LuaFunction = (...args: LuaValue[]) => LuaResult;

export class LuaUserdata {
  constructor(public data: unknown, public metatable: LuaTable | undefined) {}
}

export type LuaValue = undefined | boolean | number | string | LuaTable | LuaFunction | LuaThread | LuaUserdata;

/** What a call returns: a single value, or an array holding zero or several values. */
export type LuaResult = LuaValue | LuaValue[];

export type LuaTypeName = 'nil' | 'boolean' | 'number' | 'string' | 'table' | 'function' | 'thread' | 'userdata';

// Set by table.ts / thread.ts to break the import cycle without instanceof chains here.
export const TABLE_TAG = Symbol('lua.table');
export const THREAD_TAG = Symbol('lua.thread');

export function typeName(v: LuaValue): LuaTypeName {
  switch (typeof v) {
    case 'undefined': return 'nil';
    case 'boolean': return 'boolean';
    case 'number': return 'number';
    case 'string': return 'string';
    case 'function': return 'function';
    default:
      if (v instanceof LuaUserdata) return 'userdata';
      return (v as { [THREAD_TAG]?: true })[THREAD_TAG] ? 'thread' : 'table';
  }
}

export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}
