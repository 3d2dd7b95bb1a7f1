// The responses fixture: every kind of handler return value, every response builder, and
// errors (500 with the Lua message, never a crash; the server keeps serving).
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { describeApp, HTTP_FIXTURES, send } from './support.js';

const JSON_TYPE = 'application/json';
const APP = path.join(HTTP_FIXTURES, 'responses/app.lua');

describeApp('responses app', APP, [
  { name: 'a table is JSON', path: '/kinds/table', status: 200, type: JSON_TYPE, text: '{"ok":true,"list":[1,2,3],"empty":{},"nested":{"a":{"b":{"c":"deep"}}}}' },
  { name: 'a string is text/plain', path: '/kinds/string', status: 200, type: 'text/plain', text: 'plain text' },
  { name: 'a number is its tostring', path: '/kinds/number', status: 200, type: 'text/plain', text: '42.5' },
  { name: 'an integral number has no fraction', path: '/kinds/integer', status: 200, type: 'text/plain', text: '5' },
  { name: 'a boolean is its tostring', path: '/kinds/boolean', status: 200, type: 'text/plain', text: 'false' },
  { name: 'nil is 204', path: '/kinds/nil', status: 204, type: null, text: '' },
  { name: 'only the first of several values counts', path: '/kinds/multi', status: 200, text: 'first' },
  { name: 'numbers in JSON', path: '/kinds/numbers', status: 200, type: JSON_TYPE, json: { int: 3, float: 0.30000000000000004, big: 9007199254740992, neg: -7, nan: null, inf: null, ninf: null } },
  { name: 'numeric keys of objects become strings; __rover_ keys are skipped', path: '/kinds/keys', status: 200, json: { 1: 'a', 3: 'c', name: 'x' } },
  { name: 'UTF-8 strings pass through, escapes are JSON escapes', path: '/kinds/unicode', status: 200, text: '{"text":"héllo ✓","quote":"say \\"hi\\"\\n\\ttab","ctrl":"\\u0001"}' },
  { path: '/build/as_json', status: 200, type: JSON_TYPE, text: '{"built":"json"}' },
  { path: '/build/json_status', status: 201, type: JSON_TYPE, text: '{"created":true}' },
  { path: '/build/as_text', status: 200, type: 'text/plain', text: 'hello text' },
  { path: '/build/text_status', status: 202, type: 'text/plain', text: 'accepted' },
  { path: '/build/as_html', status: 200, type: 'text/html', text: '<h1>Hi</h1>' },
  { path: '/build/html_status', status: 404, type: 'text/html', text: '<p>missing</p>' },
  { path: '/build/as_redirect', status: 302, type: null, text: '', headers_out: { location: '/kinds/string' } },
  { path: '/build/permanent', status: 301, type: null, text: '', headers_out: { location: '/new-home' } },
  { path: '/build/redirect_status', status: 307, type: null, text: '', headers_out: { location: '/temporary' } },
  { path: '/build/as_no_content', status: 204, type: null, text: '' },
  { path: '/build/as_error', status: 403, type: JSON_TYPE, text: '{"error":"Forbidden: no access"}' },
  { path: '/build/error_table', status: 409, type: JSON_TYPE, json: { error: { code: 'conflict' } } },
  { name: 'a Lua error is a 500 with file:line and no traceback', path: '/fail/index', status: 500, type: JSON_TYPE,
    json: { error: `${APP}:31: attempt to index local 'user' (a nil value)` } },
  { name: 'the server still serves after a 500', path: '/build/as_json', status: 200, text: '{"built":"json"}' },
  { path: '/fail/raise', status: 500, json: { error: `${APP}:33: something broke` } },
  { name: 'a table error value', path: '/fail/table', status: 500, json: { error: '(error object is not a string)' } },
  { name: 'an error value with __tostring', path: '/fail/tostring', status: 500, json: { error: 'custom message' } },
  { name: 'an error value whose __tostring fails', path: '/fail/bad_tostring', status: 500, json: { error: '(error object is not a string)' } },
  { name: 'error level 0 has no position', path: '/fail/level0', status: 500, json: { error: 'no position' } },
  { name: 'a traceback inside the message is cut', path: '/fail/traceback', status: 500, json: { error: 'with trace' } },
  { name: 'a cyclic table is a 500', path: '/fail/cycle', status: 500, json: { error: 'cannot encode a cyclic table as JSON' } },
  { name: 'a function in the response is a 500', path: '/fail/func', status: 500, json: { error: 'cannot encode a function value as JSON' } },
  { name: 'nesting deeper than 64 is a 500', path: '/fail/deep', status: 500, json: { error: 'cannot encode JSON nested deeper than 64 levels' } },
  { name: 'returning a function is a 500', path: '/fail/returns_function', status: 500, text: /^\{"error":"handler returned a function value/ },
  { path: '/stale/save', status: 200, text: 'saved' },
  { name: 'a ctx kept past its request cannot read the request any more', path: '/stale/use', status: 500,
    json: { error: `${APP}:73: ctx:headers() used after its request ended (call it inside the handler)` } },
  { name: 'pcall catches inside a handler', path: '/fail/pcall', status: 200, json: { ok: false, err: 'caught' } },
  { name: 'ctx:body() without a body', method: 'POST', path: '/fail/nobody', status: 400, json: { error: 'Request has no body' } },
  { name: 'bad JSON from :json()', method: 'POST', path: '/fail/badjson', body: '[1', status: 400, text: /^\{"error":"Invalid JSON in request body: / },
  { name: 'a non-object body for :expect', method: 'POST', path: '/fail/notobject', body: '[1]', status: 400, json: { error: 'Request body must be a JSON object' } },
  ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ name: `${method} reaches its handler`, method, path: '/items', status: 200, json: { method } })),
  { name: 'OPTIONS handler', method: 'OPTIONS', path: '/items', status: 204 },
  { name: 'HEAD of a path with a GET route (ctx.method is HEAD)', method: 'HEAD', path: '/items', status: 200, type: JSON_TYPE, text: '', headers_out: { 'content-length': '17' } },
  { name: '405 lists every method of the path', method: 'GET', path: '/only_post', status: 405, headers_out: { allow: 'POST' }, json: { error: 'Method GET not allowed for /only_post (allowed: POST)' } },
  { name: '404 for HEAD has no body', method: 'HEAD', path: '/missing', status: 404, text: '' },
], (servers) => {
  it('recursion 15000 calls deep works in a handler', async () => {
    for (const s of servers()) {
      const r = await send(s.url, { path: '/depth/15000' });
      assert.equal(r.body, '15000', s.mode);
    }
  });
  it('runaway recursion is a 500 (stack overflow), and the server keeps serving', async () => {
    for (const s of servers()) {
      const r = await send(s.url, { path: '/fail/recursion' });
      assert.equal(r.status, 500, s.mode);
      assert.match(JSON.parse(r.body).error, /stack overflow/);
      assert.equal((await send(s.url, { path: '/kinds/string' })).body, 'plain text');
    }
  });

  it('keeps serving under a burst of failing and succeeding requests', async () => {
    for (const s of servers()) {
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => send(s.url, { path: i % 2 === 0 ? '/fail/index' : '/kinds/table' })));
      replies.forEach((r, i) => assert.equal(r.status, i % 2 === 0 ? 500 : 200, s.mode));
    }
  });
});
