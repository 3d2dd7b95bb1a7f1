// `roverc serve` as a command: load errors exit 1 with a clear message (both modes), flags
// override the config, a taken port is an error, SIGTERM/SIGINT stop the server cleanly.
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HTTP_FIXTURES, MODES, RawConnection, runCli, send, startServer } from './support.js';

const ERRORS = path.join(HTTP_FIXTURES, 'load-errors');

const LOAD_ERRORS: [string, RegExp][] = [
  ['bad_method.lua', /^roverc: fixtures\/http\/load-errors\/bad_method\.lua: api\.users\.p_id\.gett: 'gett' is not an HTTP method/],
  ['p_alone.lua', /^roverc: fixtures\/http\/load-errors\/p_alone\.lua: api\.users\.p_: 'p_' needs a parameter name/],
  ['bad_value.lua', /^roverc: fixtures\/http\/load-errors\/bad_value\.lua: api\.settings\.version: expected a handler function or a table of routes, got a string/],
  ['no_return.lua', /^roverc: fixtures\/http\/load-errors\/no_return\.lua: the route file must return the table made by rover\.server/],
  ['bad_log_level.lua', /^roverc: fixtures\/http\/load-errors\/bad_log_level\.lua:1: rover\.server: invalid log_level 'loud' \(expected debug, info, warn, error or nope\)\nstack traceback:/],
  ['runtime_error.lua', /^roverc: fixtures\/http\/load-errors\/runtime_error\.lua:3: attempt to index local 'config' \(a nil value\)\nstack traceback:/],
  ['syntax.lua', /^fixtures\/http\/load-errors\/syntax\.lua:4:1: '}' expected near 'end'\n4 \| end\n  \| \^/],
  ['missing.lua', /^roverc: fixtures\/http\/load-errors\/missing\.lua: no such file/],
];

describe('roverc serve: load errors', () => {
  for (const mode of MODES) {
    for (const [file, expected] of LOAD_ERRORS) {
      it(`${mode}: ${file} exits 1 with a message`, async () => {
        const r = await runCli(['serve', path.join(ERRORS, file), '--mode', mode, '--port', '0']);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, expected);
        assert.equal(r.stdout, '');
      });
    }
  }
});

describe('roverc serve: command line', () => {
  it('rejects a bad --port', async () => {
    const r = await runCli(['serve', path.join(HTTP_FIXTURES, 'hello/app.lua'), '--port', 'http']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /expected a port number/);
  });

  it('--host and --port override the config; a taken port is an error', async () => {
    const s = await startServer(path.join(HTTP_FIXTURES, 'hello/app.lua'), 'interpreted');
    try {
      const { port } = new URL(s.url);
      assert.notEqual(port, '4242');
      const r = await runCli(['serve', path.join(HTTP_FIXTURES, 'hello/app.lua'), '--host', '127.0.0.1', '--port', port]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`^roverc: cannot listen on 127\\.0\\.0\\.1:${port}`));
    } finally {
      await s.stop();
    }
  });
});

function connect(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

/** Opens a connection and sends the start of a POST whose body is not complete yet. */
function startUpload(url: string, body: string, firstPart: number): Promise<{ socket: net.Socket; reply: Promise<string> }> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, firstPart)}`);
      let data = '';
      const reply = new Promise<string>((done) => {
        socket.on('data', (d) => {
          data += d.toString('latin1');
          if (/\r\n\r\n[\s\S]*$/.test(data) && data.endsWith(body)) done(data);
        });
        socket.on('close', () => done(data));
      });
      resolve({ socket, reply });
    });
  });
}

describe('roverc serve: stopping', () => {
  for (const mode of MODES) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`${mode}: ${signal} stops accepting, finishes the request in flight, exits 0`, async () => {
        const s = await startServer(path.join(HTTP_FIXTURES, 'bodies/app.lua'), mode);
        assert.equal((await send(s.url, { method: 'POST', path: '/echo', body: 'warm' })).body, 'warm');
        const upload = await startUpload(s.url, 'helloworld', 5);
        await new Promise((r) => setTimeout(r, 50));
        const exited = s.stop(signal);
        await new Promise((r) => setTimeout(r, 100));
        await assert.rejects(connect(s.url), /ECONNREFUSED/, 'a new connection after the signal is refused');
        upload.socket.write('world');
        const reply = await upload.reply;
        assert.match(reply, /^HTTP\/1\.1 200 OK\r\n/);
        assert.ok(reply.endsWith('\r\n\r\nhelloworld'), reply);
        upload.socket.destroy();
        const { code, signal: killedBy } = await exited;
        assert.equal(killedBy, null);
        assert.equal(code, 0);
      });
    }
  }

  for (const mode of MODES) {
    it(`${mode}: SIGTERM with uploads in flight, an aborted upload and idle keep-alive connections: the uploads finish, exit 0 at once`, async () => {
      const s = await startServer(path.join(HTTP_FIXTURES, 'hardening/app.lua'), mode);
      const idle = await RawConnection.open(s.url);
      assert.equal((await idle.send('GET /hello HTTP/1.1\r\nHost: x\r\n\r\n')).body, 'hello');
      const silent = await RawConnection.open(s.url);
      const sized = await RawConnection.open(s.url);
      sized.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello');
      const chunked = await RawConnection.open(s.url);
      chunked.write('POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n');
      const aborted = await RawConnection.open(s.url);
      aborted.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhel');
      await new Promise((r) => setTimeout(r, 100));
      const exited = s.stop('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      await assert.rejects(connect(s.url), /ECONNREFUSED/, 'a new connection after the signal is refused');
      aborted.destroy();
      await new Promise((r) => setTimeout(r, 100));
      sized.write('world');
      chunked.write('5\r\nworld\r\n0\r\n\r\n');
      for (const upload of [sized, chunked]) {
        const reply = await upload.read();
        assert.equal(reply.status, 200);
        assert.deepEqual(JSON.parse(reply.body), { bytes: 10 });
      }
      const finished = Date.now();
      const { code, signal } = await exited;
      assert.equal(signal, null);
      assert.equal(code, 0, s.stderr());
      assert.ok(Date.now() - finished < 2000, `exited ${Date.now() - finished} ms after the last upload (the idle connections must not hold it)`);
      for (const c of [idle, silent, sized, chunked]) {
        await c.rest(1000);
        c.destroy();
      }
    });
  }

  it('os.exit in a handler stops the server with its code (output flushed)', async () => {
    const s = await startServer(path.join(HTTP_FIXTURES, 'exit/app.lua'), 'interpreted');
    await fetch(s.url + '/stop').catch(() => undefined);
    const { code } = await s.exited;
    assert.equal(code, 3);
    assert.match(s.stdout(), /stopping\n$/);
  });

  it('an idle keep-alive connection does not keep the server running', async () => {
    const s = await startServer(path.join(HTTP_FIXTURES, 'hello/app.lua'), 'interpreted');
    const { port } = new URL(s.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((r) => socket.on('connect', () => r()));
    socket.write('GET /hello HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => socket.once('data', r));
    const started = Date.now();
    const { code } = await s.stop();
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 3000);
    socket.destroy();
  });
});
