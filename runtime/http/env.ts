// rover.env and rover.config as Rover's configuration guide shows them: environment
// variables (a `.env` file beside the app fills in what the real environment lacks), Lua
// config files, and prefixed variables as a nested table.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { libError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import { callable } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';
import { toLuaString } from './json.js';

const DOTENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*?)\s*$/;

/** The variables of a `.env` file (KEY=value, # comments, optional quotes), as byte strings. */
export function parseDotEnv(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const m = DOTENV_LINE.exec(line);
    if (m === null) continue;
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    vars.set(m[1], value);
  }
  return vars;
}

/** The app's environment: `.env` beside the app file, then the real environment on top. */
export function appEnvironment(appFile: string): Map<string, string> {
  const vars = new Map<string, string>();
  const dotenv = path.join(path.dirname(appFile), '.env');
  if (existsSync(dotenv)) {
    // latin1: the file's bytes as a Lua byte string
    for (const [k, v] of parseDotEnv(readFileSync(dotenv, 'latin1'))) vars.set(k, v);
  }
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) vars.set(k, toLuaString(v));
  return vars;
}

/** rover.env: reads variables by name (nil when unset); read-only, as in Rover. */
export function createEnvTable(vars: ReadonlyMap<string, string>): LuaTable {
  const env = new LuaTable();
  const meta = new LuaTable();
  meta.setStr('__index', builtin(function envIndex(_t: LuaValue, k: LuaValue): LuaResult {
    return typeof k === 'string' ? vars.get(k) : undefined;
  }));
  meta.setStr('__newindex', builtin(function envNewIndex(_t: LuaValue, k: LuaValue): LuaResult {
    throw libError(`rover.env is read-only - cannot set '${typeof k === 'string' ? k : typeName(k)}'`);
  }));
  env.metatable = meta;
  return env;
}

/**
 * rover.config: `load(path)` runs a Lua file (relative to the app's folder, as require is)
 * and returns its value; `from_env(prefix)` turns PREFIX_DB_HOST=x into { db = { host = "x" } }.
 */
export function createConfigTable(appFile: string, vars: ReadonlyMap<string, string>, G: LuaTable): LuaTable {
  const config = new LuaTable();
  config.setStr('load', builtin(function load(p: LuaValue): LuaResult {
    if (typeof p !== 'string') throw libError(`bad argument #1 to 'load' (string expected, got ${typeName(p)})`);
    const file = path.isAbsolute(p) ? p : path.join(path.dirname(appFile), p);
    if (!existsSync(file)) throw libError(`Failed to load config file '${p}': no such file`);
    return first(callable(G.getStr('dofile'))(file));
  }));
  config.setStr('from_env', builtin(function from_env(prefix: LuaValue): LuaResult {
    if (typeof prefix !== 'string') throw libError(`bad argument #1 to 'from_env' (string expected, got ${typeName(prefix)})`);
    const upper = prefix.toUpperCase();
    const out = new LuaTable();
    for (const [key, value] of [...vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!key.startsWith(upper)) continue;
      const parts = key.slice(upper.length).replace(/^_+/, '').split('_').map((s) => s.toLowerCase());
      let t = out;
      for (let i = 0; i < parts.length - 1; i++) {
        let next = t.getStr(parts[i]);
        if (!(next instanceof LuaTable)) {
          next = new LuaTable();
          t.setStr(parts[i], next);
        }
        t = next;
      }
      t.setStr(parts[parts.length - 1], value);
    }
    return out;
  }));
  return config;
}
