// The Lua corpus: every program must print exactly what luajit printed (recorded in
// NAME.out, NAME.code, NAME.err: the message and traceback of an uncaught error), in every mode; with luajit installed the recording is
// also checked against a live run.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { compileCached } from '../../compiler/run-compiled.js';
import { luajitBuild } from '../support/luajit-build.js';
import { CORPUS } from '../support/paths.js';
import { errorReport, hasLuajit, MODES, runLuajit, runRoverc, type RunResult } from '../support/run-lua.js';

interface Expected {
  stdout: Buffer;
  code: number;
  error: string | undefined;
}

function expected(name: string): Expected {
  const base = path.join(CORPUS, name);
  const code = existsSync(base + '.code') ? Number(readFileSync(base + '.code', 'utf8').trim()) : 0;
  return {
    stdout: readFileSync(base + '.out'),
    code,
    error: code !== 0 && existsSync(base + '.err') ? errorReport(readFileSync(base + '.err', 'utf8')) : undefined,
  };
}

function assertSame(actual: RunResult, want: Expected, what: string): void {
  assert.equal(actual.stdout.toString('latin1'), want.stdout.toString('latin1'), `${what}: stdout differs`);
  assert.equal(actual.code, want.code, `${what}: exit code differs (stderr: ${actual.stderr})`);
  if (want.error !== undefined) assert.equal(errorReport(actual.stderr), want.error, `${what}: error report (message and traceback) differs`);
}

const programs = readdirSync(CORPUS).filter((f) => f.endsWith('.lua')).sort();

describe('Lua corpus', { concurrency: 2 }, () => {
  // Compile every program once in this process (typescript and ts-morph load once), so that
  // each `roverc run --mode compiled` below finds its cache entry instead of compiling.
  before(async () => {
    if (!(MODES as readonly string[]).includes('compiled')) return;
    process.chdir(CORPUS); // chunk names are the paths as the runs below give them
    for (const p of programs) {
      try {
        await compileCached(p);
      } catch {
        // programs with syntax errors: their runs report the diagnostic
      }
    }
  });

  it('has the recorded programs', () => {
    assert.ok(programs.length >= 150, `only ${programs.length} programs`);
    for (const p of programs) assert.ok(existsSync(path.join(CORPUS, p.replace(/\.lua$/, '.out'))), `${p} has no .out`);
  });

  const build = luajitBuild();
  if (build.installed && !build.live) it('recordings match live luajit', { skip: build.note }, () => {});

  for (const program of programs) {
    const name = program.replace(/\.lua$/, '');
    for (const mode of MODES) {
      it(`${program} (${mode})`, async () => {
        assertSame(await runRoverc(program, mode, CORPUS), expected(name), mode);
      });
    }
    if (hasLuajit()) {
      it(`${program} (recording matches live luajit)`, async () => {
        assertSame(await runLuajit(program, CORPUS), expected(name), 'luajit');
      });
    }
  }
});
