// `require` and the `package` table (Lua 5.1 manual §5.3): Lua modules found through package.path.
import { existsSync, readFileSync } from 'node:fs';
import { libError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
import { builtin, checkString, checkTable } from './args.js';

export interface PackageHost {
  load(text: string, chunkName: string): LuaFunction;
}

/** Marks a module whose loading is in progress, to detect require cycles as Lua 5.1 does. */
const LOADING = new LuaTable();

export function defaultPackagePath(scriptDir: string): string {
  const dir = scriptDir === '' ? '.' : scriptDir;
  return `${dir}/?.lua;${dir}/?/init.lua`;
}

export function createPackageLib(host: PackageHost, G: LuaTable, scriptDir: string): LuaTable {
  const pkg = new LuaTable();
  const loaded = new LuaTable();
  const preload = new LuaTable();
  pkg.setStr('loaded', loaded);
  pkg.setStr('preload', preload);
  pkg.setStr('path', defaultPackagePath(scriptDir));
  pkg.setStr('cpath', '');
  pkg.setStr('config', '/\n;\n?\n!\n-\n');

  /** Finds a module file along package.path, or lists where it looked. */
  function search(name: string): { path: string } | { tried: string[] } {
    const path = ops.index(pkg, 'path');
    if (typeof path !== 'string') throw libError("'package.path' must be a string");
    const file = name.replace(/\./g, '/');
    const tried: string[] = [];
    for (const template of path.split(';')) {
      if (template === '') continue;
      const candidate = template.replace(/\?/g, file);
      if (existsSync(candidate)) return { path: candidate };
      tried.push(`\n\tno file '${candidate}'`);
    }
    return { tried };
  }

  const require = builtin(function require(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const cached = loaded.get(name);
    if (cached === LOADING) throw libError(`loop or previous error loading module '${name}'`);
    if (cached !== undefined && cached !== false) return cached;
    let loader: LuaFunction;
    let arg: LuaValue = name;
    const pre = preload.get(name);
    if (pre !== undefined) {
      loader = ops.callable(pre);
    } else {
      const found = search(name);
      if ('tried' in found) {
        throw libError(`module '${name}' not found:\n\tno field package.preload['${name}']${found.tried.join('')}`);
      }
      const text = readFileSync(found.path).toString('latin1');
      loader = host.load(text.startsWith('#') ? '--' + text.slice(1) : text, found.path);
      arg = name;
    }
    loaded.set(name, LOADING);
    let result: LuaValue;
    try {
      result = first(loader(arg));
    } catch (e) {
      loaded.set(name, undefined);
      throw e;
    }
    if (result !== undefined) loaded.set(name, result);
    const final = loaded.get(name);
    if (final === undefined || final === LOADING) {
      loaded.set(name, true);
      return true;
    }
    return final;
  });
  pkg.setStr('seeall', builtin(function seeall(m: LuaValue): LuaResult {
    const t = checkTable(m, 1, arguments.length);
    const mt = t.metatable ?? new LuaTable();
    t.metatable = mt;
    mt.setStr('__index', G);
    return undefined;
  }));
  G.setStr('require', require);
  G.setStr('package', pkg);
  return pkg;
}
