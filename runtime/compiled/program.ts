// Running a compiled program: the globals, a package.loaders searcher that finds the
// compiled modules by require name, and the entry run as luajit runs a script.
import { programGlobals, runMain } from '../interp/run-file.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';

/** What a compiled module exports by default: its main chunk, given the globals. */
export type ModuleLoader = (env: LuaTable) => LuaFunction;

/**
 * Makes package.loaders[2] (the Lua file searcher) find compiled modules by require name
 * first, so package.loaders keeps luajit's four searchers and its "not found" message.
 */
export function installCompiledSearcher(G: LuaTable, modules: ReadonlyMap<string, ModuleLoader>): void {
  const loaders = ops.index(ops.index(G, 'package'), 'loaders');
  if (!(loaders instanceof LuaTable)) return;
  const fileSearcher = loaders.get(2);
  if (typeof fileSearcher !== 'function') return;
  const searcher = builtin(function luaSearcher(...args: LuaValue[]): LuaResult {
    const name = args[0];
    const load = typeof name === 'string' ? modules.get(name) : undefined;
    return load !== undefined ? load(G) : fileSearcher(...args);
  });
  loaders.set(2, searcher);
}

/** Runs the compiled entry; returns the exit code luajit would give. */
export function runProgram(entry: string, main: ModuleLoader, modules: ReadonlyMap<string, ModuleLoader>, args: string[]): number {
  const G = programGlobals(entry);
  installCompiledSearcher(G, modules);
  return runMain(main(G), G, entry, args);
}
