// Middleware (api.before / api.after, global and scoped), request state (ctx:set/get),
// request ids and the error hook, in both modes with identical replies.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import os from 'node:os';
import { describeApp, HTTP_FIXTURES, runCli, send } from './support.js';

const JSON_TYPE = 'application/json';
const AUTH = { Authorization: 'Bearer letmein' };
const ID = { 'X-Request-ID': 'req-42' };

describeApp('middleware app', path.join(HTTP_FIXTURES, 'middleware/app.lua'), [
  { name: 'global befores run on a public route; scoped state does not leak', path: '/public', headers: ID, status: 200, type: JSON_TYPE,
    json: { started_at: 1700000000, request_id: 'req-42' }, headers_out: { 'x-request-id': 'req-42' } },
  { name: 'global before, then handler, then global after', path: '/calls', status: 200,
    json: { calls: ['global.before.trace', 'global.before.timing', 'handler', 'global.after.log'] } },
  { name: 'scoped auth refuses without a token (short-circuit)', path: '/admin', status: 401, type: JSON_TYPE, text: '{"error":"Unauthorized"}' },
  { name: 'a short-circuit skips the handler and every after', path: '/calls', status: 200,
    json: { calls: ['global.before.trace', 'global.before.timing', 'admin.before.auth'] } },
  { name: 'Authorization is found whatever its case; state set by middleware reaches the handler', path: '/admin', headers: { ...AUTH, ...ID }, status: 200,
    json: { ok: true, role: 'admin', request_id: 'req-42' } },
  // Rover's code (rover-core/src/server.rs) runs the merged after list [scoped..., global...] in reverse.
  { name: 'order: global befores, scoped before, handler, then the afters as Rover runs them (global, then scoped)', path: '/calls', status: 200,
    json: { calls: ['global.before.trace', 'global.before.timing', 'admin.before.auth', 'handler', 'global.after.log', 'admin.after.audit'] } },
  { name: 'scoped middleware applies to deeper routes', path: '/admin/users/5', status: 401, text: '{"error":"Unauthorized"}' },
  { name: 'deeper route with the token', path: '/admin/users/5', headers: AUTH, status: 200, json: { id: '5', role: 'admin' } },
  { name: 'a middleware that errors is a 500', path: '/broken', status: 500, type: JSON_TYPE, text: '{"error":"fixtures/http/middleware/app.lua:70: middleware exploded"}' },
  { name: 'after a failing middleware nothing else ran', path: '/calls', status: 200,
    json: { calls: ['global.before.trace', 'global.before.timing', 'broken.before.explode'] } },
  { name: 'a before returning a plain table is an error, never ignored', path: '/sloppy', status: 500,
    json: { error: 'before middleware api.sloppy.before.check returned a table: to answer early return a response (api.json, api:error, ...), else return nothing' } },
  { name: 'api.on_error answers with Rover\'s {message, path, status, code}', path: '/fail', status: 500, type: JSON_TYPE,
    json: { error: 'fixtures/http/middleware/app.lua:88: handler failed', code: 'INTERNAL_ERROR', path: '/fail' } },
  { name: 'api.on_error returning nothing keeps the default answer', method: 'POST', path: '/reject', body: '{', headers: { 'content-type': 'application/json' }, status: 400,
    text: /^\{"error":"Invalid JSON in request body: / },
  { name: 'api.before is never a route', path: '/before', status: 404, text: 'Route not found' },
  { name: 'api.after is never a route', path: '/after/log', status: 404, text: 'Route not found' },
  { name: 'api.on_error is never a route', path: '/on_error', status: 404, text: 'Route not found' },
  { name: 'a sane inbound request id is echoed', path: '/public', headers: { 'X-Request-ID': 'abc.DEF_123-xyz:9' }, status: 200, headers_out: { 'x-request-id': 'abc.DEF_123-xyz:9' } },
], (servers) => {
  it('generates a request id when none is sent, the same one as ctx:request_id()', async () => {
    for (const s of servers()) {
      const r = await send(s.url, { path: '/public' });
      const id = r.headers['x-request-id'];
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, s.mode);
      assert.equal(JSON.parse(r.body).request_id, id, s.mode);
    }
  });
  it('replaces an inbound request id that is too long or has odd bytes, never echoing it', async () => {
    const bad = ['x'.repeat(129), 'a b', 'a"b', '<script>', 'i\u00e9d'];
    for (const s of servers()) {
      for (const id of bad) {
        const r = await send(s.url, { path: '/public', headers: { 'X-Request-ID': id } });
        const got = r.headers['x-request-id'];
        assert.notEqual(got, id, `${s.mode} ${id}`);
        assert.match(got, /^[0-9a-f-]{36}$/, `${s.mode} ${id}`);
        assert.equal(JSON.parse(r.body).request_id, got, s.mode);
      }
    }
  });
});

it('roverc build --explain shows each route\'s middleware, resolved at build time, and no route for api.before', async () => {
  const out = path.join(os.tmpdir(), `roverc-mw-${process.pid}`);
  const r = await runCli(['build', path.join(HTTP_FIXTURES, 'middleware/app.lua'), '--out', out, '--explain']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^GET \/admin {2}\(api\.admin\.get, [^\n]+\n {4}before: api\.before\.trace, api\.before\.timing, api\.admin\.before\.auth\n {4}after: api\.after\.log, api\.admin\.after\.audit\n/m);
  assert.match(r.stdout, /^GET \/public {2}\(api\.public\.get, [^\n]+\n {4}before: api\.before\.trace, api\.before\.timing\n {4}after: api\.after\.log\n/m);
  assert.doesNotMatch(r.stdout, /\/before|\/after|on_error/);
});
