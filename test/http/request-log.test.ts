// The request log: lines are buffered (no write per request, even on a terminal), written at
// least every 100 ms and at shutdown, in request order and in order with Lua's print output.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { FLUSH_MS, RequestLog } from '../../runtime/http/log.js';
import { stdout } from '../../runtime/stdlib/output.js';
import { startServer } from './support.js';

describe('RequestLog buffering', () => {
  it('writes buffered lines at least every 100 ms while open, and once more at close', () => {
    assert.ok(FLUSH_MS <= 100);
    mock.timers.enable({ apis: ['setInterval'] });
    const mode = stdout.mode;
    try {
      let flushes = 0;
      const log = new RequestLog('info', () => { flushes++; });
      stdout.mode = 'line'; // as on a terminal
      log.open();
      assert.equal(stdout.mode, 'full', 'no write per line while serving');
      mock.timers.tick(100);
      assert.ok(flushes >= 1, 'nothing written within 100 ms');
      const before = flushes;
      log.close();
      assert.equal(flushes, before + 1, 'close writes what is left');
      assert.equal(stdout.mode, 'line', 'close restores line buffering');
      mock.timers.tick(1000);
      assert.equal(flushes, before + 1, 'no timer after close');
    } finally {
      stdout.mode = mode;
      mock.timers.reset();
    }
  });

  it('log_level nope keeps no timer and leaves stdout alone', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const mode = stdout.mode;
    try {
      let flushes = 0;
      const log = new RequestLog('nope', () => { flushes++; });
      stdout.mode = 'line';
      log.open();
      assert.equal(stdout.mode, 'line');
      mock.timers.tick(1000);
      assert.equal(flushes, 0);
    } finally {
      stdout.mode = mode;
      mock.timers.reset();
    }
  });
});

describe('request log lines from a running server', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'roverc-log-'));
    writeFileSync(path.join(dir, 'app.lua'), [
      'local api = rover.server { log_level = "info" }',
      'function api.stop.get(ctx)',
      '  print("stopping")',
      '  os.exit(3)',
      'end',
      'function api.n.p_i.get(ctx)',
      '  print("handler " .. ctx:params().i)',
      '  return { i = ctx:params().i }',
      'end',
      'return api',
      '',
    ].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expected = (from: number, to: number) => {
    const lines: RegExp[] = [];
    for (let i = from; i <= to; i++) lines.push(new RegExp(`^handler ${i}$`), new RegExp(`^GET /n/${i} 200 \\d+\\.\\d\\dms$`));
    return lines;
  };

  const checkLines = (out: string, patterns: RegExp[]) => {
    const lines = out.split('\n').filter((l) => l !== '' && !l.startsWith('listening on'));
    assert.equal(lines.length, patterns.length, out);
    lines.forEach((l, i) => assert.match(l, patterns[i], `line ${i + 1} of\n${out}`));
  };

  for (const mode of ['interpreted', 'compiled'] as const) {
    it(`${mode}: lines arrive while serving, in order, and the last ones at shutdown`, async () => {
      const server = await startServer(path.join(dir, 'app.lua'), mode);
      try {
        for (let i = 1; i <= 20; i++) assert.equal((await fetch(`${server.url}/n/${i}`)).status, 200);
        // written by the timer, not at shutdown: wait for them while the server runs
        const deadline = Date.now() + 5000;
        while (server.stdout().split('\n').length < 42 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        checkLines(server.stdout(), expected(1, 20));
        for (let i = 21; i <= 30; i++) assert.equal((await fetch(`${server.url}/n/${i}`)).status, 200);
      } finally {
        const { code } = await server.stop('SIGTERM');
        assert.equal(code, 0);
      }
      checkLines(server.stdout(), expected(1, 30));
    });

    it(`${mode}: os.exit in a handler: the lines before it and its own are written`, async () => {
      const server = await startServer(path.join(dir, 'app.lua'), mode);
      for (let i = 1; i <= 3; i++) assert.equal((await fetch(`${server.url}/n/${i}`)).status, 200);
      assert.equal((await fetch(`${server.url}/stop`)).status, 503);
      const { code } = await server.exited;
      assert.equal(code, 3);
      checkLines(server.stdout(), [...expected(1, 3), /^stopping$/, /^GET \/stop 503 \d+\.\d\dms$/]);
    });
  }
});

describe('request durations', () => {
  it('are printed exactly as toFixed(2) prints them', async () => {
    const { durationField, millis } = await import('../../runtime/http/log.js');
    const samples = [0, 0.004, 0.005, 0.015, 0.125, 1.005, 0.285, 9.995, 99.999, 12345.675, 1e8 + 0.125, 2e9];
    let seed = 42;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      samples.push((seed / 2147483648) * (i % 3 === 0 ? 1 : i % 3 === 1 ? 100 : 10000));
      samples.push(Math.round(seed % 100000) / 1000); // values with three decimals: ties in decimal
    }
    for (const ms of samples) assert.equal(millis(ms), ms.toFixed(2), `${ms}`);
    // the line's end, made once per hundredth: twice each, the second from what the first kept
    for (const ms of [...samples, ...samples]) assert.equal(durationField(ms), `${ms.toFixed(2)}ms\n`, `${ms}`);
  });
});
