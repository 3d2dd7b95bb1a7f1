// rover.env with a .env file beside the app (the real environment wins), and rover.config
// (load a Lua file, from_env into a nested table), in both modes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDotEnv } from '../../runtime/http/env.js';
import { HTTP_FIXTURES, MODES, send, startServer, type RunningServer } from './support.js';

describe('env app', () => {
  let servers: RunningServer[] = [];
  before(async () => {
    servers = await Promise.all(MODES.map((m) => startServer(path.join(HTTP_FIXTURES, 'env/app.lua'), m, [], { OVERRIDDEN: 'from-environment' })));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  const cases: [string, unknown][] = [
    ['/env', { app: 'rover-demo', greeting: 'hello from .env', overridden: 'from-environment' }],
    ['/settings', { page_size: 20, search: true, db: { host: 'db.local', port: '5432' } }],
    ['/readonly', { ok: false, err: "fixtures/http/env/app.lua:25: rover.env is read-only - cannot set 'APP_NAME'" }],
  ];
  for (const [p, expected] of cases) {
    it(`GET ${p}`, async () => {
      const bodies = [];
      for (const s of servers) {
        const r = await send(s.url, { path: p });
        assert.equal(r.status, 200, `${s.mode} ${r.body}`);
        assert.deepEqual(JSON.parse(r.body), expected, s.mode);
        bodies.push(r.body);
      }
      assert.equal(bodies[1], bodies[0]);
    });
  }
});

it('parseDotEnv: comments, export, quotes, inline comments', () => {
  assert.deepEqual([...parseDotEnv('# c\nA=1\nexport B = two \nC="x # y"\nD=\'q\'\nE=v # note\nnot a line\n')],
    [['A', '1'], ['B', 'two'], ['C', 'x # y'], ['D', 'q'], ['E', 'v']]);
});
