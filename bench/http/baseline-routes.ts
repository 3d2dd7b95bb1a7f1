// The fixture routes written by hand the way a good uWebSockets.js developer would (native
// routing, JSON.stringify, no framework): the ceiling roverc is measured against. Served by
// http-baseline.ts (server group) and called in-process by request.ts. Each answers the
// same status, headers and body bytes as the Rover route; both groups check that first.
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse } from 'uwebsockets';

/**
 * The headers a Rover app sends with JSON by default (its request id and security headers),
 * written as a hand-written server would: the same bytes, the same work.
 */
function jsonHeaders(res: HttpResponse): HttpResponse {
  return res.writeHeader('content-type', 'application/json')
    .writeHeader('x-request-id', randomUUID())
    .writeHeader('x-content-type-options', 'nosniff')
    .writeHeader('x-frame-options', 'DENY')
    .writeHeader('referrer-policy', 'strict-origin-when-cross-origin');
}

export interface BaselineRoute {
  /** The fixture app (fixtures/http/<app>/app.lua) and route this replaces. */
  app: string;
  method: 'get';
  path: string;
  handler: (res: HttpResponse, req: HttpRequest) => void;
}

export const BASELINE_ROUTES: readonly BaselineRoute[] = [
  // api.hello.get
  {
    app: 'hello', method: 'get', path: '/hello', handler: (res) => {
      jsonHeaders(res).end(JSON.stringify({ message: 'Hello World' }));
    },
  },
  // api.users.p_id.get (keys in the order Rover's encoder emits them)
  {
    app: 'hello', method: 'get', path: '/users/:id', handler: (res, req) => {
      jsonHeaders(res).end(JSON.stringify({ static: false, id: req.getParameter(0) }));
    },
  },
  // fixtures/http/small: api.users.p_id.get (as in hello) and api.echo.get
  {
    app: 'small', method: 'get', path: '/users/:id', handler: (res, req) => {
      jsonHeaders(res).end(JSON.stringify({ static: false, id: req.getParameter(0) }));
    },
  },
  {
    app: 'small', method: 'get', path: '/echo', handler: (res, req) => {
      jsonHeaders(res).end(JSON.stringify({ a: req.getQuery('a'), b: req.getQuery('b') }));
    },
  },
  // fixtures/http/list: api.items.get
  {
    app: 'list', method: 'get', path: '/items', handler: (res, req) => {
      const n = Number(req.getQuery('n') ?? '') || 100;
      const items = [];
      for (let i = 1; i <= n; i++) {
        items.push({ id: i, name: `item ${i}`, price: i * 1.5, in_stock: i % 3 !== 0, tags: [`tag${i % 5}`, 'all'] });
      }
      jsonHeaders(res).end(JSON.stringify({ count: items.length, items }));
    },
  },
];
