// Compiled mode copies only the request fields a handler is proven to read before a body
// arrives (RequestContext.snapshot with a route's `uses`); everything otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpRequest, HttpResponse } from 'uwebsockets';
import { BodyReader } from '../../runtime/http/body-reader.js';
import { RequestContext } from '../../runtime/http/context.js';
import { LuaTable } from '../../runtime/lua/table.js';
import { attachStaticRoutes, FULL_REQUEST, type RequestUse } from '../../runtime/http/request-use.js';
import type { Route } from '../../runtime/http/routes.js';

/** A stand-in for a uWS request that records what is read from it. */
function fakeRequest(reads: string[]): HttpRequest {
  const headers: [string, string][] = [['host', 'example.test'], ['x-a', '1'], ['x-b', '2'], ['x-a', '3']];
  return {
    getUrl: () => { reads.push('url'); return '/users/7'; },
    getQuery: () => { reads.push('query'); return 'page=2'; },
    getParameter: (i: number) => { reads.push(`param ${i}`); return '7'; },
    forEach: (cb: (k: string, v: string) => void) => { reads.push('headers'); for (const [k, v] of headers) cb(k, v); },
  } as unknown as HttpRequest;
}

function route(uses: RequestUse): Route {
  return {
    method: 'post', segments: [{ text: 'users', param: false }, { text: 'id', param: true }], params: ['id'],
    handler: () => undefined, luaPath: 'api.users.p_id.post', path: '/users/:id', uses, serializers: undefined, before: [], after: [],
  };
}

describe('snapshot before a body', () => {
  it('copies everything for a handler the compiler knows nothing about', () => {
    const reads: string[] = [];
    const ctx = new RequestContext('POST', route(FULL_REQUEST), fakeRequest(reads));
    ctx.snapshot();
    assert.deepEqual(reads, ['url', 'query', 'headers', 'param 0']);
    assert.equal(ctx.headers().getStr('x-b'), '2');
    assert.equal(ctx.headers().getStr('x-a'), '1, 3');
    assert.equal(ctx.query().getStr('page'), '2');
    assert.equal(ctx.params().getStr('id'), '7');
  });

  it('keeps only the headers the handler reads, and skips the query and parameters', () => {
    const reads: string[] = [];
    const ctx = new RequestContext('POST', route({ headers: ['x-a'], query: 'none', params: false, body: true }), fakeRequest(reads));
    ctx.snapshot();
    assert.deepEqual(reads, ['url', 'headers']);
    // repeated headers still join, as in the full copy
    assert.equal(ctx.headers().getStr('x-a'), '1, 3');
    assert.equal(ctx.headers().getStr('x-b'), undefined);
  });

  it('reads no header at all when the handler never calls ctx:headers()', () => {
    const reads: string[] = [];
    const ctx = new RequestContext('POST', route({ headers: 'none', query: ['page'], params: true, body: true }), fakeRequest(reads));
    ctx.snapshot();
    assert.deepEqual(reads, ['url', 'query', 'param 0']);
  });
});

describe('attachStaticRoutes', () => {
  const narrow: RequestUse = { headers: 'none', query: 'none', params: true, body: false };
  const found = (path: string, uses: RequestUse) => ({ method: 'POST', path, luaPath: 'x', file: 'app.lua', line: 1, uses });

  it('gives a walked route the use found for its method and path', () => {
    const r = route(FULL_REQUEST);
    attachStaticRoutes([r], [found('/users/:id', narrow)]);
    assert.equal(r.uses, narrow);
  });

  it('keeps the full request for a route declared twice or not found', () => {
    const twice = route(FULL_REQUEST);
    attachStaticRoutes([twice], [found('/users/:id', narrow), found('/users/:id', narrow)]);
    assert.equal(twice.uses, FULL_REQUEST);
    const other = route(FULL_REQUEST);
    attachStaticRoutes([other], [found('/elsewhere', narrow)]);
    assert.equal(other.uses, FULL_REQUEST);
  });
});

describe('reading a body nobody reads', () => {
  /** A uWS response stand-in that delivers the given chunks to onData. */
  function feed(keep: boolean, chunks: Buffer[]): { ctx: RequestContext; done: boolean } {
    const result = { ctx: new RequestContext('POST', route(FULL_REQUEST), fakeRequest([])), done: false };
    let onData: ((chunk: ArrayBuffer, last: boolean) => void) | undefined;
    const res = { onAborted: () => res, onData: (cb: typeof onData) => { onData = cb; return res; } };
    const sink = {
      limit: 1024,
      bodyStarted: () => {},
      bodyDone: () => { result.done = true; },
      bodyFailed: () => { throw new Error('failed'); },
      internalError: (_r: unknown, e: unknown) => { throw e; },
    };
    const total = chunks.reduce((n, c) => n + c.length, 0);
    new BodyReader(sink, res as unknown as HttpResponse, result.ctx, total, false, 0, keep);
    chunks.forEach((c, i) => onData!(new Uint8Array(c).buffer, i === chunks.length - 1));
    return result;
  }

  it('copies the body for a handler that may read it', () => {
    const r = feed(true, [Buffer.from('ab'), Buffer.from('c')]);
    assert.equal(r.done, true);
    assert.equal(r.ctx.body?.toString(), 'abc');
  });

  it('counts but never copies the body of a handler proven not to read it', () => {
    const r = feed(false, [Buffer.from('ab'), Buffer.from('c')]);
    assert.equal(r.done, true);
    assert.equal(r.ctx.body, undefined);
  });
});

describe('a reused context (routes whose handler cannot keep ctx)', () => {
  it('is, after reuse, what a new context for the request is: every field the constructor sets is set back', () => {
    const used = new RequestContext('POST', route(FULL_REQUEST), fakeRequest([]));
    // the table part (LuaTable's own fields) is Lua's: only code holding ctx could change it
    const tableFields = new Set(Object.keys(new LuaTable()));
    const dirty = Symbol('left from the last request');
    for (const k of Object.keys(used)) if (!tableFields.has(k)) (used as unknown as Record<string, unknown>)[k] = dirty;
    const req = fakeRequest([]);
    const next = route({ headers: 'none', query: 'none', params: true, body: false, transient: true });
    used.reuse('GET', next, req);
    assert.deepStrictEqual({ ...used }, { ...new RequestContext('GET', next, req) });
  });
});

describe('fresh request ids', () => {
  it('are random version 4 UUIDs, as text and as bytes, never the same twice', async () => {
    const { newRequestId, writeNewRequestId, UUID_LENGTH } = await import('../../runtime/http/request-id.js');
    const seen = new Set<string>();
    const b = Buffer.alloc(UUID_LENGTH + 2, 0x7e);
    // past the pool of random bytes drawn at once, to see it drawn again
    for (let i = 0; i < 1000; i++) {
      writeNewRequestId(b, 1);
      for (const id of [newRequestId(), b.toString('latin1', 1, 1 + UUID_LENGTH)]) {
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.ok(!seen.has(id), id);
        seen.add(id);
      }
    }
    assert.deepEqual([b[0], b[UUID_LENGTH + 1]], [0x7e, 0x7e]); // nothing written outside
  });
});
