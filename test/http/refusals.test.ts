// What roverc does not implement is refused at load time with a message naming it (exit 1),
// never silently ignored: unknown config keys, routes under builder names, lifecycle hooks
// and WebSocket endpoints, bad middleware and error hooks.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HTTP_FIXTURES, MODES, runCli } from './support.js';

const DIR = path.join(HTTP_FIXTURES, 'load-errors');
const SUPPORTED = '\\(roverc implements host, port, log_level, docs, body_size_limit, allow_unbounded_body, security_headers, cors_origin, cors_methods, cors_headers, cors_credentials, allow_wildcard_cors_credentials, tls; remove the key or run the app under Rover\\)';
const BUILDER = (name: string) => `'${name}' is the name of a response builder \\(api\\.${name}\\), never a path segment \\(Rover skips such routes silently; roverc refuses them\\)`;

const REFUSED: [string, string][] = [
  ['unknown_config.lua', `config key 'compress' is not supported ${SUPPORTED}`],
  ['security_config.lua', `config keys 'rate_limit', 'trusted_proxies' are not supported ${SUPPORTED}`],
  ['unbounded_body.lua', 'body_size_limit = 0 turns the body size limit off, which needs allow_unbounded_body = true'],
  ['builder_route.lua', `api\\.json\\.get: ${BUILDER('json')}`],
  ['builder_route_deep.lua', `api\\.users\\.p_id\\.text: ${BUILDER('text')}`],
  ['error_route.lua', `api\\.error\\.get: ${BUILDER('error')}`],
  ['config_route.lua', "api\\.config: 'config' is where Rover keeps the server config, never a path segment \\(Rover skips such routes silently; roverc refuses them\\)"],
  ['lifecycle_hook.lua', "api\\.on_start: the lifecycle hook 'on_start' is not supported by roverc \\(only on_error is\\)"],
  ['websocket.lua', 'api\\.chat\\.ws: WebSocket endpoints are not supported by roverc'],
  ['bad_middleware.lua', 'api\\.before\\.auth: middleware must be a function, got a string'],
  ['wildcard_cors.lua', 'cors_origin = "\\*" with cors_credentials = true lets any site make credentialed requests; name the origin, or set allow_wildcard_cors_credentials = true'],
  ['bad_on_error.lua', 'api\\.on_error: the error hook must be a function \\(function api\\.on_error\\(err\\) \\.\\.\\. end\\), got a string'],
];

describe('roverc serve: Rover features called through the app table', () => {
  for (const mode of MODES) {
    it(`${mode}: a static mount names the missing feature`, async () => {
      const r = await runCli(['serve', path.join(DIR, 'static_mount.lua'), '--mode', mode, '--port', '0']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /^roverc: fixtures\/http\/load-errors\/static_mount\.lua:2: static file mounts \(api\.path\.static \{ dir = \.\.\. \}\) are not supported by roverc\n/);
    });
  }
});

describe('roverc serve: a setting it does not know', () => {
  for (const mode of MODES) {
    it(`${mode}: ROVERC_JSON other than 'generic' exits 1 naming it`, async () => {
      const r = await runCli(['serve', path.join(HTTP_FIXTURES, 'hello', 'app.lua'), '--mode', mode, '--port', '0'], 60_000, { ROVERC_JSON: 'generc' });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, `roverc: ROVERC_JSON must be 'generic' or unset, not "generc"\n`);
      assert.equal(r.stdout, '');
    });
  }
});

describe('roverc serve: refused features', () => {
  for (const mode of MODES) {
    for (const [file, message] of REFUSED) {
      it(`${mode}: ${file} exits 1 naming what is refused`, async () => {
        const r = await runCli(['serve', path.join(DIR, file), '--mode', mode, '--port', '0']);
        assert.equal(r.code, 1, r.stderr);
        const escaped = path.join(DIR, file).replace(/[.]/g, '\\.');
        assert.match(r.stderr, new RegExp(`^roverc: ${escaped}: ${message}\\n$`));
        assert.equal(r.stdout, '');
      });
    }
  }
});
