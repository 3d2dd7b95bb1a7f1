// Compiled handlers read the request and write JSON without Lua tables (runtime/http/direct.ts,
// compiler/analysis/direct-plan.ts): every answer must be the one the tables give. The
// fixture app is served interpreted, compiled, and compiled with the generic encoder
// (ROVERC_JSON=generic, which also turns the JSON text off), and each request, many of them
// random, must get the same bytes from the three.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { emptySequencesOnly, HTTP_FIXTURES, RawConnection, startServer, type RunningServer } from './support.js';
import { rng } from '../support/rng.js';

const APP = path.join(HTTP_FIXTURES, 'direct', 'app.lua');

/** Pieces of percent-encoded text: plain, escapes JSON must escape, UTF-8, bytes that are not UTF-8, and bad escapes. */
const PIECES = ['a', 'Z9', '+', '%20', '%22', '%5C', '%2F', '%0A', '%0D', '%09', '%01', '%1F', '%7F', '%C3%A9', '%E2%82%AC', '%F0%9F%98%80',
  '%E0%A4', '%FF', '%00', '%zz', '%', '%2', '&', '=', '%26', '%3D'];
const NUMBERS = ['0', '-0', '1', '-1', '1.5', '0.1', '1e308', '-1e308', '5e-324', '1e-7', '123456789012345678901', '0x1F', ' 7 ', '1e', 'nan', 'inf', '', 'x'];

function text(r: () => number, max: number): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

function randomPaths(seed: number, count: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 6) {
      case 0: out.push(`/items/${text(r, 4) || 'x'}/${text(r, 3) || 'y'}?page=${text(r, 3)}`); break;
      case 1: out.push(`/scalars?s=${text(r, 5)}&x=${pick(NUMBERS)}&b=${pick(['1', '0', ''])}&t=${text(r, 2)}`); break;
      case 2: out.push(`/bytes?s=${text(r, 6)}`); break;
      case 3: out.push(`/list?n=${pick(['0', '1', '2', '7', '-3', '2.5', 'nan', '100'])}`); break;
      case 4: out.push(`/rows?s=${text(r, 5)}&n=${pick(['0', '1', '3', '40', '2.5', '-1'])}`); break;
      default: out.push(`/caught/${text(r, 3) || 'z'}`); break;
    }
  }
  return out;
}

/** Requests whose headers matter (repeated headers, case), sent raw. */
const RAW: readonly string[] = [
  'GET /items/a/b?page=1 HTTP/1.1\r\nHost: x\r\nX-Multi: one\r\nx-multi: two\r\n\r\n',
  'GET /items/%C3%A9/%E2%82%AC HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /items/%zz/b HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /items/a/%00 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /items/a/b?page=%E0%A4 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /touched/7 HTTP/1.1\r\nHost: x\r\nX-A: from client\r\n\r\n',
  'GET /whole HTTP/1.1\r\nHost: x\r\nX-B: 2\r\nX-A: 1\r\nx-a: 3\r\n\r\n',
  'GET /outer HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /built?id=q%22 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /swap?on=1 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /built?id=after HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /list?n=3 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /swap?on=0 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /built?id=back HTTP/1.1\r\nHost: x\r\n\r\n',
];

/** A reply with what differs between runs (date, generated request id) taken out. */
function normal(r: { head: string; body: string }): string {
  return r.head.replace(/\r\nDate: [^\r]*/i, '').replace(/\r\nx-request-id: [^\r]*/i, '') + '\r\n\r\n' + r.body;
}

describe('direct reads and JSON text agree with the tables', () => {
  let servers: RunningServer[] = [];
  before(async () => {
    servers = await Promise.all([
      startServer(APP, 'interpreted'),
      startServer(APP, 'compiled'),
      startServer(APP, 'compiled', [], { ROVERC_JSON: 'generic' }),
    ]);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  async function replies(request: string): Promise<string[]> {
    const out: string[] = [];
    for (const s of servers) {
      const c = await RawConnection.open(s.url);
      try {
        out.push(normal(await c.send(request)));
      } finally {
        c.socket.destroy();
      }
    }
    return out;
  }

  async function same(request: string): Promise<string> {
    const [interpreted, compiled, generic] = await replies(request);
    assert.equal(compiled, interpreted, `compiled differs from interpreted for ${JSON.stringify(request)}`);
    // the generic encoder writes {} for an empty sequence the serializers write as [] (the documented difference)
    if (generic !== interpreted) {
      const body = (r: string) => r.slice(r.indexOf('\r\n\r\n'));
      assert.ok(emptySequencesOnly(body(interpreted), body(generic)) > 0, `compiled with the generic encoder differs for ${JSON.stringify(request)}:\n${generic}\n${interpreted}`);
    }
    return interpreted;
  }

  it('headers, parameters, bad escapes, tables changed by Lua, api.json replaced', async () => {
    const answers: string[] = [];
    for (const request of RAW) answers.push(await same(request));
    assert.match(answers[0], /"upper":"one, two","multi":"one, two"/);
    assert.match(answers[2], /^HTTP\/1.1 400 [^]*Invalid path parameter 'id': malformed percent-encoding/);
    assert.match(answers[3], /contains a NUL byte/);
    assert.match(answers[4], /Invalid query string: not valid UTF-8/);
    assert.match(answers[5], /"before":"7","after":"changed","header":"set by lua"/);
    assert.match(answers[6], /"names":\["x-a","x-b"\],"a":"1, 3"/);
    assert.match(answers[7], /\{"got":"inner","method":"GET"\}/);
    assert.match(answers[10], /"wrapped":true/);
    assert.doesNotMatch(answers[13], /wrapped/);
  });

  it('random parameters, queries and numbers (seeded)', async () => {
    const paths = randomPaths(20261205, 150);
    const statuses = new Set<string>();
    for (const p of paths) {
      const answer = await same(`GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`);
      statuses.add(answer.slice(9, 12));
    }
    // both good and refused requests were made
    assert.ok(statuses.has('200') && statuses.has('400'), [...statuses].join(','));
  });
});
