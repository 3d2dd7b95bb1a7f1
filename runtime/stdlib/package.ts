// `require` and the `package` table (Lua 5.1 manual §5.3) with luajit 2.1's contents: the
// four searchers of package.loaders, package.path/cpath as Debian's luajit sets them (the
// first entry is the entry script's folder instead of the working directory), searchpath,
// and loadlib, which can never load a C library here.
import { C_CALL, current } from '../lua/callstack.js';
import { existsSync, readFileSync } from 'node:fs';
import { libError, toLuaError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../lua/value.js';
import { builtin, checkString, checkTable, optString } from './args.js';

export interface PackageHost {
  load(text: string, chunkName: string): LuaFunction;
}

/**
 * Marks a module whose loading is in progress, to detect require cycles. luajit's sentinel
 * is a light userdata that Lua code reads as this tiny negative number.
 */
const LOADING = -1150 * Number.MIN_VALUE;

// LUA_PATH_DEFAULT / LUA_CPATH_DEFAULT of Debian's luajit 2.1, after their "./" entry.
const SYSTEM_PATH = '/usr/share/luajit-2.1.0-beta3/?.lua;/usr/local/share/lua/5.1/?.lua;' +
  '/usr/local/share/lua/5.1/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua';
const SYSTEM_CPATH = '/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;' +
  '/usr/local/lib/lua/5.1/loadall.so';

function folder(scriptDir: string): string {
  return scriptDir === '' ? '.' : scriptDir;
}

/** package.path: the script's folder, then luajit's system folders. */
export function defaultPackagePath(scriptDir: string): string {
  return `${folder(scriptDir)}/?.lua;${SYSTEM_PATH}`;
}

function defaultPackageCpath(scriptDir: string): string {
  return `${folder(scriptDir)}/?.so;${SYSTEM_CPATH}`;
}

/** luajit's setpath: $LUA_PATH (or $LUA_CPATH) when set, with ";;" standing for the default. */
function fromEnvironment(variable: string, def: string): string {
  const env = process.env[variable];
  if (env === undefined) return def;
  return env.replace(/;;/g, ';\x01;').replace(/\x01/g, def);
}

/** package.searchpath's search: the first readable file, or the "no file" lines. */
function searchPath(name: string, path: string, sep: string, rep: string): [string | undefined, string] {
  const file = sep === '' ? name : name.split(sep).join(rep);
  let tried = '';
  for (const template of path.split(';')) {
    if (template === '') continue;
    const candidate = template.replace(/\?/g, file);
    if (existsSync(candidate)) return [candidate, ''];
    tried += `\n\tno file '${candidate}'`;
  }
  return [undefined, tried];
}

export function createPackageLib(host: PackageHost, G: LuaTable, scriptDir: string): LuaTable {
  const pkg = new LuaTable();
  const loaded = new LuaTable();
  const preload = new LuaTable();
  pkg.setStr('loaded', loaded);
  pkg.setStr('preload', preload);
  pkg.setStr('path', fromEnvironment('LUA_PATH', defaultPackagePath(scriptDir)));
  pkg.setStr('cpath', fromEnvironment('LUA_CPATH', defaultPackageCpath(scriptDir)));
  pkg.setStr('config', '/\n;\n?\n!\n-\n');

  const pathOf = (field: 'path' | 'cpath'): string => {
    const p = ops.index(pkg, field);
    if (typeof p !== 'string') throw libError(`'package.${field}' must be a string`);
    return p;
  };

  // package.loaders (Lua 5.1 §5.3): each searcher returns a loader, or text saying where it looked.
  const preloadSearcher = builtin(function preloadSearcher(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const pre = ops.index(ops.index(pkg, 'preload'), name);
    return pre !== undefined ? pre : `\n\tno field package.preload['${name}']`;
  });
  const luaSearcher = builtin(function luaSearcher(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const [file, tried] = searchPath(name, pathOf('path'), '.', '/');
    if (file === undefined) return tried;
    let text = readFileSync(file).toString('latin1');
    if (text.startsWith('#')) text = '--' + text.slice(1);
    try {
      return host.load(text, file);
    } catch (e) {
      const msg = toLuaError(e).value;
      throw libError(`error loading module '${name}' from file '${file}':\n\t${ops.tostring(msg)}`);
    }
  });
  // C modules cannot be loaded: these searchers only say where luajit would have looked.
  const cantLoad = (name: string, file: string): never => {
    throw libError(`error loading module '${name}' from file '${file}':\n\t${file}: roverc cannot load C modules`);
  };
  const cSearcher = builtin(function cSearcher(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const [file, tried] = searchPath(name, pathOf('cpath'), '.', '/');
    return file === undefined ? tried : cantLoad(name, file);
  });
  const cRootSearcher = builtin(function cRootSearcher(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const dot = name.indexOf('.');
    if (dot < 0) return [];
    const [file, tried] = searchPath(name.slice(0, dot), pathOf('cpath'), '.', '/');
    return file === undefined ? tried : cantLoad(name, file);
  });
  pkg.setStr('loaders', new LuaTable([preloadSearcher, luaSearcher, cSearcher, cRootSearcher]));

  pkg.setStr('searchpath', builtin(function searchpath(...a: LuaValue[]): LuaResult {
    // luajit's C call evaluates its arguments last to first, so the last bad one is reported
    const rep = optString(a[3], 4, '/');
    const sep = optString(a[2], 3, '.');
    const path = checkString(a[1], 2, a.length);
    const name = checkString(a[0], 1, a.length);
    const [file, tried] = searchPath(name, path, sep, rep);
    return file !== undefined ? file : [undefined, tried];
  }));
  pkg.setStr('loadlib', builtin(function loadlib(...a: LuaValue[]): LuaResult {
    const path = checkString(a[0], 1, a.length);
    checkString(a[1], 2, a.length);
    const why = path.includes('/') && existsSync(path) ? 'roverc cannot load C libraries' : 'cannot open shared object file: No such file or directory';
    return [undefined, `${path}: ${why}`, 'open'];
  }));

  const require = builtin(function require(nameValue: LuaValue): LuaResult {
    const name = checkString(nameValue, 1, arguments.length);
    const cached = loaded.get(name);
    if (cached !== undefined && cached !== false) {
      // luajit leaves the sentinel behind when loading fails, so a second require says this too.
      if (cached === LOADING) throw libError(`loop or previous error loading module '${name}'`);
      return cached;
    }
    const loaders = ops.index(pkg, 'loaders');
    if (!(loaders instanceof LuaTable)) throw libError("'package.loaders' must be a table");
    let messages = '';
    let loader: LuaFunction | undefined;
    for (let i = 1; ; i++) {
      const searcher = loaders.get(i);
      if (searcher === undefined) throw libError(`module '${name}' not found:${messages}`);
      current.push(C_CALL);
      const found = first(ops.callable(searcher)(name));
      current.pop();
      if (typeof found === 'function') {
        loader = found;
        break;
      }
      if (typeof found === 'string') messages += found;
      else if (typeof found === 'number') messages += ops.tostring(found);
    }
    loaded.set(name, LOADING);
    current.push(C_CALL);
    const result = first(loader(name));
    current.pop();
    if (result !== undefined) loaded.set(name, result);
    const final = loaded.get(name);
    if (final === LOADING) {
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
    return [];
  }));
  G.setStr('require', require);
  G.setStr('package', pkg);
  return pkg;
}

/**
 * Registers the standard libraries as luajit does: each in package.loaded under its name,
 * and LuaJIT 2.1's extension modules (table.new, table.clear) in package.preload; loading
 * one of those also sets the field in its library table, as luajit does.
 */
export function registerLibraries(G: LuaTable, libs: Record<string, LuaTable>, preloads: Record<string, [LuaTable, string, LuaFunction]>): void {
  const pkg = G.getStr('package') as LuaTable;
  const loaded = pkg.getStr('loaded') as LuaTable;
  const preload = pkg.getStr('preload') as LuaTable;
  loaded.setStr('_G', G);
  for (const [name, lib] of Object.entries(libs)) loaded.setStr(name, lib);
  for (const [name, [lib, field, fn]] of Object.entries(preloads)) {
    // luajit's luaopen_* functions print as addresses, not builtin#N
    preload.setStr(name, function preloaded(): LuaResult {
      lib.setStr(field, fn);
      return fn;
    });
  }
}
