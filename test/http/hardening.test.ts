// Bad input, hostile values and odd framing (the hardening fixture): each gets a clear 4xx
// (or a 500 for a handler's own mistake, or a closed connection where HTTP requires it), both
// modes answer alike, and the server answers the next request normally.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { comparable, describeApp, HTTP_FIXTURES, RawConnection, send, type Case, type RawReply } from './support.js';

const JSON_TYPE = 'application/json';
const APP = path.join(HTTP_FIXTURES, 'hardening/app.lua');

const post = (p: string, body: string): Pick<Case, 'method' | 'path' | 'body'> => ({ method: 'POST', path: p, body });
const badParam = (problem: string) => ({ error: `Invalid path parameter 'id': ${problem}` });
const badQuery = (problem: string) => ({ error: `Invalid query string: ${problem}` });
const UNSAFE_URL = (fn: string) => ({ error: `bad argument #1 to '${fn}' (URL contains a control character such as CR, LF or NUL)` });

/** A chain of n nested `{ child = ... }` tables under the root. */
function chain(n: number): unknown {
  let t: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) t = { child: t };
  return t;
}

const CASES: Case[] = [
  // Malformed JSON, and JSON of the wrong shape.
  { name: 'truncated JSON', ...post('/echo/data', '{"a":'), status: 400, type: JSON_TYPE, text: /^\{"error":"Invalid JSON in request body: .+"\}$/ },
  { name: 'JSON with trailing garbage', ...post('/echo/data', '{"a":1} x'), status: 400, text: /^\{"error":"Invalid JSON in request body: .+"\}$/ },
  { name: 'NaN is not JSON', ...post('/echo/data', '{"a":NaN}'), status: 400, text: /^\{"error":"Invalid JSON in request body: .+"\}$/ },
  { name: 'a byte-order mark is not JSON', method: 'POST', path: '/echo/data', body: Buffer.from('\ufeff{}', 'utf8'), status: 400, text: /^\{"error":"Invalid JSON in request body: .+"\}$/ },
  { name: 'a JSON array where :expect wants an object', ...post('/object', '[{"name":"x"}]'), status: 400, type: JSON_TYPE, json: { error: 'Request body must be a JSON object' } },
  { name: 'a JSON number where :expect wants an object', ...post('/object', '42'), status: 400, json: { error: 'Request body must be a JSON object' } },
  { name: 'JSON nested 129 levels is refused', ...post('/echo/data', '['.repeat(129) + ']'.repeat(129)), status: 400,
    json: { error: 'Invalid JSON in request body: nesting deeper than 128 levels' } },
  { name: 'deep JSON objects are refused as well', ...post('/object', '{"a":'.repeat(200) + '1' + '}'.repeat(200)), status: 400,
    json: { error: 'Invalid JSON in request body: nesting deeper than 128 levels' } },
  { name: 'the server answers normally after bad JSON', ...post('/echo/data', '{"ok":[1,2]}'), status: 200, json: { ok: [1, 2] } },

  // Keys that mean something to JavaScript are ordinary Lua keys, and pollute nothing.
  { name: '__proto__, constructor and prototype keys are plain table keys', ...post('/keys', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":3}'),
    status: 200, text: '{"keys":["__proto__","constructor","prototype"],"proto":{"polluted":1},"ctor":{"prototype":{"polluted":2}},"prototype":3}' },
  { name: 'they echo back as they came', ...post('/echo/data', '{"__proto__":{"x":1},"a":{"__proto__":[1]}}'), status: 200, text: '{"__proto__":{"x":1},"a":{"__proto__":[1]}}' },
  { name: ':expect with a __proto__ key validates the real fields only', ...post('/object', '{"__proto__":{"name":5},"name":"ok"}'), status: 200, json: { name: 'ok' } },
  { name: 'a fresh table afterwards has none of those keys', path: '/fresh', status: 200, text: '{"n":0}' },

  // Percent-encoding errors in path parameters and the query (fetch sends them as they are).
  { name: 'a good escape decodes', path: '/users/caf%C3%A9', status: 200, json: { id: 'café' } },
  { name: '%zz in a path parameter', path: '/users/%zz', status: 400, type: JSON_TYPE, json: badParam('malformed percent-encoding') },
  { name: 'a lone % at the end', path: '/users/1%', status: 400, json: badParam('malformed percent-encoding') },
  { name: 'a truncated escape', path: '/users/%4', status: 400, json: badParam('malformed percent-encoding') },
  { name: 'truncated UTF-8 (%E0%A4)', path: '/users/%E0%A4', status: 400, json: badParam('not valid UTF-8') },
  { name: 'an overlong UTF-8 escape', path: '/users/%C0%AF', status: 400, json: badParam('not valid UTF-8') },
  { name: '%00 in a path parameter', path: '/users/a%00b', status: 400, json: badParam('contains a NUL byte (%00)') },
  { name: 'the error is a Lua error pcall can catch', path: '/safe/%zz', status: 200, json: { ok: false, err: "Invalid path parameter 'id': malformed percent-encoding" } },
  { name: '%zz in the query', path: '/query?a=%zz', status: 400, type: JSON_TYPE, json: badQuery('malformed percent-encoding') },
  { name: 'truncated UTF-8 in a query key', path: '/query?%E0%A4=1', status: 400, json: badQuery('not valid UTF-8') },
  { name: '%00 in the query', path: '/query?q=%00', status: 400, json: badQuery('contains a NUL byte (%00)') },
  { name: 'a good query after bad ones', path: '/query?q=a%20b+c&e=%C3%A9', status: 200, json: { q: 'a b c', e: 'é' } },
  { name: 'a handler that does not read the query never sees its errors', path: '/hello?q=%zz', status: 200, text: 'hello' },

  // Long paths.
  { name: 'an 8 KB path with no route', path: '/' + 'a'.repeat(8192), status: 404, type: 'text/plain', text: 'Route not found' },
  { name: 'an 8 KB path parameter', path: '/users/' + 'b'.repeat(8192), status: 200, json: { id: 'b'.repeat(8192) } },

  // Methods no route has.
  { name: 'an unknown method on a known path is a 405', method: 'FOO', path: '/hello', status: 405, type: JSON_TYPE, headers_out: { allow: 'GET, HEAD' },
    json: { error: 'Method FOO not allowed for /hello (allowed: GET, HEAD)' } },
  { name: 'PROPFIND is a 405', method: 'PROPFIND', path: '/hello', status: 405, headers_out: { allow: 'GET, HEAD' },
    json: { error: 'Method PROPFIND not allowed for /hello (allowed: GET, HEAD)' } },
  { name: 'an unknown method on an unknown path is a 404', method: 'FOO', path: '/missing', status: 404, text: 'Route not found' },

  // Response tables that cannot be JSON.
  { name: 'a table 64 levels deep is fine', path: '/deep/63', status: 200, json: chain(63) },
  { name: 'a table 65 levels deep is a 500', path: '/deep/64', status: 500, type: JSON_TYPE, json: { error: 'cannot encode JSON nested deeper than 64 levels' } },
  { name: 'a table 100000 levels deep is a 500, not a hang', path: '/deep/100000', status: 500, json: { error: 'cannot encode JSON nested deeper than 64 levels' } },
  { name: 'a table that holds itself in its array part', path: '/cycle/array', status: 500, type: JSON_TYPE, json: { error: 'cannot encode a cyclic table as JSON' } },
  { name: 'a cycle through two tables in api.json:status', path: '/cycle/indirect', status: 500, json: { error: 'cannot encode a cyclic table as JSON' } },
  { name: 'a cycle in api:error', path: '/cycle/err', status: 500, json: { error: 'cannot encode a cyclic table as JSON' } },
  { name: 'the server answers normally after them', path: '/hello', status: 200, text: 'hello' },
];

const GET = (p: string) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`;
const POST = (p: string, headers: string[], body: string) => `POST ${p} HTTP/1.1\r\nHost: x\r\n${headers.map((h) => h + '\r\n').join('')}\r\n${body}`;

interface RawCase {
  name: string;
  data: string;
  status: number;
  /** The server must close the connection after answering. */
  close: boolean;
  json?: unknown;
  text?: string;
  check?: (r: RawReply) => void;
}

/** No header was injected: the head has exactly the header lines a redirect or error has. */
function noInjectedHeader(r: RawReply): void {
  assert.doesNotMatch(r.head, /set-cookie/i, r.head);
  for (const line of r.head.split('\r\n').slice(1)) {
    assert.match(line, /^(content-type|location|x-request-id|x-content-type-options|x-frame-options|referrer-policy|Date|uWebSockets|Content-Length|Connection): /, `unexpected header line ${JSON.stringify(line)}`);
  }
}

const RAW_CASES: RawCase[] = [
  { name: 'a request with 1000 headers is a 431 and the connection closes', close: true, status: 431,
    data: `GET /hello HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 1000 }, (_, i) => `X-H${i}: v\r\n`).join('')}\r\n` },
  { name: 'a lower-case method is another method (405, named as sent)', close: false, status: 405,
    data: 'get /hello HTTP/1.1\r\nHost: x\r\n\r\n', json: { error: 'Method get not allowed for /hello (allowed: GET, HEAD)' } },
  { name: 'Content-Length with Transfer-Encoding: chunked is a 400 and the connection closes', close: true, status: 400,
    data: POST('/echo', ['Content-Length: 5', 'Transfer-Encoding: chunked'], '3\r\nabc\r\n0\r\n\r\n') },
  { name: 'two different Content-Length headers: 400, then close', close: true, status: 400,
    data: POST('/echo', ['Content-Length: 3', 'Content-Length: 5'], 'abcde'), json: { error: 'Conflicting Content-Length headers' } },
  { name: 'conflicting lengths on a path with no route: 400, then close', close: true, status: 400,
    data: POST('/missing', ['Content-Length: 3', 'Content-Length: 5'], 'abcde'), json: { error: 'Conflicting Content-Length headers' } },
  { name: 'the same Content-Length twice is one length', close: false, status: 200,
    data: POST('/echo', ['Content-Length: 3', 'Content-Length: 3'], 'abc'), text: 'abc' },
  { name: 'an invalid Content-Length is a 400 and the connection closes', close: true, status: 400,
    data: POST('/echo', ['Content-Length: 1e1'], 'abcdefghij') },
  { name: 'Transfer-Encoding: identity has no known end: 400, then close', close: true, status: 400,
    data: POST('/echo', ['Transfer-Encoding: identity'], ''), json: { error: 'Invalid Transfer-Encoding (chunked must be the last coding, once)' } },
  { name: 'chunked twice: 400, then close', close: true, status: 400,
    data: POST('/echo', ['Transfer-Encoding: chunked', 'Transfer-Encoding: chunked'], '3\r\nabc\r\n0\r\n\r\n'), json: { error: 'Invalid Transfer-Encoding (chunked must be the last coding, once)' } },
  { name: 'a coding that only contains "chunked": 400, then close', close: true, status: 400,
    data: POST('/echo', ['Transfer-Encoding: xchunked'], '3\r\nabc\r\n0\r\n\r\n'), json: { error: 'Invalid Transfer-Encoding (chunked must be the last coding, once)' } },
  { name: 'gzip, chunked is not undone: 501, then close', close: true, status: 501,
    data: POST('/echo', ['Transfer-Encoding: gzip, chunked'], '3\r\nabc\r\n0\r\n\r\n'), json: { error: 'Unsupported Transfer-Encoding (only chunked is accepted)' } },
  { name: 'a bad chunk size is a 400 and the connection closes', close: true, status: 400,
    data: POST('/echo', ['Transfer-Encoding: chunked'], 'zz\r\nabc\r\n0\r\n\r\n') },
  { name: 'a chunked body reads normally', close: false, status: 200,
    data: POST('/echo', ['Transfer-Encoding: chunked'], '3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'), text: 'abcde' },
  // Response splitting: no Lua string reaches a header with CR or LF in it.
  { name: 'api.redirect with CR LF is a 500, no header injected', close: false, status: 500, data: GET('/loc/crlf'), json: UNSAFE_URL('redirect'), check: noInjectedHeader },
  { name: 'api.redirect with LF alone', close: false, status: 500, data: GET('/loc/lf'), json: UNSAFE_URL('redirect'), check: noInjectedHeader },
  { name: 'api.redirect:permanent with CR alone', close: false, status: 500, data: GET('/loc/cr'), json: UNSAFE_URL('permanent'), check: noInjectedHeader },
  { name: 'api.redirect:status with NUL', close: false, status: 500, data: GET('/loc/nul'), json: UNSAFE_URL('status'), check: noInjectedHeader },
  { name: 'a redirect URL from the query with %0D%0A', close: false, status: 500, data: GET('/loc/query?to=%2Fa%0D%0ASet-Cookie:%20a=b'), json: UNSAFE_URL('redirect'), check: noInjectedHeader },
  { name: 'a redirect URL from the query without them', close: false, status: 302, data: GET('/loc/query?to=%2Fok%3Fa%3D1'), text: '',
    check: (r) => assert.equal(r.headers.location, '/ok?a=1') },
  { name: 'a tab is allowed in a header value', close: false, status: 302, data: GET('/loc/tab'), text: '', check: (r) => assert.equal(r.headers.location, '/a\tb') },
  { name: 'UTF-8 in a redirect URL is sent as its bytes', close: false, status: 302, data: GET('/loc/utf8'), text: '',
    check: (r) => assert.equal(r.headers.location, Buffer.from('/café', 'utf8').toString('latin1')) },
];

describeApp('hardening app', APP, CASES, (servers) => {
  for (const c of RAW_CASES) {
    it(`raw: ${c.name}`, async () => {
      const replies: string[] = [];
      for (const s of servers()) {
        const conn = await RawConnection.open(s.url);
        try {
          const r = await conn.send(c.data);
          const label = `${s.mode} ${c.name}: ${JSON.stringify(r.head + '\r\n\r\n' + r.body)}`;
          assert.equal(r.status, c.status, label);
          if (c.json !== undefined) {
            assert.equal(r.headers['content-type'], JSON_TYPE, label);
            assert.deepEqual(JSON.parse(r.body), c.json, label);
          }
          if (c.text !== undefined) assert.equal(r.body, c.text, label);
          c.check?.(r);
          assert.equal(r.closed, c.close, `${label}: connection ${r.closed ? 'closed' : 'kept open'}`);
          if (!c.close) {
            // The same connection goes on.
            const next = await conn.send(GET('/hello'));
            assert.equal(next.body, 'hello', `${s.mode}: the next request on the connection`);
          }
          replies.push(comparable(r));
        } finally {
          conn.destroy();
        }
        const after = await send(s.url, { path: '/hello' });
        assert.equal(after.body, 'hello', `${s.mode}: the next request`);
      }
      assert.equal(replies[1], replies[0], 'compiled and interpreted replies differ');
    });
  }

  it('a request smuggled as the body of a badly framed one never runs', async () => {
    const inner = 'GET /users/smuggled HTTP/1.1\r\nHost: x\r\n\r\n';
    for (const s of servers()) {
      for (const outer of [
        POST('/echo', ['Content-Length: 0', `Content-Length: ${inner.length}`], ''),
        POST('/missing', ['Content-Length: 0', `Content-Length: ${inner.length}`], ''),
        POST('/echo', ['Transfer-Encoding: identity'], ''),
        POST('/echo', ['Transfer-Encoding: chunked', 'Transfer-Encoding: identity'], ''),
      ]) {
        const conn = await RawConnection.open(s.url);
        try {
          // One write: uWS has both requests at once (with the reply pending, it closes).
          conn.write(outer + inner);
          const got = await conn.rest();
          assert.doesNotMatch(got, /smuggled|200 OK/, `${s.mode}: ${JSON.stringify(outer)} answered ${JSON.stringify(got)}`);
        } finally {
          conn.destroy();
        }
      }
      assert.equal((await send(s.url, { path: '/hello' })).body, 'hello', s.mode);
    }
  });

  it('a client that aborts a chunked upload, or sends only the head, leaves the server serving', async () => {
    for (const s of servers()) {
      for (const partial of [
        POST('/upload', ['Transfer-Encoding: chunked'], '5\r\nhel'),
        POST('/upload', ['Content-Length: 100'], ''),
        'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Le',
      ]) {
        const conn = await RawConnection.open(s.url);
        conn.write(partial);
        await new Promise((r) => setTimeout(r, 30));
        conn.destroy();
      }
      const r = await send(s.url, { method: 'POST', path: '/upload', body: 'abc' });
      assert.deepEqual(JSON.parse(r.body), { bytes: 3 }, s.mode);
    }
  });

  it('a chunked upload over the limit is a 413, and the connection goes on', async () => {
    for (const s of servers()) {
      const conn = await RawConnection.open(s.url);
      try {
        const chunk = 'x'.repeat(1000);
        const body = Array.from({ length: 5 }, () => `${(1000).toString(16)}\r\n${chunk}\r\n`).join('') + '0\r\n\r\n';
        const r = await conn.send(POST('/upload', ['Transfer-Encoding: chunked'], body));
        assert.equal(r.status, 413, s.mode);
        assert.deepEqual(JSON.parse(r.body), { error: 'Request body too large (limit 4096 bytes)' });
        assert.equal((await conn.send(GET('/hello'))).body, 'hello', s.mode);
      } finally {
        conn.destroy();
      }
    }
  });
});
