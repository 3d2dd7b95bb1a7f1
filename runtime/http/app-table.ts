// rover.server(config): the app table. Indexing a missing key creates a nested table, so
// `function api.users.p_id.get(ctx)` works without declaring `api.users` first.
import { libError } from '../lua/errors.js';
import { LuaTable } from '../lua/table.js';
import type { LuaResult, LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';
import { readConfig, type ServerConfig } from './config.js';
import { createBuilders } from './responses.js';

/** The metatable of the app table and of every table it creates on demand. */
const AUTO_META = new LuaTable();
/** The key each table made on demand was made for (for the error when one is called). */
const autoKeys = new WeakMap<LuaTable, string>();
AUTO_META.setStr('__index', builtin(function autoIndex(t: LuaValue, k: LuaValue): LuaResult {
  if (!(t instanceof LuaTable) || k === undefined || (typeof k === 'number' && Number.isNaN(k))) return undefined;
  const child = new LuaTable();
  child.metatable = AUTO_META;
  if (typeof k === 'string') autoKeys.set(child, k);
  t.set(k, child);
  return child;
}));
/** Rover features reached through the app table that roverc does not have. */
const MISSING: Record<string, string> = {
  static: 'static file mounts (api.path.static { dir = ... }) are not supported by roverc',
  idempotent: 'idempotent handlers (api.idempotent) are not supported by roverc',
  stream: 'streaming responses (api.stream) are not supported by roverc',
  stream_with_headers: 'streaming responses (api.stream_with_headers) are not supported by roverc',
  sse: 'server-sent events (api.sse) are not supported by roverc',
  raw: 'raw responses (api.raw) are not supported by roverc',
};
// Calling a path table is a mistake or a Rover feature roverc lacks: say which, instead of
// "attempt to call a table value".
AUTO_META.setStr('__call', builtin(function autoCall(t: LuaValue): LuaResult {
  const key = t instanceof LuaTable ? autoKeys.get(t) : undefined;
  if (key !== undefined && MISSING[key] !== undefined) throw libError(MISSING[key]);
  if (key === undefined) throw libError('the app table is not a function');
  throw libError(`'${key}' is a path of the app table, not a function (routes are functions assigned to a method key such as .get)`);
}));

export class RoverApp extends LuaTable {
  constructor(readonly config: ServerConfig, readonly builders: ReadonlyMap<string, LuaValue>) {
    super();
    this.metatable = AUTO_META;
    for (const [key, b] of builders) this.setStr(key, b);
  }

  /** True for the builder stored under `key` (skipped when walking routes). */
  isBuilder(key: LuaValue, value: LuaValue): boolean {
    return typeof key === 'string' && this.builders.get(key) === value;
  }

  /**
   * A key the app added to the builder under `key` (`function api.json.get` writes `get`
   * into the builder api.json), or undefined.
   */
  builderExtra(key: string): string | undefined {
    const b = this.builders.get(key);
    if (!(b instanceof LuaTable)) return undefined;
    const own = builderKeys.get(b);
    for (let e = b.next(undefined); e !== undefined; e = b.next(e[0])) {
      if (typeof e[0] !== 'string' || !own?.has(e[0])) return typeof e[0] === 'string' ? e[0] : String(e[0]);
    }
    return undefined;
  }
}

/** The keys each builder table was made with. */
const builderKeys = new WeakMap<LuaTable, Set<string>>();

export function createServerFunction(): LuaValue {
  const builders = createBuilders();
  for (const b of builders.values()) {
    if (!(b instanceof LuaTable)) continue;
    const keys = new Set<string>();
    for (let e = b.next(undefined); e !== undefined; e = b.next(e[0])) keys.add(e[0] as string);
    builderKeys.set(b, keys);
  }
  return builtin(function server(config: LuaValue): LuaResult {
    return new RoverApp(readConfig(config), builders);
  });
}
