// The `rover` global of served apps: rover.server, rover.guard, rover.env and rover.config.
import { LuaTable } from '../lua/table.js';
import { createServerFunction } from './app-table.js';
import { appEnvironment, createConfigTable, createEnvTable } from './env.js';
import { createGuard } from './guard.js';

/** Adds `rover` to a program's globals (only `roverc serve` does; `roverc run` is plain Lua). */
export function installRover(G: LuaTable, appFile: string): LuaTable {
  const rover = new LuaTable();
  rover.setStr('server', createServerFunction());
  rover.setStr('guard', createGuard());
  const vars = appEnvironment(appFile);
  rover.setStr('env', createEnvTable(vars));
  rover.setStr('config', createConfigTable(appFile, vars, G));
  G.setStr('rover', rover);
  return rover;
}
