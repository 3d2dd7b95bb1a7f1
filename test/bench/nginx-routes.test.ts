// The nginx contestant of the server group (bench/http/nginx/rover_routes.lua) without nginx:
// its JSON writers run under the reference luajit and must write what roverc writes
// (JavaScript's number digits, JSON.stringify's escapes, the keys' order); and the header
// comparison it is checked with. nginx itself is only run by the benchmark, where installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { comparable, headerSetComparable } from '../../bench/http/servers.js';
import { ROOT } from '../support/paths.js';

const NUMBERS = [0, -0, 1, -7, 1.5, 0.1 + 0.2, 1 / 3, 1e21, 1e-7, 1e-6, 123456789012345678, 2 ** 53, 1e14, 99999999999999.5, 1.5e300, -2.5e-300, 5e-324, Infinity, NaN];
const STRINGS = ['', 'plain', 'a/b', 'quote " and \\ backslash', 'tab\tnew\nline\r\u0001\u001f\u007f', 'caf\u00c3\u00a9'];

/** Runs Lua with rover_routes.lua loaded (and a stand-in for ngx) under the reference luajit; undefined if it cannot run. */
function runLua(body: string): string[] | undefined {
  const script = `package.path = ${JSON.stringify(path.join(ROOT, 'bench/http/nginx/?.lua') + ';')} .. package.path
local args = {}
ngx = { header = {}, req = { get_uri_args = function() return args end }, print = io.write }
local ok, R = pcall(require, "rover_routes")
if not ok then print("SKIP " .. tostring(R)) return end
${body}`;
  const run = spawnSync('luajit', ['-'], { input: script, encoding: 'latin1' });
  if (run.error !== undefined) return undefined;
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  return lines[0]?.startsWith('SKIP ') ? undefined : lines;
}

const luaString = (s: string) => `"${[...s].map((c) => `\\${c.charCodeAt(0)}`).join('')}"`;
const luaNumber = (x: number) => (Number.isNaN(x) ? '0/0' : x === Infinity ? '1/0' : Object.is(x, -0) ? '-0.0' : String(x));

describe('nginx contestant: JSON writers of rover_routes.lua', () => {
  it('write numbers and strings as roverc does, keys in its order', (t) => {
    const values = [...NUMBERS.map(luaNumber), ...STRINGS.map(luaString)];
    const lines = runLua(values.map((v) => `print(R.body("GET /users/:id", { id = ${v}, static = false }))`).join('\n'));
    if (lines === undefined) { t.skip('luajit with string.buffer is not installed'); return; }
    // roverc: JavaScript's digits for finite numbers, null otherwise; JSON.stringify's escapes for byte strings
    const want = [...NUMBERS.map((x) => (Number.isFinite(x) ? String(x) : 'null')), ...STRINGS.map((s) => JSON.stringify(s))];
    assert.deepEqual(lines, want.map((v) => `{"static":false,"id":${v}}`));
  });

  it("run the fixtures' handlers: the list, the echo with absent and repeated keys", (t) => {
    const app = (name: string) => JSON.stringify(path.join(ROOT, 'fixtures/http', name, 'app.lua'));
    const lines = runLua(`local list, small = R.handlers(${app('list')}), R.handlers(${app('small')})
print(list["GET /items"]())
args = { n = "0" } print(list["GET /items"]())
args = { a = "1", b = { "x", "two" } } print(small["GET /echo"]())
args = { b = true } print(small["GET /echo"]())
args = {} print(small["GET /echo"]())
print(small["GET /users/:id"]({ id = "42" }))`);
    if (lines === undefined) { t.skip('luajit with string.buffer is not installed'); return; }
    const items = Array.from({ length: 100 }, (_, k) => ({ id: k + 1, name: `item ${k + 1}`, price: (k + 1) * 1.5, in_stock: (k + 1) % 3 !== 0, tags: [`tag${(k + 1) % 5}`, 'all'] }));
    assert.deepEqual(lines, [
      JSON.stringify({ count: 100, items }),
      '{"count":0,"items":{}}', // roverc writes an empty table as {}
      '{"a":"1","b":"two"}',
      '{"b":""}',
      '{}',
      '{"static":false,"id":"42"}',
    ]);
  });
});

describe('nginx contestant: headerSetComparable', () => {
  const uws = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-request-id: d1bc5770-87d9-4529-8fd3-d242a6872972\r\nx-frame-options: DENY\r\n'
    + 'Date: Sun, 06 Dec 2026 03:25:56 GMT\r\nuWebSockets: 20\r\nContent-Length: 2\r\n\r\n{}';
  const nginx = 'HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Sun, 06 Dec 2026 03:25:57 GMT\r\nContent-Type: application/json\r\nContent-Length: 2\r\n'
    + 'Connection: keep-alive\r\nx-request-id: 0b083fbd-e143-4b0b-9e58-d99b2ffb6748\r\nx-frame-options: DENY\r\n\r\n{}';

  it("ignores the order, the names' case and the servers' own headers", () => {
    assert.notEqual(comparable(nginx), comparable(uws));
    assert.equal(headerSetComparable(comparable(nginx)), headerSetComparable(comparable(uws)));
  });

  it('still sees a different body, header value, missing header or status', () => {
    const same = headerSetComparable(uws);
    for (const changed of [nginx.replace('{}', '[]'), nginx.replace('DENY', 'deny'), nginx.replace('x-frame-options: DENY\r\n', ''), nginx.replace('200 OK', '201 Created')]) {
      assert.notEqual(headerSetComparable(changed), same);
    }
  });
});
