// The hello fixture: static routes, path parameters, query strings, headers, routing precedence.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { describeApp, HTTP_FIXTURES, send } from './support.js';

const JSON_TYPE = 'application/json';

describeApp('hello app', path.join(HTTP_FIXTURES, 'hello/app.lua'), [
  { path: '/', status: 200, type: 'text/plain', text: 'Rover is running' },
  { path: '/hello', status: 200, type: JSON_TYPE, text: '{"message":"Hello World"}' },
  { name: 'params are percent-decoded into UTF-8 bytes', path: '/hello/w%C3%B6rld', status: 200, type: JSON_TYPE, json: { message: 'Hello wörld', length: 6 } },
  { name: 'a raw non-ASCII path reaches the handler as its bytes', path: '/hello/wörld', status: 200, json: { message: 'Hello wörld', length: 6 } },
  { name: 'an encoded slash stays inside the parameter', path: '/hello/a%2Fb', status: 200, json: { message: 'Hello a/b', length: 3 } },
  { name: 'a bad escape is a 400', path: '/hello/100%', status: 400, type: JSON_TYPE, json: { error: "Invalid path parameter 'name': malformed percent-encoding" } },
  { name: 'static beats parameter', path: '/users/me', status: 200, json: { id: 'me', static: true } },
  { name: 'parameter route for other values', path: '/users/42', status: 200, json: { id: '42', static: false } },
  { name: 'an escaped static segment is matched as a parameter value', path: '/users/m%65', status: 200, json: { id: 'me', static: false } },
  { name: 'two parameters', path: '/users/a%20b/posts/7', status: 200, json: { user: 'a b', post: '7' } },
  { name: 'an empty segment never matches a parameter', path: '/users/', status: 404, type: 'text/plain', text: 'Route not found' },
  { name: 'an empty middle segment never matches', path: '/users//posts/7', status: 404, text: 'Route not found' },
  { name: 'query parameters are percent-decoded, + is a space', path: '/search?q=a%20b+c&page=2&flag', status: 200, json: { q: 'a b c', page: 2, keys: ['flag', 'page', 'q'] } },
  { name: 'a repeated query key keeps the last value', path: '/search?q=1&q=2', status: 200, json: { q: '2', page: 1, keys: ['q'] } },
  { name: 'no query string (keys is proven a sequence: an empty one is [])', path: '/search', status: 200, json: { page: 1, keys: [] } },
  { name: 'header names are lower-cased; method and path', path: '/echo/headers?x=1', headers: { 'X-Custom-Header': 'Hi there', 'User-Agent': 'rover-test' }, status: 200, json: { agent: 'rover-test', custom: 'Hi there', method: 'GET', path: '/echo/headers' } },
  // (uWS strips non-ASCII bytes at the very end of a header value as if they were spaces.)
  { name: 'UTF-8 header values reach Lua as their bytes', path: '/echo/headers', headers: { 'X-Custom-Header': Buffer.from('Zoë ✓!', 'utf8').toString('latin1'), 'User-Agent': 'a' }, status: 200, json: { agent: 'a', custom: 'Zoë ✓!', method: 'GET', path: '/echo/headers' } },
  { path: '/nope', status: 404, type: 'text/plain', text: 'Route not found' },
  { name: 'trailing slash is another path', path: '/hello/', status: 404, text: 'Route not found' },
  { name: '405 with Allow for a known path', method: 'POST', path: '/hello', status: 405, type: JSON_TYPE, headers_out: { allow: 'GET, HEAD' }, json: { error: 'Method POST not allowed for /hello (allowed: GET, HEAD)' } },
  { name: '405 on the root path', method: 'PUT', path: '/', status: 405, headers_out: { allow: 'GET, HEAD' } },
  { name: '405 on a parameter path', method: 'DELETE', path: '/users/42', status: 405, headers_out: { allow: 'GET, HEAD' } },
  { name: 'HEAD runs the GET handler without a body', method: 'HEAD', path: '/hello', status: 200, type: JSON_TYPE, text: '', headers_out: { 'content-length': '25' } },
  { name: 'GET /openapi.json serves the OpenAPI description', path: '/openapi.json', status: 200, type: JSON_TYPE, text: /"\/users\/\{id\}": \{\n {6}"get"/ },
  { name: 'GET /docs serves it as a page', path: '/docs', status: 200, type: 'text/html; charset=utf-8', text: /<code>\/users\/\{id\}<\/code>/ },
  { name: 'HEAD /openapi.json', method: 'HEAD', path: '/openapi.json', status: 200, type: JSON_TYPE, text: '' },
  { name: '405 with Allow for the description', method: 'POST', path: '/docs', status: 405, headers_out: { allow: 'GET, HEAD' } },
], (servers) => {
  it('logs one line per request at log_level info', async () => {
    for (const s of servers()) {
      await send(s.url, { path: '/users/7' });
      await new Promise((r) => setTimeout(r, 120)); // the log is flushed every 50 ms
      assert.match(s.stdout(), /^GET \/users\/7 200 \d+\.\d\dms$/m, s.mode);
    }
  });
});
