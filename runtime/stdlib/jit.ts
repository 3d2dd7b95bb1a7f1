// The `jit` table luajit exposes; roverc has no trace compiler, so the switches do nothing.
import { NONE } from '../lua/multi.js';
import type { LuaTable } from '../lua/table.js';
import type { LuaResult } from '../lua/value.js';
import { makeLib } from './args.js';

export function createJitLib(): LuaTable {
  const noop = (): LuaResult => NONE;
  return makeLib({
    version: 'LuaJIT 2.1.0-beta3',
    version_num: 20100,
    os: 'Linux',
    arch: 'x64',
    on: noop,
    off: noop,
    flush: noop,
    status: (): LuaResult => false,
    attach: noop,
  });
}
