// Security and operations defaults: security headers on every response (off with
// security_headers = false, overridable per response), CORS with preflight, GET/HEAD
// /healthz and /readyz (an app's own route wins).
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { allowedOrigin } from '../../runtime/http/cors.js';
import { describeApp, HTTP_FIXTURES, MODES, send, startServer } from './support.js';

const APP_ORIGIN = 'https://app.example.com';
const SECURE = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' };
const ALLOWED = { 'access-control-allow-origin': APP_ORIGIN, 'access-control-allow-credentials': 'true', vary: 'Origin' };

describeApp('cors app', path.join(HTTP_FIXTURES, 'cors/app.lua'), [
  { name: 'security headers by default', path: '/items', status: 200, headers_out: SECURE },
  { name: 'security headers on a 404 too', path: '/nowhere', status: 404, headers_out: SECURE },
  { name: 'a response may set its own X-Frame-Options', path: '/embed', status: 200, text: '{"ok":true}', headers_out: { ...SECURE, 'x-frame-options': 'SAMEORIGIN' } },
  { name: 'an allowed origin gets the CORS headers', path: '/items', headers: { Origin: APP_ORIGIN }, status: 200, headers_out: ALLOWED },
  { name: 'on a POST as well', method: 'POST', path: '/items', headers: { Origin: APP_ORIGIN }, status: 201, headers_out: ALLOWED },
  { name: 'preflight for an allowed origin: 204 with methods and headers', method: 'OPTIONS', path: '/items',
    headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' }, status: 204, text: '',
    headers_out: { ...ALLOWED, 'access-control-allow-methods': 'GET, POST, DELETE', 'access-control-allow-headers': 'Content-Type, Authorization, X-Request-ID' } },
  { name: 'preflight on a path without routes', method: 'OPTIONS', path: '/nowhere', headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'GET' }, status: 204 },
  { name: 'preflight for a disallowed origin is a 403', method: 'OPTIONS', path: '/items', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    status: 403, json: { error: 'CORS: this origin is not allowed' } },
  { name: 'OPTIONS without Access-Control-Request-Method is no preflight', method: 'OPTIONS', path: '/items', headers: { Origin: APP_ORIGIN }, status: 405 },
  { name: 'GET /healthz', path: '/healthz', status: 200, type: 'application/json', text: '{"status":"ok"}', headers_out: SECURE },
  { name: 'HEAD /healthz', method: 'HEAD', path: '/healthz', status: 200, text: '' },
  { name: 'the app\'s own /readyz wins', path: '/readyz', status: 200, text: '{"ready":true}' },
  { name: '405 for POST /healthz', method: 'POST', path: '/healthz', status: 405, headers_out: { allow: 'GET, HEAD' } },
], (servers) => {
  it('a disallowed origin gets no CORS headers (the browser blocks the read)', async () => {
    for (const s of servers()) {
      const r = await send(s.url, { path: '/items', headers: { Origin: 'https://evil.example' } });
      assert.equal(r.status, 200, s.mode);
      assert.equal(r.headers['access-control-allow-origin'], undefined, s.mode);
      assert.equal(r.headers['access-control-allow-credentials'], undefined, s.mode);
    }
  });
});

it('security_headers = false sends none of them', async () => {
  for (const mode of MODES) {
    const s = await startServer(path.join(HTTP_FIXTURES, 'unbounded/app.lua'), mode);
    try {
      const r = await send(s.url, { path: '/healthz' });
      assert.equal(r.status, 200);
      for (const name of Object.keys(SECURE)) assert.equal(r.headers[name], undefined, `${mode} ${name}`);
    } finally {
      await s.stop();
    }
  }
});

it('allowedOrigin: a wildcard names the origin when credentials are on', () => {
  const base = { methods: 'GET', headers: 'Content-Type' };
  assert.equal(allowedOrigin({ ...base, origin: '*', credentials: false }, 'https://a.test'), '*');
  assert.equal(allowedOrigin({ ...base, origin: '*', credentials: true }, 'https://a.test'), 'https://a.test');
  assert.equal(allowedOrigin({ ...base, origin: 'https://a.test', credentials: true }, 'https://b.test'), undefined);
  assert.equal(allowedOrigin({ ...base, origin: '*', credentials: false }, ''), undefined);
});
