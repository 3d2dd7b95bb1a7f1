// Static route discovery and the request fields each handler reads (compiled mode copies
// only those).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staticRoutes } from '../../compiler/analysis/routes.js';
import type { RequestUse } from '../../runtime/http/request-use.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve } from '../../compiler/frontend/resolve.js';

function routesOf(lua: string): Record<string, RequestUse & { line: number; luaPath: string }> {
  const res = resolve('app.lua', lua, parseChunk('app.lua', lua));
  return Object.fromEntries(staticRoutes(res).map((r) => [`${r.method} ${r.path}`, { ...r.uses, line: r.line, luaPath: r.luaPath }]));
}

describe('static routes', () => {
  it('finds declarations, assignments and aliases, with parameters', () => {
    const r = routesOf([
      'local api = rover.server { port = 1 }',
      'function api.hello.get(ctx) return { m = ctx.method } end',
      'api.users.p_id.delete = function(ctx) return nil end',
      'local users = api.users',
      'function users.p_id.posts.p_post.put(ctx) return ctx:params().post end',
      'function api.not_a_method(ctx) end',
      'return api',
    ].join('\n'));
    assert.deepEqual(Object.keys(r).sort(), ['DELETE /users/:id', 'GET /hello', 'PUT /users/:id/posts/:post']);
    assert.equal(r['PUT /users/:id/posts/:post'].luaPath, 'api.users.p_id.posts.p_post.put');
    assert.equal(r['DELETE /users/:id'].line, 3);
    assert.deepEqual(r['GET /hello'], { headers: 'none', query: 'none', params: false, body: false, transient: true, line: 2, luaPath: 'api.hello.get' });
    assert.equal(r['PUT /users/:id/posts/:post'].params, true);
  });

  it('finds keys written as strings, and names their Lua path as the server does', () => {
    const r = routesOf([
      'local api = rover.server {}',
      'api["openapi.json"].post = function(ctx) end',
      'api.kinds["nil"].get = function() end',
      'return api',
    ].join('\n'));
    assert.deepEqual(Object.keys(r).sort(), ['GET /kinds/nil', 'POST /openapi.json']);
    assert.equal(r['POST /openapi.json'].luaPath, 'api["openapi.json"].post');
    assert.equal(r['GET /kinds/nil'].luaPath, 'api.kinds.nil.get');
  });

  it('ignores tables that are not the app and a reassigned app local', () => {
    const r = routesOf([
      'local other = {}',
      'function other.x.get(ctx) end',
      'local api = rover.server {}',
      'api = {}',
      'function api.y.get(ctx) end',
    ].join('\n'));
    assert.deepEqual(r, {});
  });
});

describe('request use', () => {
  const one = (body: string): RequestUse => {
    const r = routesOf(`local api = rover.server {}\nfunction api.x.post(ctx)\n${body}\nend`);
    const { line: _l, luaPath: _p, ...uses } = r['POST /x'];
    return uses;
  };

  it('collects constant header and query keys, in place or through a local', () => {
    assert.deepEqual(one('return ctx:headers()["user-agent"] .. ctx:query().page'),
      { headers: ['user-agent'], query: ['page'], params: false, body: false, transient: true });
    assert.deepEqual(one('local h = ctx:headers()\nlocal f = function() return h.host end\nreturn h["x-a"], f()'),
      { headers: ['host', 'x-a'], query: 'none', params: false, body: false, transient: true });
  });

  it('falls back to everything when a key or ctx itself is dynamic', () => {
    assert.deepEqual(one('local k = "a"\nreturn ctx:headers()[k]').headers, 'all');
    assert.deepEqual(one('local q = ctx:query()\nreturn next(q)').query, 'all');
    assert.deepEqual(one('local h = ctx:headers()\nh.x = 1\nreturn h.x').headers, 'all');
    assert.deepEqual(one('return helper(ctx)'), { headers: 'all', query: 'all', params: true, body: true });
    assert.deepEqual(one('local c = ctx\nreturn c.path'), { headers: 'all', query: 'all', params: true, body: true });
    assert.deepEqual(one('ctx = nil'), { headers: 'all', query: 'all', params: true, body: true });
  });

  it('notices the body and params', () => {
    assert.deepEqual(one('return ctx:body():json()'), { headers: 'none', query: 'none', params: false, body: true, transient: true });
  });

  it('is transient when nothing can hold ctx after the handler returns', () => {
    const transient = (body: string, params = 'ctx') => {
      const r = routesOf(`local api = rover.server {}\nfunction api.x.post(${params})\n${body}\nend`);
      return r['POST /x'].transient === true;
    };
    assert.equal(transient('return { id = ctx:params().id, m = ctx.method, s = ctx:get("k") }'), true);
    assert.equal(transient('return 1', ''), true);
    // a function made in the handler may outlive it, with ctx as its upvalue
    assert.equal(transient('saved = function() return ctx:params().id end'), false);
    assert.equal(transient('local f = function() return ctx.path end\nreturn f()'), false);
    assert.equal(transient('keep(ctx)'), false);
    // `...` holds ctx when there is no parameter, and may go anywhere
    assert.equal(transient('saved = { ... }', '...'), false);
    const vararg = routesOf('local api = rover.server {}\nfunction api.x.post(...)\nreturn helper(...)\nend')['POST /x'];
    assert.deepEqual([vararg.headers, vararg.body], ['all', true]);
  });
});
