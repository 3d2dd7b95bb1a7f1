// The server configuration given to rover.server { ... }, checked when the app loads.
import { libError } from '../lua/errors.js';
import * as ops from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaValue } from '../lua/value.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'nope'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  host: string;
  port: number;
  logLevel: LogLevel;
  /** Serve the OpenAPI description of the routes at GET /docs. */
  docs: boolean;
  /** Largest request body accepted, in bytes; larger ones get a 413. */
  bodySizeLimit: number;
}

export const DEFAULT_CONFIG: Readonly<ServerConfig> = {
  host: 'localhost',
  port: 4242,
  logLevel: 'info',
  docs: true,
  bodySizeLimit: 1024 * 1024,
};

function bad(key: string, expected: string, v: LuaValue): never {
  const got = typeof v === 'string' ? `'${v}'` : typeof v === 'number' ? ops.tostring(v) : `a ${typeName(v)}`;
  throw libError(`rover.server: invalid ${key} ${got} (expected ${expected})`);
}

/** Reads rover.server's argument; raises a Lua error naming the bad key. Unknown keys are ignored. */
export function readConfig(t: LuaValue): ServerConfig {
  const config: ServerConfig = { ...DEFAULT_CONFIG };
  if (t === undefined) return config;
  if (!(t instanceof LuaTable)) throw libError(`bad argument #1 to 'server' (table expected, got ${typeName(t)})`);
  const host = t.get('host');
  if (host !== undefined) {
    if (typeof host !== 'string' || host === '') bad('host', 'a host name or address', host);
    config.host = host;
  }
  const port = t.get('port');
  if (port !== undefined) {
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) bad('port', 'an integer 0-65535', port);
    config.port = port;
  }
  const level = t.get('log_level');
  if (level !== undefined) {
    if (typeof level !== 'string' || !(LOG_LEVELS as readonly string[]).includes(level)) {
      bad('log_level', 'debug, info, warn, error or nope', level);
    }
    config.logLevel = level as LogLevel;
  }
  const docs = t.get('docs');
  if (docs !== undefined) {
    if (typeof docs !== 'boolean') bad('docs', 'true or false', docs);
    config.docs = docs;
  }
  const limit = t.get('body_size_limit');
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) bad('body_size_limit', 'a size in bytes', limit);
    config.bodySizeLimit = limit;
  }
  return config;
}
