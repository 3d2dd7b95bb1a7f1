// Request bodies: the size limit (413 without buffering past it), chunked bodies, UTF-8
// checks, and text/JSON echo. The fixture sets body_size_limit = 1024.
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { describeApp, HTTP_FIXTURES, send, type RunningServer } from './support.js';

const TOO_LARGE = { error: 'Request body too large (limit 1024 bytes)' };

/** Sends a body as a stream of chunks (Transfer-Encoding: chunked, no Content-Length). */
async function sendChunked(s: RunningServer, p: string, chunks: string[]): Promise<{ status: number; body: string }> {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  const r = await fetch(s.url + p, { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { status: r.status, body: await r.text() };
}

describeApp('bodies app', path.join(HTTP_FIXTURES, 'bodies/app.lua'), [
  { name: 'text echo', method: 'POST', path: '/echo', body: 'hello', status: 200, type: 'text/plain', text: 'hello' },
  { name: 'UTF-8 bytes round-trip', method: 'POST', path: '/echo', body: 'zoë ✓ 𝄞', status: 200, text: 'zoë ✓ 𝄞' },
  { name: 'a body of exactly the limit', method: 'PUT', path: '/length', body: 'x'.repeat(1024), status: 200, json: { bytes: 1024 } },
  { name: 'one byte over the limit is a 413', method: 'PUT', path: '/length', body: 'x'.repeat(1025), status: 413, type: 'application/json', json: TOO_LARGE },
  { name: 'the server still serves after a 413', method: 'PUT', path: '/length', body: 'abc', status: 200, json: { bytes: 3 } },
  { name: 'a 5 MB body is refused from its Content-Length', method: 'PUT', path: '/length', body: 'y'.repeat(5 * 1024 * 1024), status: 413, json: TOO_LARGE },
  { name: 'an empty body has no body', method: 'POST', path: '/echo', body: '', status: 400, json: { error: 'Request has no body' } },
  { name: 'invalid UTF-8 is a 400', method: 'POST', path: '/echo', body: Buffer.from([0x61, 0xc3, 0x28]), status: 400, json: { error: 'Request body is not valid UTF-8' } },
  { name: 'overlong UTF-8 is invalid', method: 'POST', path: '/echo', body: Buffer.from([0xc0, 0xaf]), status: 400, json: { error: 'Request body is not valid UTF-8' } },
  { name: 'JSON echo', method: 'POST', path: '/echo/data', body: '{"a":[1,2,{"b":null}],"s":"é"}', status: 200, json: { a: [1, 2, {}], s: 'é' } },
  { name: 'JSON nested deeper than 128 levels is refused, not a crash', method: 'POST', path: '/echo/data', body: '['.repeat(500) + ']'.repeat(500), status: 400,
    json: { error: 'Invalid JSON in request body: nesting deeper than 128 levels' } },
  { name: 'JSON 100 levels deep is read, but cannot be answered as JSON', method: 'POST', path: '/echo/data', body: '['.repeat(100) + ']'.repeat(100), status: 500,
    json: { error: 'cannot encode JSON nested deeper than 64 levels' } },
], (servers) => {
  it('reads a chunked body under the limit', async () => {
    for (const s of servers()) {
      const r = await sendChunked(s, '/echo', ['ab', 'cd', 'é']);
      assert.deepEqual(r, { status: 200, body: 'abcdé' }, s.mode);
    }
  });
  it('refuses a chunked body once it passes the limit', async () => {
    for (const s of servers()) {
      const r = await sendChunked(s, '/echo', Array.from({ length: 20 }, () => 'z'.repeat(100)));
      assert.equal(r.status, 413, s.mode);
      assert.deepEqual(JSON.parse(r.body), TOO_LARGE);
      const after = await send(s.url, { method: 'POST', path: '/echo', body: 'still here' });
      assert.equal(after.body, 'still here');
    }
  });
  it('survives a client that disconnects in the middle of a body', async () => {
    const net = await import('node:net');
    for (const s of servers()) {
      const { port } = new URL(s.url);
      await new Promise<void>((resolve) => {
        const c = net.connect(Number(port), '127.0.0.1', () => {
          c.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part');
          setTimeout(() => { c.destroy(); resolve(); }, 50);
        });
      });
      const r = await send(s.url, { method: 'POST', path: '/echo', body: 'ok' });
      assert.equal(r.body, 'ok', s.mode);
    }
  });
});
