// `roverc build` of an app gives a server.js that plain node runs (no compiler loaded), and
// it answers like `roverc serve`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { buildExample } from '../../compiler/tools/build-out.js';
import { ROOT } from '../support/paths.js';
import { startBuiltServer, type RunningServer } from './support.js';

let server: RunningServer;
let dir: string;

before(async () => {
  // Inside the repository, so that node finds uwebsockets in its node_modules.
  dir = mkdtempSync(path.join(ROOT, 'out', '.test-'));
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    buildExample('crud', dir);
  } finally {
    process.chdir(cwd);
  }
  server = await startBuiltServer(path.join(dir, 'server.js'));
});

after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the CRUD app: create, read, list with a query, delete', async () => {
  const created = await fetch(`${server.url}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada', email: 'ada@example.com' }),
  });
  assert.equal(created.status, 201);
  const user = await created.json() as { id: number };
  const read = await fetch(`${server.url}/users/${user.id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(await read.json(), { id: user.id, name: 'Ada', email: 'ada@example.com', role: 'member' });
  const list = await fetch(`${server.url}/users?limit=1`);
  assert.equal(((await list.json()) as { count: number }).count, 1);
  assert.equal((await fetch(`${server.url}/users/${user.id}`, { method: 'DELETE' })).status, 204);
  assert.equal((await fetch(`${server.url}/users/${user.id}`)).status, 404);
});

it('stops cleanly on SIGTERM', async () => {
  const { code } = await server.stop('SIGTERM');
  assert.equal(code, 0);
});

it('serves from several workers sharing one port (--workers 2)', async () => {
  const many = await startBuiltServer(path.join(dir, 'server.js'), ['--workers', '2']);
  try {
    assert.match(many.stdout(), /listening on http:\/\/127\.0\.0\.1:\d+ \(2 workers\)/);
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${many.url}/users`).then((r) => r.status)));
    assert.deepEqual(answers, Array(8).fill(200));
  } finally {
    const { code } = await many.stop('SIGTERM');
    assert.equal(code, 0);
  }
});
