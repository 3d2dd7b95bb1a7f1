// The live comparisons run only against the luajit build the recordings came from: another
// build (OpenResty's luajit2 prints bit.tohex(x, 255) and -0 otherwise) is skipped with a note.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { FINGERPRINT, probeLuajit } from '../support/luajit-build.js';
import { ROOT } from '../support/paths.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'roverc-luajit-build-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in `luajit` that prints `text` whatever it runs. */
function fakeLuajit(name: string, text: string): string {
  const bin = path.join(dir, name);
  writeFileSync(path.join(dir, name + '.txt'), text, 'latin1');
  writeFileSync(bin, `#!/bin/sh\ncat '${path.join(dir, name + '.txt')}'\n`);
  chmodSync(bin, 0o755);
  return bin;
}

const recorded = readFileSync(FINGERPRINT, 'latin1');

test('the recording build is live', () => {
  const r = probeLuajit(fakeLuajit('same', recorded));
  assert.deepEqual(r, { installed: true, live: true, note: undefined });
});

test('another build (different -0 printing) is skipped with a one-line note', () => {
  const lines = recorded.split('\n');
  const at = lines.findIndex((l) => l.startsWith('-0'));
  assert.ok(at >= 0, 'the fingerprint probes -0');
  lines[at] = lines[at].replaceAll('-0', '0');
  const r = probeLuajit(fakeLuajit('other', lines.join('\n')));
  assert.equal(r.installed, true);
  assert.equal(r.live, false);
  assert.match(r.note ?? '', new RegExp(`^the installed luajit is not the build the recordings came from \\(fingerprint line ${at + 1}: .*live comparison skipped$`));
  assert.ok(!(r.note ?? '').includes('\n'));
});

test('a missing luajit is not live', () => {
  const r = probeLuajit(path.join(dir, 'no-such-luajit'));
  assert.equal(r.installed, false);
  assert.equal(r.live, false);
});

test('the test helpers see another build on the PATH as not live', () => {
  const bin = path.join(dir, 'path');
  execFileSync('mkdir', ['-p', bin]);
  const fake = fakeLuajit('path/luajit', recorded.replace('FFFFFFFF', 'ffffffff'));
  assert.ok(fake.endsWith('/luajit'));
  const script = `import { hasLuajit } from ${JSON.stringify(path.join(ROOT, 'dist/test/support/run-lua.js'))};\n` +
    `import { luajitBuild } from ${JSON.stringify(path.join(ROOT, 'dist/test/support/luajit-build.js'))};\n` +
    'console.log(hasLuajit(), luajitBuild().installed);';
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    encoding: 'utf8',
  });
  assert.equal(out.trim(), 'false true');
});
