// `roverc build` writes a source map beside each emitted .js and .ts that points back at the
// Lua file (compiler/codegen/source-map.ts): a JS stack trace under --enable-source-maps, or
// a debugger, then shows the Lua line. Checked with Node's own source-map reader: the code of
// every Lua line that names a unique string maps back to that line.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { CLI } from '../support/paths.js';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roverc-map-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

// Each "Ln" string sits on Lua line n.
const PROGRAM = [
  'local t = { name = "L1" }',
  'local function outer(x)',
  '  local s = x .. "L3"',
  '  local inner = function(y)',
  '    return y .. "L5"',
  '  end',
  '  if #s > 100 then',
  '    s = s .. "L8"',
  '  elseif #s > 50 then',
  '    s = s .. "L10"',
  '  end',
  '  return inner(s) .. "L12"',
  'end',
  'for i = 1, 2 do',
  '  t[i] = outer(i .. "L15")',
  'end',
  'print(t[1], t[2], "L17")',
  '',
].join('\n');

function build(): string {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'prog.lua'), PROGRAM);
  const out = path.join(dir, 'out');
  execFileSync(process.execPath, [CLI, 'build', 'src/prog.lua', '--out', out], { cwd: dir });
  return out;
}

/** For each `"Ln"` in the generated text, the Lua line its position maps back to. */
function mappedLines(code: string, map: SourceMap): Map<number, number | undefined> {
  const found = new Map<number, number | undefined>();
  code.split('\n').forEach((text, line) => {
    for (const m of text.matchAll(/"L(\d+)"/g)) {
      const entry = map.findEntry(line, m.index!) as { originalLine?: number; originalSource?: string };
      assert.ok(entry.originalSource?.endsWith('src/prog.lua'), `source of line ${line + 1}: ${entry.originalSource}`);
      found.set(Number(m[1]), entry.originalLine === undefined ? undefined : entry.originalLine + 1);
    }
  });
  return found;
}

it('the .js and .ts of a module map each Lua statement back to its line', () => {
  const out = build();
  for (const ext of ['js', 'ts']) {
    const code = readFileSync(path.join(out, `prog.${ext}`), 'utf8');
    assert.ok(code.endsWith(`//# sourceMappingURL=prog.${ext}.map\n`), `prog.${ext} names its map`);
    const payload = JSON.parse(readFileSync(path.join(out, `prog.${ext}.map`), 'utf8')) as { sources: string[]; sourcesContent: string[] };
    assert.deepEqual(payload.sources, ['../src/prog.lua']);
    assert.deepEqual(payload.sourcesContent, [PROGRAM], 'the map carries the Lua text (a copied bundle still shows it)');
    const lines = mappedLines(code, new SourceMap(payload as never));
    for (const n of [1, 3, 5, 8, 10, 12, 15, 17]) assert.equal(lines.get(n), n, `"L${n}" in prog.${ext}`);
  }
});

it('a JS stack trace under --enable-source-maps names the Lua file and line', () => {
  const out = build();
  // a JS error thrown from compiled code (print replaced by a JS function that throws)
  const probe = path.join(out, 'probe.mjs');
  writeFileSync(probe, [
    "import { programGlobals } from './roverc/runtime/interp/run-file.js';",
    "import load from './prog.js';",
    "const G = programGlobals('src/prog.lua');",
    "G.setStr('print', () => { throw new Error('from print'); });",
    'try { load(G)(); } catch (e) { console.log(e.stack); }',
  ].join('\n'));
  const r = spawnSync(process.execPath, ['--enable-source-maps', probe], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /src\/prog\.lua:17\b/);
});
