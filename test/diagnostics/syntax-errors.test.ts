// Syntax and scope errors: `file:line:col: message`, a code frame with a caret, exit code 1,
// and never a JS stack trace; bad files get one clear line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CLI } from '../support/paths.js';

interface Case {
  source: string;
  line: number;
  col: number;
  message: string;
}

const cases: Case[] = [
  { source: 'local x = 1 +\n', line: 2, col: 1, message: "unexpected symbol near '<eof>'" },
  { source: 'local x = "abc\nprint(x)', line: 1, col: 15, message: `unfinished string near '"abc'` }, // luajit: the string's line
  { source: 'for i=1 do end', line: 1, col: 9, message: "',' expected near 'do'" },
  { source: 'goto nope', line: 1, col: 1, message: "undefined label 'nope'" },
  { source: 'x = = 2', line: 1, col: 5, message: "unexpected symbol near '='" },
  { source: 'if x then\nprint(1)\n', line: 3, col: 1, message: "'end' expected near '<eof>'" },
  { source: 'local function f(\nend', line: 2, col: 1, message: "<name> or '...' expected near 'end'" },
  { source: 'print("a" "b")', line: 1, col: 11, message: `')' expected near '"b"'` },
  { source: 'local t = {1, 2\nprint(t)', line: 2, col: 1, message: "'}' expected near 'print'" },
  { source: 'x = 3 +* 4', line: 1, col: 8, message: "unexpected symbol near '*'" },
  { source: 'f(', line: 1, col: 3, message: "')' expected near '<eof>'" },
  { source: 'while true do\n  local y = \nend', line: 3, col: 1, message: "unexpected symbol near 'end'" },
  { source: 'do local x = 1 goto l; local y = 2 ::l:: print(y) end', line: 1, col: 16, message: "<goto l> jumps into the scope of local 'y'" },
  { source: '::a:: ::a::', line: 1, col: 9, message: "duplicate label 'a'" },
  { source: 'print(...)\nfunction g() return ... end', line: 2, col: 21, message: "cannot use '...' outside a vararg function near '...'" },
  { source: 'break', line: 1, col: 6, message: "no loop to break near '<eof>'" },
  { source: 'x = [[never closed', line: 1, col: 19, message: "unfinished long string near '<eof>'" },
  { source: 'a.b:c = 1', line: 1, col: 7, message: "function arguments expected near '='" },
  { source: 'local s = "héllo" +* 1', line: 1, col: 21, message: "unexpected symbol near '*'" },
  { source: 'local n = 1LL', line: 1, col: 11, message: "unsupported LuaJIT FFI number literal '1LL' (roverc has no cdata)" },
];

function roverc(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'roverc-diag-'));

describe('syntax error diagnostics', { concurrency: 2 }, () => {
  cases.forEach((c, i) => {
    for (const command of ['run', 'check']) {
      it(`${command}: ${JSON.stringify(c.source)}`, async () => {
        const file = `case${i}.lua`;
        writeFileSync(path.join(dir, file), c.source);
        const r = await roverc([command, file], dir);
        assert.equal(r.code, 1);
        assert.equal(r.stdout, '');
        const lines = r.stderr.split('\n');
        assert.equal(lines[0], `${file}:${c.line}:${c.col}: ${c.message}`);
        // The code frame: the offending line, then a caret under the column.
        const sourceLine = c.source.split('\n')[c.line - 1];
        assert.equal(lines[1], `${c.line} | ${sourceLine}`);
        const caretColumn = Buffer.from(Buffer.from(sourceLine, 'utf8').subarray(0, c.col - 1)).toString('utf8').length;
        assert.equal(lines[2], `${' '.repeat(String(c.line).length)} | ${' '.repeat(caretColumn)}^`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no JS stack trace');
      });
    }
  });
});

describe('unusable files', () => {
  it('reports a missing file in one line', async () => {
    const r = await roverc(['run', 'does-not-exist.lua'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'roverc: does-not-exist.lua: no such file\n');
  });

  it('reports a directory in one line', async () => {
    mkdirSync(path.join(dir, 'folder.lua'), { recursive: true });
    const r = await roverc(['run', 'folder.lua'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'roverc: folder.lua: is a directory, not a Lua file\n');
  });

  it('reports non-UTF-8 source in one line', async () => {
    writeFileSync(path.join(dir, 'latin1.lua'), Buffer.from([0x70, 0x72, 0x69, 0x6e, 0x74, 0x28, 0x22, 0xe9, 0x22, 0x29]));
    const r = await roverc(['check', 'latin1.lua'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'roverc: latin1.lua: not valid UTF-8 text\n');
  });

  it('accepts a byte-order mark and a shebang line', async () => {
    writeFileSync(path.join(dir, 'bom.lua'), '\ufeffprint("bom ok")');
    writeFileSync(path.join(dir, 'shebang.lua'), '#!/usr/bin/env luajit\nprint("shebang ok")');
    assert.equal((await roverc(['run', 'bom.lua'], dir)).stdout, 'bom ok\n');
    assert.equal((await roverc(['run', 'shebang.lua'], dir)).stdout, 'shebang ok\n');
  });
});
