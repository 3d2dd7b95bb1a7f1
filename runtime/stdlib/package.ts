// `require` and the `package` table (Lua 5.1 manual §5.3): Lua modules found through package.path.
import { existsSync, readFileSync } from 'node:fs';
import { libError, toLuaError } from '../lua/errors.js';
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

  // package.loaders (Lua 5.1 §5.3): each searcher returns a loader, or text saying where it looked.
  const preloadSearcher = builtin(function preloadSearcher(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1);
    const pre = ops.index(ops.index(pkg, 'preload'), name);
    return pre !== undefined ? pre : `\n\tno field package.preload['${name}']`;
  });
  const luaSearcher = builtin(function luaSearcher(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1);
    const path = ops.index(pkg, 'path');
    if (typeof path !== 'string') throw libError("'package.path' must be a string");
    const file = name.replace(/\./g, '/');
    let tried = '';
    for (const template of path.split(';')) {
      if (template === '') continue;
      const candidate = template.replace(/\?/g, file);
      if (!existsSync(candidate)) {
        tried += `\n\tno file '${candidate}'`;
        continue;
      }
      let text = readFileSync(candidate).toString('latin1');
      if (text.startsWith('#')) text = '--' + text.slice(1);
      try {
        return host.load(text, candidate);
      } catch (e) {
        const msg = toLuaError(e).value;
        throw libError(`error loading module '${name}' from file '${candidate}':\n\t${ops.tostring(msg)}`);
      }
    }
    return tried;
  });
  pkg.setStr('loaders', new LuaTable([preloadSearcher, luaSearcher]));

  const require = builtin(function require(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const cached = loaded.get(name);
    // luajit leaves a sentinel behind when loading fails, so a second require says this too.
    if (cached === LOADING) throw libError(`loop or previous error loading module '${name}'`);
    if (cached !== undefined && cached !== false) return cached;
    const loaders = ops.index(pkg, 'loaders');
    if (!(loaders instanceof LuaTable)) throw libError("'package.loaders' must be a table");
    let messages = '';
    let loader: LuaFunction | undefined;
    for (let i = 1; ; i++) {
      const searcher = loaders.get(i);
      if (searcher === undefined) break;
      const found = first(ops.callable(searcher)(name));
      if (typeof found === 'function') {
        loader = found;
        break;
      }
      if (typeof found === 'string') messages += found;
    }
    if (loader === undefined) throw libError(`module '${name}' not found:${messages}`);
    loaded.set(name, LOADING);
    const result = first(loader(name));
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
