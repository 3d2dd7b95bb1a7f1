// A second SIGTERM/SIGINT during the graceful drain ends the process at once and cleanly:
// exit 128 + the signal's number, no native assertion, no core. Checked for `roverc serve`
// and a built server.js, with one worker and with --workers 2, while an upload is still
// arriving (so the drain waits for it: up to 5 s).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildExample } from '../../compiler/tools/build-out.js';
import { ROOT } from '../support/paths.js';
import { startBuiltServer, startServer, type RunningServer } from './support.js';

const CRUD = 'fixtures/http/crud/app.lua';

/** Opens a connection and sends a POST whose body never completes; resolves once the server has its head. */
async function pendingUpload(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write('POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":');
  // the server reads the head and starts waiting for the rest of the body
  await new Promise((resolve) => setTimeout(resolve, 300));
  return socket;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function doubleSignal(server: RunningServer, signal: 'SIGTERM' | 'SIGINT', uploads: number): Promise<void> {
  const sockets = await Promise.all(Array.from({ length: uploads }, () => pendingUpload(server.url)));
  try {
    server.proc.kill(signal);
    await sleep(400);
    assert.equal(server.proc.exitCode, null, 'the first signal must start a drain that waits for the upload');
    const sent = performance.now();
    server.proc.kill(signal);
    const { code, signal: killedBy } = await server.exited;
    const ms = performance.now() - sent;
    assert.equal(killedBy, null, `ended by ${killedBy}, stderr:\n${server.stderr()}`);
    assert.equal(code, signal === 'SIGINT' ? 130 : 143, `stderr:\n${server.stderr()}`);
    assert.ok(ms < 2000, `the second signal took ${ms.toFixed(0)} ms to end the process`);
    assert.doesNotMatch(server.stderr(), /uv_loop_close|Assertion|open handles|Aborted/);
    assert.equal(server.stderr(), '');
  } finally {
    for (const s of sockets) s.destroy();
  }
}

describe('a second signal during the drain', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'roverc-shutdown-'));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      buildExample('crud', dir);
    } finally {
      process.chdir(cwd);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('roverc serve: SIGINT twice exits 130', async () => {
    await doubleSignal(await startServer(CRUD, 'interpreted'), 'SIGINT', 1);
  });

  it('roverc serve --workers 2: SIGTERM twice exits 143', async () => {
    // two uploads, so that both workers are likely to hold one
    await doubleSignal(await startServer(CRUD, 'interpreted', ['--workers', '2']), 'SIGTERM', 2);
  });

  it('server.js: SIGTERM twice exits 143', async () => {
    await doubleSignal(await startBuiltServer(path.join(dir, 'server.js'), [], dir), 'SIGTERM', 1);
  });

  it('server.js --workers 2: SIGINT twice exits 130', async () => {
    await doubleSignal(await startBuiltServer(path.join(dir, 'server.js'), ['--workers', '2'], dir), 'SIGINT', 2);
  });

  it('one signal still drains: the upload finishes and the process exits 0', async () => {
    const server = await startBuiltServer(path.join(dir, 'server.js'), [], dir);
    const socket = await pendingUpload(server.url);
    let reply = '';
    socket.on('data', (d: Buffer) => { reply += d.toString('latin1'); });
    server.proc.kill('SIGTERM');
    await sleep(300);
    socket.write('"Ada","email":"ada@example.com"}'.padEnd(100 - '{"name":'.length, ' '));
    const { code } = await server.exited;
    socket.destroy();
    assert.equal(code, 0, server.stderr());
    assert.match(reply, /^HTTP\/1\.1 201 Created/);
  });
});

it('a worker stuck in Lua code: a second signal ends the process by that signal after 2 s, without an abort', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'roverc-stuck-'));
  try {
    writeFileSync(path.join(dir, 'app.lua'), 'local api = rover.server { log_level = "nope" }\nfunction api.spin.get(ctx)\n  while true do end\nend\nreturn api\n');
    const server = await startServer(path.join(dir, 'app.lua'), 'interpreted');
    fetch(`${server.url}/spin`).catch(() => {});
    await sleep(500);
    server.proc.kill('SIGTERM');
    await sleep(300);
    assert.equal(server.proc.exitCode, null);
    server.proc.kill('SIGTERM');
    const { code, signal } = await server.exited;
    assert.equal(code, null);
    assert.equal(signal, 'SIGTERM');
    assert.equal(server.stderr(), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
