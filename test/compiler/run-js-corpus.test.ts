// The deploy path: corpus programs built with `roverc build` and run with `node run.js`, which
// the corpus test (`roverc run --mode compiled`) does not take: the program on its own thread,
// its modules loaded from the build folder, Lua compiled at run time, exit codes and uncaught
// errors. (The whole corpus passed this way once, 2026-12-06; these cover each of those parts.)
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from '../../compiler/build.js';
import { CORPUS } from '../support/paths.js';
import { errorReport, runBuilt } from '../support/run-lua.js';

const PROGRAMS = [
  '055_recursion', // deep recursion
  '075_stack_overflow',
  '088_io_files',
  '090_require', // modules compiled beside the entry
  '091_dofile_loadfile', // Lua compiled at run time: the interpreter loads on demand
  '128_uncaught_runtime_nested', // an uncaught error's report
  '135_uncaught_in_coroutine_wrap',
  '136_os_exit_code',
  '148_main_chunk_varargs',
  '161_io_read_formats', // stdin
  '231_require_path',
  '327_recursive_frames',
];

let out: string;
before(() => {
  out = mkdtempSync(path.join(tmpdir(), 'roverc-runjs-'));
  process.chdir(CORPUS); // chunk names are the paths as luajit was given them
  for (const p of PROGRAMS) build(`${p}.lua`, path.join(out, p));
});
after(() => rmSync(out, { recursive: true, force: true }));

describe('corpus programs run by their build\'s run.js', { concurrency: 2 }, () => {
  for (const p of PROGRAMS) {
    it(p, async () => {
      const r = await runBuilt(path.join(out, p, 'run.js'), CORPUS);
      const base = path.join(CORPUS, p);
      const code = existsSync(base + '.code') ? Number(readFileSync(base + '.code', 'utf8').trim()) : 0;
      assert.equal(r.stdout.toString('latin1'), readFileSync(base + '.out', 'latin1'), 'stdout differs');
      assert.equal(r.code, code, `exit code differs (stderr: ${r.stderr})`);
      if (code !== 0 && existsSync(base + '.err')) assert.equal(errorReport(r.stderr), errorReport(readFileSync(base + '.err', 'utf8')));
    });
  }
});
