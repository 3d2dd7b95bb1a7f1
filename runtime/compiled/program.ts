// Running a compiled program: the globals, a package.loaders searcher that finds the
// compiled modules by require name, and the entry run as luajit runs a script.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { programGlobals, runMain } from '../interp/run-file.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';

/** What a compiled module exports by default: its main chunk, given the globals. */
export type ModuleLoader = (env: LuaTable) => LuaFunction;

/**
 * Makes package.loaders[2] (the Lua file searcher) serve the compiled modules, so that
 * package.loaders keeps luajit's four searchers and its "not found" message. It walks
 * package.path as the file searcher does: the compiled form stands for the file
 * `<entry's folder>/<name>.lua` it was compiled from, and only when the path reaches that
 * candidate before any readable file.
 */
export function installCompiledSearcher(G: LuaTable, modules: ReadonlyMap<string, ModuleLoader>, entry: string): void {
  const pkg = ops.index(G, 'package');
  const loaders = ops.index(pkg, 'loaders');
  if (!(loaders instanceof LuaTable)) return;
  const fileSearcher = loaders.get(2);
  if (typeof fileSearcher !== 'function') return;
  const dir = path.dirname(entry);
  const searcher = builtin(function luaSearcher(...args: LuaValue[]): LuaResult {
    const name = args[0];
    const load = typeof name === 'string' ? modules.get(name) : undefined;
    const searchPath = ops.index(pkg, 'path');
    if (load === undefined || typeof searchPath !== 'string') return fileSearcher(...args);
    const base = (name as string).replace(/\./g, '/');
    const compiledFile = path.resolve(dir, `${base}.lua`);
    for (const template of searchPath.split(';')) {
      if (template === '') continue;
      const candidate = template.replace(/\?/g, base);
      if (path.resolve(candidate) === compiledFile) return load(G);
      if (existsSync(candidate)) break;
    }
    return fileSearcher(...args);
  });
  loaders.set(2, searcher);
}

/** Runs the compiled entry; returns the exit code luajit would give. */
export function runProgram(entry: string, main: ModuleLoader, modules: ReadonlyMap<string, ModuleLoader>, args: string[]): number {
  const G = programGlobals(entry);
  installCompiledSearcher(G, modules, entry);
  return runMain(main(G), G, entry, args);
}
