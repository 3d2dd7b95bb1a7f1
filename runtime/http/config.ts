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
  /** Largest request body accepted, in bytes; larger ones get a 413. Infinity: no limit (`0` in Lua). */
  bodySizeLimit: number;
  /** `allow_unbounded_body`: Rover's opt-in for `body_size_limit = 0`. */
  allowUnboundedBody: boolean;
  /** Config keys roverc does not implement, in the order given (a load error, see configProblem). */
  unsupported: string[];
  /** Send X-Content-Type-Options, X-Frame-Options and Referrer-Policy on every response. */
  securityHeaders: boolean;
  /** CORS (`cors_origin` and friends); undefined: off. */
  cors: CorsConfig | undefined;
  allowWildcardCorsCredentials: boolean;
  /** HTTPS (`tls = { cert_file, key_file }`); undefined: plain HTTP. */
  tls: TlsConfig | undefined;
}

export interface TlsConfig {
  /** PEM files, as given (relative paths are relative to the working directory). */
  readonly certFile: string;
  readonly keyFile: string;
}

export interface CorsConfig {
  /** '*' or one origin (`https://app.example.com`). */
  readonly origin: string;
  readonly methods: string;
  readonly headers: string;
  readonly credentials: boolean;
}

export const DEFAULT_CONFIG: Readonly<ServerConfig> = {
  host: 'localhost',
  port: 4242,
  logLevel: 'info',
  docs: true,
  bodySizeLimit: 1024 * 1024,
  allowUnboundedBody: false,
  unsupported: [],
  securityHeaders: true,
  cors: undefined,
  allowWildcardCorsCredentials: false,
  tls: undefined,
};

/** The keys of rover.server's table that roverc implements. */
export const SUPPORTED_KEYS = ['host', 'port', 'log_level', 'docs', 'body_size_limit', 'allow_unbounded_body', 'security_headers',
  'cors_origin', 'cors_methods', 'cors_headers', 'cors_credentials', 'allow_wildcard_cors_credentials', 'tls'] as const;

/** A config string that goes into a response header: no control bytes (response splitting). */
const HEADER_TEXT = /^[^\x00-\x08\x0a-\x1f\x7f]*$/;

function flag(t: LuaTable, key: string, fallback: boolean): boolean {
  const v = t.get(key);
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') bad(key, 'true or false', v);
  return v;
}

function headerText(t: LuaTable, key: string, fallback: string | undefined): string | undefined {
  const v = t.get(key);
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || v === '' || !HEADER_TEXT.test(v)) bad(key, 'a header value (no control characters)', v);
  return v;
}

function bad(key: string, expected: string, v: LuaValue): never {
  const got = typeof v === 'string' ? `'${v}'` : typeof v === 'number' ? ops.tostring(v) : `a ${typeName(v)}`;
  throw libError(`rover.server: invalid ${key} ${got} (expected ${expected})`);
}

/**
 * Reads rover.server's argument; raises a Lua error naming a bad value. Keys roverc does not
 * implement are collected, not ignored: serving refuses them (configProblem).
 */
export function readConfig(t: LuaValue): ServerConfig {
  const config: ServerConfig = { ...DEFAULT_CONFIG, unsupported: [] };
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
    config.bodySizeLimit = limit === 0 ? Infinity : limit;
  }
  config.allowUnboundedBody = flag(t, 'allow_unbounded_body', false);
  config.securityHeaders = flag(t, 'security_headers', true);
  config.allowWildcardCorsCredentials = flag(t, 'allow_wildcard_cors_credentials', false);
  const origin = headerText(t, 'cors_origin', undefined);
  const credentials = flag(t, 'cors_credentials', false);
  const methods = headerText(t, 'cors_methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD')!;
  const allowHeaders = headerText(t, 'cors_headers', 'Content-Type, Authorization')!;
  if (origin !== undefined) config.cors = { origin, methods, headers: allowHeaders, credentials };
  const tls = t.get('tls');
  if (tls !== undefined) config.tls = readTls(tls);
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
    const key = e[0];
    if (typeof key !== 'string' || !(SUPPORTED_KEYS as readonly string[]).includes(key)) config.unsupported.push(typeof key === 'string' ? key : ops.tostring(key));
  }
  return config;
}

/** `tls = { cert_file = ..., key_file = ... }`; reload_interval_secs (hot reload) is not implemented. */
function readTls(tls: LuaValue): TlsConfig {
  if (!(tls instanceof LuaTable)) bad('tls', 'a table { cert_file = ..., key_file = ... }', tls);
  for (let e = tls.next(undefined); e !== undefined; e = tls.next(e[0])) {
    if (e[0] !== 'cert_file' && e[0] !== 'key_file') {
      throw libError(`rover.server: tls.${typeof e[0] === 'string' ? e[0] : ops.tostring(e[0])} is not supported (roverc reads tls.cert_file and tls.key_file; certificates are not reloaded)`);
    }
  }
  const file = (key: string): string => {
    const v = tls.get(key);
    if (typeof v !== 'string' || v === '') bad(`tls.${key}`, 'a file path', v);
    return v;
  };
  return { certFile: file('cert_file'), keyFile: file('key_file') };
}

/**
 * Why this config cannot be served, or undefined. An unknown key may be a security setting
 * (tls, cors_origin, rate_limit...): serving without it would silently do something else.
 */
export function configProblem(config: ServerConfig): string | undefined {
  if (config.unsupported.length > 0) {
    const keys = config.unsupported.map((k) => `'${k}'`);
    const what = keys.length === 1 ? `config key ${keys[0]} is` : `config keys ${keys.join(', ')} are`;
    return `${what} not supported (roverc implements ${SUPPORTED_KEYS.join(', ')}; remove the key or run the app under Rover)`;
  }
  if (config.bodySizeLimit === Infinity && !config.allowUnboundedBody) {
    return 'body_size_limit = 0 turns the body size limit off, which needs allow_unbounded_body = true';
  }
  if (config.cors?.origin === '*' && config.cors.credentials && !config.allowWildcardCorsCredentials) {
    return 'cors_origin = "*" with cors_credentials = true lets any site make credentialed requests; name the origin, or set allow_wildcard_cors_credentials = true';
  }
  return undefined;
}
