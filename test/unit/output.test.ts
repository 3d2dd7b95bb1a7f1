// Tests of the shared stdout/stderr sink: byte-exact output, buffering modes, capture,
// EAGAIN on non-blocking pipes and EPIPE. Child processes exercise the real descriptors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { captureOutput, flushAll, OutputStream, stderr, stdout, FLUSH_THRESHOLD } from '../../runtime/stdlib/output.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outputModule = path.resolve(here, '../../runtime/stdlib/output.js');
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

/** Runs an ES module snippet that has `stdout`, `stderr`, `flushAll` in scope. */
function childScript(body: string): string {
  return `import { stdout, stderr, flushAll } from ${JSON.stringify(outputModule)};\n${body}\nflushAll();`;
}

test('captureOutput collects stdout and stderr as byte strings', () => {
  const r = captureOutput(() => {
    stdout.write('héllo ');
    stdout.write(ALL_BYTES);
    stderr.write('warn\n');
    return 42;
  });
  assert.equal(r.result, 42);
  assert.equal(r.stdout, 'héllo ' + ALL_BYTES);
  assert.equal(r.stderr, 'warn\n');
});

test('captures nest and are undone when the function throws', () => {
  const outer = captureOutput(() => {
    stdout.write('a');
    const inner = captureOutput(() => stdout.write('b'));
    assert.equal(inner.stdout, 'b');
    stdout.write('c');
    assert.throws(() => captureOutput(() => {
      stdout.write('lost');
      throw new Error('boom');
    }), /boom/);
    stdout.write('d');
  });
  assert.equal(outer.stdout, 'acd');
  assert.equal(stdout.redirected, false);
  assert.equal(stderr.redirected, false);
});

test('redirect streams to a sink and back', () => {
  const seen: string[] = [];
  const prev = stdout.redirect((s) => seen.push(s));
  stdout.write('x');
  stdout.write('');
  stdout.write('y');
  stdout.redirect(prev);
  assert.deepEqual(seen, ['x', 'y']);
});

test('buffering modes on a file descriptor', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roverc-out-'));
  try {
    const file = path.join(dir, 'out');
    const fd = fs.openSync(file, 'w');
    const read = (): string => fs.readFileSync(file, 'latin1');
    const s = new OutputStream(fd, 'full');
    s.write('abc');
    assert.equal(read(), '', 'full buffering keeps small writes');
    s.write('x'.repeat(FLUSH_THRESHOLD));
    assert.equal(read().length, 3 + FLUSH_THRESHOLD, 'past the threshold everything is written');
    s.mode = 'line';
    s.write('no newline');
    assert.equal(read().length, 3 + FLUSH_THRESHOLD);
    s.write(' then\n');
    assert.ok(read().endsWith('no newline then\n'));
    s.mode = 'no';
    s.write(ALL_BYTES);
    assert.ok(read().endsWith(ALL_BYTES), 'bytes are written as latin1');
    assert.equal(s.written, read().length);
    fs.closeSync(fd);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('child output is byte exact, large and small writes', () => {
  const script = childScript(`
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
    for (let i = 0; i < 2000; i++) stdout.write(all);
    stdout.write('x'.repeat(300000));
    stdout.write('end');`);
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.stderr.toString(), '');
  const out = r.stdout.toString('latin1');
  assert.equal(out, ALL_BYTES.repeat(2000) + 'x'.repeat(300000) + 'end');
});

test('stderr flushes stdout first so the two interleave in program order', () => {
  const script = childScript(`
    stdout.write('1 out\\n');
    stderr.write('2 err\\n');
    stdout.write('3 out\\n');
    stderr.write('4 err\\n');
    stdout.write('5 out\\n');`);
  const file = path.join(os.tmpdir(), `roverc-out-${process.pid}.mjs`);
  fs.writeFileSync(file, script);
  try {
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${file}" 2>&1`]);
    assert.equal(r.stdout.toString(), '1 out\n2 err\n3 out\n4 err\n5 out\n');
  } finally {
    fs.rmSync(file, { force: true });
  }
});

test('a non-blocking pipe that fills up is retried (EAGAIN)', async () => {
  // Touching process.stdout makes libuv switch fd 1 to non-blocking mode.
  const script = childScript(`
    void process.stdout.writable;
    const chunk = 'abcdefghij'.repeat(10000);
    for (let i = 0; i < 200; i++) stdout.write(chunk);
    flushAll();
    stderr.write('done');`);
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pause(); // let the pipe fill before reading
  const chunks: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (b: Buffer) => chunks.push(b));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(err, 'done');
  assert.equal(code, 0);
  const out = Buffer.concat(chunks).toString('latin1');
  assert.equal(out.length, 200 * 100000);
  assert.equal(out, 'abcdefghij'.repeat(10000 * 200));
});

test('a closed pipe (EPIPE) drops the output instead of crashing', () => {
  const script = childScript(`
    for (let i = 0; i < 100; i++) { stdout.write('y'.repeat(100000)); flushAll(); }
    stderr.write('survived');`);
  const file = path.join(os.tmpdir(), `roverc-epipe-${process.pid}.mjs`);
  fs.writeFileSync(file, script);
  try {
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${file}" | head -c 10 >/dev/null`]);
    assert.equal(r.stderr.toString(), 'survived');
  } finally {
    fs.rmSync(file, { force: true });
  }
});

test('flushAll is safe to call repeatedly with nothing pending', () => {
  flushAll();
  flushAll();
});
