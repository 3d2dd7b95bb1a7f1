// Query strings: the narrowed parse (only the keys a compiled handler is proven to read)
// gives those keys the values the full parse gives, and refuses exactly what it refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpRequest } from 'uwebsockets';
import { RequestContext } from '../../runtime/http/context.js';
import { HttpError } from '../../runtime/http/errors.js';
import type { Route } from '../../runtime/http/routes.js';
import { parseQuery, PercentDecodeError } from '../../runtime/http/url.js';
import type { LuaTable } from '../../runtime/lua/table.js';

const PIECES = ['q', 'page', 'p%61ge', 'a+b', 'q%3D', '%E2%82%AC', '%zz', '%00', '%E0%A4', 'caf\u00e9', '', '=', 'x=1=2', 'q=', 'page=2'];

function parse(raw: string, wanted?: readonly string[]): LuaTable | 'refused' {
  try {
    return parseQuery(raw, wanted);
  } catch (e) {
    if (e instanceof PercentDecodeError) return 'refused';
    throw e;
  }
}

describe('parseQuery with the keys a handler reads', () => {
  it('agrees with the full parse on the wanted keys, and refuses the same strings', () => {
    let seed = 7;
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const wanted = ['q', 'page', 'a b'];
    for (let i = 0; i < 3000; i++) {
      const parts = Array.from({ length: 1 + next(6) }, () => {
        const k = PIECES[next(PIECES.length)];
        return next(2) === 0 ? k : `${k}=${PIECES[next(PIECES.length)]}`;
      });
      const raw = parts.join('&');
      const full = parse(raw);
      const narrow = parse(raw, wanted);
      if (full === 'refused' || narrow === 'refused') {
        assert.equal(narrow, full, raw);
        continue;
      }
      for (const k of wanted) assert.equal(narrow.get(k), full.get(k), `${raw}: ${k}`);
      for (const [k] of narrow.hashEntries()) assert.ok(wanted.includes(k as string), `${raw}: ${String(k)} is not wanted`);
    }
  });

  it('skips the pairs it does not need', () => {
    const t = parseQuery('a=1&q=x&b=2&page=3', ['q', 'page']);
    assert.deepEqual([...t.hashEntries()], [['q', 'x'], ['page', '3']]);
  });
});

describe('ctx:query().k read directly (compiled handlers)', () => {
  it('gives what the query table gives, with and without anything to decode', () => {
    let seed = 11;
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    // mostly nothing to decode (read off the string), some escapes, '+' and non-ASCII (parsed)
    const pieces = ['q', 'page', 'a', '', '=', 'x=1=2', 'q=', 'page=2', 'qq', 'pag', 'a=b', ...PIECES];
    const keys = ['q', 'page', 'a', '', 'a=b', 'x', 'x=1', 'a b', 'qq'];
    for (let i = 0; i < 4000; i++) {
      const parts = Array.from({ length: next(6) }, () => {
        const k = pieces[next(i % 2 === 0 ? 11 : pieces.length)];
        return next(2) === 0 ? k : `${k}=${pieces[next(i % 2 === 0 ? 11 : pieces.length)]}`;
      });
      const raw = parts.join('&');
      const wanted = next(2) === 0 ? undefined : keys.filter(() => next(2) === 0);
      const full = parse(raw, wanted);
      const route = { uses: { query: wanted ?? 'all', headers: 'all', params: true, body: true }, params: [] } as unknown as Route;
      const ctx = new RequestContext('GET', route, { getQuery: () => raw } as unknown as HttpRequest);
      for (const k of keys) {
        let direct: unknown;
        try {
          direct = ctx.queryValue(k);
        } catch (e) {
          if (!(e instanceof HttpError)) throw e;
          direct = 'refused';
        }
        assert.equal(direct, full === 'refused' ? 'refused' : full.get(k), `${raw} (${wanted?.join(',') ?? 'all'}): ${k}`);
      }
    }
  });
});
