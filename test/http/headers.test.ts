// Headers as users write them (case-insensitive lookup, `headers = {...}` in responses),
// binary bodies, 415 for non-JSON bodies read as JSON, and body_size_limit = 0.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, before, after } from 'node:test';
import { describeApp, HTTP_FIXTURES, MODES, send, startServer, type RunningServer } from './support.js';

const JSON_TYPE = 'application/json';
const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41]);
const AS_JSON = { 'content-type': 'application/json' };

describeApp('headers app', path.join(HTTP_FIXTURES, 'headers/app.lua'), [
  { name: 'ctx:headers()["Authorization"] finds the header', path: '/me', headers: { Authorization: 'Bearer secret', 'User-Agent': 'ua' }, status: 200,
    json: { user: 'ada', agent: 'ua' } },
  { name: 'a wrong token is refused', path: '/me', headers: { Authorization: 'Bearer nope' }, status: 401, json: { error: 'Unauthorized' } },
  { name: 'pairs() gives lower-case names', path: '/names', headers: { 'X-B-Thing': '1', 'X-A-Thing': '2' }, status: 200, json: { names: ['x-a-thing', 'x-b-thing'] } },
  { name: 'headers in a returned table are response headers, not JSON', path: '/cached', status: 200, type: JSON_TYPE, text: '{"data":[1,2,3]}',
    headers_out: { 'cache-control': 'max-age=60', 'x-version': '2' } },
  { name: 'headers in api.json:status', method: 'POST', path: '/created', status: 201, text: '{"id":7}', headers_out: { location: '/items/7' } },
  { name: 'a Content-Type header replaces the builder\'s', path: '/csv', status: 200, type: 'application/vnd.api+json', text: '{"rows":1}' },
  // fetch reads header bytes as latin1: 'é' is the byte 0xE9, 'Ã©' would be its UTF-8
  { name: 'header values go out byte for byte, Content-Type too', path: '/latin1', status: 200, type: 'application/json; note=caf\u00e9', text: '{"ok":true}',
    headers_out: { 'x-note': 'caf\u00e9' } },
  { name: 'a header value from the request is sent', path: '/echo_header?v=hello', status: 200, text: '{}', headers_out: { 'x-echo': 'hello' } },
  { name: 'a header value with CR LF is a 500, never written', path: '/echo_header?v=a%0D%0ASet-Cookie:%20x=1', status: 500,
    json: { error: "response header 'X-Echo' contains a control character such as CR, LF or NUL" } },
  { name: 'framing headers are the server\'s', path: '/framing', status: 500, json: { error: "response header 'Content-Length' is set by the server and cannot be set by the app" } },
  { name: ':bytes() reads a binary body', method: 'POST', path: '/upload', body: BINARY, status: 200, json: { size: 5, first: 0, last: 65 } },
  { name: ':text() of a binary body is a 400', method: 'POST', path: '/note', body: BINARY, status: 400, json: { error: 'Request body is not valid UTF-8' } },
  { name: ':text() of UTF-8', method: 'POST', path: '/note', body: 'zoë', headers: { 'content-type': 'text/plain' }, status: 200, text: 'zoë' },
  { name: ':json() of a text/plain body is a 415', method: 'POST', path: '/parse', body: '{"a":1}', headers: { 'content-type': 'text/plain' }, status: 415,
    json: { error: 'Unsupported Media Type: the body must be application/json, got text/plain' } },
  { name: ':expect() of a form body is a 415', method: 'POST', path: '/validate', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
  { name: ':json() with application/json; charset', method: 'POST', path: '/parse', body: '{"a":1}', headers: { 'content-type': 'application/json; charset=utf-8' }, status: 200, json: { got: { a: 1 } } },
  { name: ':json() with a +json type', method: 'POST', path: '/parse', body: '{"a":1}', headers: { 'content-type': 'application/merge-patch+json' }, status: 200, json: { got: { a: 1 } } },
  { name: ':json() with no Content-Type', method: 'POST', path: '/parse', body: '{"a":1}', status: 200, json: { got: { a: 1 } } },
  { name: ':json() of invalid UTF-8 is a 400', method: 'POST', path: '/parse', body: Buffer.from([0x22, 0xff, 0x22]), headers: AS_JSON, status: 400, json: { error: 'Request body is not valid UTF-8' } },
  { name: 'a binary body to a handler that never reads it', method: 'POST', path: '/ping', body: BINARY, status: 200, json: { pong: true } },
]);

describe('body_size_limit = 0 with allow_unbounded_body', () => {
  let servers: RunningServer[] = [];
  before(async () => {
    servers = await Promise.all(MODES.map((m) => startServer(path.join(HTTP_FIXTURES, 'unbounded/app.lua'), m)));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  it('accepts a body over the default 1 MiB limit', async () => {
    const body = Buffer.alloc(1536 * 1024, 0x61);
    for (const s of servers) {
      const r = await send(s.url, { method: 'POST', path: '/upload', body });
      assert.equal(r.status, 200, s.mode);
      assert.equal(r.body, `{"size":${body.length},"checked":true}`, s.mode);
    }
  });
  it('api.before = { get = fn } is middleware, not a route', async () => {
    for (const s of servers) {
      const r = await send(s.url, { path: '/before' });
      assert.equal(r.status, 404, s.mode);
      assert.equal(r.body, 'Route not found', s.mode);
    }
  });
});
