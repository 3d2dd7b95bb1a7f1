// Lua 5.1 thread environments (getfenv(0), debug.getfenv/setfenv on a thread): a table
// per coroutine, the globals when none was set. Code does not read globals through it.
import type { LuaTable } from '../lua/table.js';
import { running, type LuaThread } from '../lua/thread.js';

const envs = new WeakMap<object, LuaTable>();
const MAIN = {};

/** The environment set for a thread (undefined = the running one), if any. */
export function threadEnv(thread: LuaThread | undefined): LuaTable | undefined {
  return envs.get(thread ?? running ?? MAIN);
}

export function setThreadEnv(thread: LuaThread | undefined, env: LuaTable): void {
  envs.set(thread ?? running ?? MAIN, env);
}
