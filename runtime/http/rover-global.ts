// The `rover` global of served apps: rover.server and rover.guard.
import { LuaTable } from '../lua/table.js';
import { createServerFunction } from './app-table.js';
import { createGuard } from './guard.js';

/** Adds `rover` to a program's globals (only `roverc serve` does; `roverc run` is plain Lua). */
export function installRover(G: LuaTable): LuaTable {
  const rover = new LuaTable();
  rover.setStr('server', createServerFunction());
  rover.setStr('guard', createGuard());
  G.setStr('rover', rover);
  return rover;
}
