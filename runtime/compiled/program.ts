// Running a compiled program: the globals, a package.loaders searcher that finds the
// compiled modules by require name, and the entry run as luajit runs a script.
import { programGlobals, runMain } from '../interp/run-file.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';

/** What a compiled module exports by default: its main chunk, given the globals. */
export type ModuleLoader = (env: LuaTable) => LuaFunction;

/** Puts a searcher for compiled modules before Lua's file searcher in package.loaders. */
export function installCompiledSearcher(G: LuaTable, modules: ReadonlyMap<string, ModuleLoader>): void {
  const loaders = ops.index(ops.index(G, 'package'), 'loaders');
  if (!(loaders instanceof LuaTable)) return;
  const searcher = builtin(function compiledSearcher(name: LuaValue): LuaResult {
    const load = typeof name === 'string' ? modules.get(name) : undefined;
    return load !== undefined ? load(G) : `\n\tno compiled module '${String(name)}'`;
  });
  const rest: LuaValue[] = [];
  for (let i = 2; loaders.get(i) !== undefined; i++) rest.push(loaders.get(i));
  loaders.set(2, searcher);
  rest.forEach((l, i) => loaders.set(3 + i, l));
}

/** Runs the compiled entry; returns the exit code luajit would give. */
export function runProgram(entry: string, main: ModuleLoader, modules: ReadonlyMap<string, ModuleLoader>, args: string[]): number {
  const G = programGlobals(entry);
  installCompiledSearcher(G, modules);
  return runMain(main(G), G, entry, args);
}
