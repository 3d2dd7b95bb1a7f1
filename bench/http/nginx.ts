// The nginx + lua-nginx-module + LuaJIT contestant of the server group (OpenResty style, one
// worker), from the private folder bench/tools/install-nginx.sh fills (never installed by the
// benchmark: Debian's module pulls a LuaJIT that replaces the test reference `luajit`). One
// config per run, for the port and the fixture app: the routes are bench/http/nginx/rover_routes.lua.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/index.js';
import type { Command } from './servers.js';

export const NGINX_DIR = path.join(ROOT, '.bench-tools', 'nginx');
export const NGINX_INSTALL = 'bash bench/tools/install-nginx.sh';
const NGINX = path.join(NGINX_DIR, 'usr/sbin/nginx');
const MODULES = ['ndk_http_module.so', 'ngx_http_lua_module.so'].map((m) => path.join(NGINX_DIR, 'usr/lib/nginx/modules', m));
const ROUTES_DIR = path.join(ROOT, 'bench', 'http', 'nginx');

/** Debian's multiarch folder of the unpacked libraries (x86_64-linux-gnu, aarch64-linux-gnu, ...). */
function multiarch(): string {
  const lib = path.join(NGINX_DIR, 'usr/lib');
  return (existsSync(lib) ? readdirSync(lib).find((d) => d.endsWith('-linux-gnu')) : undefined) ?? 'x86_64-linux-gnu';
}
const libDirs = () => [`usr/lib/${multiarch()}`, `lib/${multiarch()}`].map((d) => path.join(NGINX_DIR, d));

/** Why nginx cannot be a contestant here, or undefined. */
export function nginxProblem(): string | undefined {
  const missing = [NGINX, ...MODULES, path.join(libDirs()[0]!, 'libluajit-5.1.so.2')].filter((f) => !existsSync(f));
  if (missing.length === 0) return undefined;
  return `the private nginx is not installed (${path.relative(ROOT, missing[0]!)} is missing); install it with \`${NGINX_INSTALL}\``;
}

/** The nginx location of each benchmarked route, calling the fixture's handler (rover_routes.lua). */
const LOCATIONS: Record<string, string> = {
  'GET /hello': 'location = /hello { content_by_lua_block { routes["GET /hello"]() } }',
  'GET /users/:id': 'location ~ ^/users/(?<id>[^/]+)$ { content_by_lua_block { routes["GET /users/:id"]({ id = ngx.var.id }) } }',
  'GET /echo': 'location = /echo { content_by_lua_block { routes["GET /echo"]() } }',
  'GET /items': 'location = /items { content_by_lua_block { routes["GET /items"]() } }',
};

/** The benchmarked routes of each fixture app, and whether it writes a request log (hello: log_level "info"). */
const APPS: Record<string, { log: boolean; routes: string[] }> = {
  hello: { log: true, routes: ['GET /hello', 'GET /users/:id'] },
  small: { log: false, routes: ['GET /users/:id', 'GET /echo'] },
  list: { log: false, routes: ['GET /items'] },
};

/**
 * Writes dir/nginx-<port>.conf for `app` and returns the command that runs it in the
 * foreground (master + one worker; the caller counts both processes' CPU).
 */
export function nginxCommand(app: string, port: number, dir: string): Command {
  const spec = APPS[app];
  if (spec === undefined) throw new Error(`no nginx routes for the fixture app ${app}`);
  const prefix = path.join(dir, `nginx-${port}`);
  const conf = `${prefix}.conf`;
  writeFileSync(conf, `${MODULES.map((m) => `load_module ${m};`).join('\n')}
daemon off;
master_process on;
worker_processes 1;
pid ${prefix}.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  # the request log as the fixture has it: a line per request to /dev/null, or none
  access_log ${spec.log ? '/dev/null' : 'off'};
  # uWS keeps a keep-alive connection for any number of requests; nginx's default closes it after 1000
  keepalive_requests 1000000000;
  server_tokens off;
  default_type application/json;
  client_body_temp_path ${prefix}-body; proxy_temp_path ${prefix}-proxy; fastcgi_temp_path ${prefix}-fastcgi;
  uwsgi_temp_path ${prefix}-uwsgi; scgi_temp_path ${prefix}-scgi;
  lua_package_path '${ROUTES_DIR}/?.lua;${path.join(NGINX_DIR, 'usr/share/lua/5.1')}/?.lua;;';
  # the fixture's handlers, loaded in the master before the fork (as OpenResty apps load their code)
  init_by_lua_block { routes = require("rover_routes").load_app("${path.join(ROOT, 'fixtures', 'http', app, 'app.lua')}") }
  # the headers every Rover JSON response carries, constant: nginx adds them itself
  add_header x-content-type-options nosniff;
  add_header x-frame-options DENY;
  add_header referrer-policy strict-origin-when-cross-origin;
  server {
    listen 127.0.0.1:${port};
    ${spec.routes.map((r) => LOCATIONS[r]).join('\n    ')}
  }
}
`);
  return {
    command: NGINX,
    args: ['-p', dir, '-e', 'stderr', '-c', conf],
    env: { ...process.env, LD_LIBRARY_PATH: libDirs().join(':') },
  };
}
