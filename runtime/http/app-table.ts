// rover.server(config): the app table. Indexing a missing key creates a nested table, so
// `function api.users.p_id.get(ctx)` works without declaring `api.users` first.
import { LuaTable } from '../lua/table.js';
import type { LuaResult, LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';
import { readConfig, type ServerConfig } from './config.js';
import { createBuilders } from './responses.js';

/** The metatable of the app table and of every table it creates on demand. */
const AUTO_META = new LuaTable();
AUTO_META.setStr('__index', builtin(function autoIndex(t: LuaValue, k: LuaValue): LuaResult {
  if (!(t instanceof LuaTable) || k === undefined || (typeof k === 'number' && Number.isNaN(k))) return undefined;
  const child = new LuaTable();
  child.metatable = AUTO_META;
  t.set(k, child);
  return child;
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
