// Runs Lua programs through roverc (each mode) and through the luajit binary.
import { execFile, execFileSync } from 'node:child_process';
import { luajitBuild } from './luajit-build.js';
import { CLI } from './paths.js';

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number;
  /** Stopped by the timeout: the output is whatever it had written by then. */
  timedOut: boolean;
}

/** The execution modes every differential test covers. */
export const MODES = ['interpreted', 'compiled'] as const;
export type Mode = (typeof MODES)[number];

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { cwd, encoding: 'buffer', timeout: timeoutMs, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ stdout, stderr: stderr.toString('utf8'), code, timedOut: error?.killed === true });
      });
    child.stdin?.end();
  });
}

export function runRoverc(file: string, mode: Mode, cwd: string, timeoutMs = 30_000): Promise<RunResult> {
  return run(process.execPath, [CLI, 'run', file, '--mode', mode], cwd, timeoutMs);
}

/** Runs a build's `run.js` (`roverc build`'s output) with plain node, as a deployed program runs. */
export function runBuilt(runJs: string, cwd: string, timeoutMs = 30_000): Promise<RunResult> {
  return run(process.execPath, [runJs], cwd, timeoutMs);
}

export function runLuajit(file: string, cwd: string, timeoutMs = 30_000): Promise<RunResult> {
  return run('luajit', [file], cwd, timeoutMs);
}

/**
 * Whether live comparisons with luajit run: a luajit is on the PATH and it is the build the
 * recordings came from (luajit-build.ts); luajitBuild().note says why not.
 */
export function hasLuajit(): boolean {
  return luajitBuild().live;
}

/**
 * An uncaught error's message: stderr without the program-name prefix and the traceback.
 * roverc's syntax diagnostics add a column and a code frame to luajit's "file:line: msg";
 * both are dropped so the two compare.
 */
export function errorMessage(stderr: string): string {
  const text = errorReport(stderr);
  const cut = text.indexOf('\nstack traceback:');
  return (cut >= 0 ? text.slice(0, cut) : text).trimEnd();
}

/**
 * An uncaught error's report as errorMessage reads it, with its traceback: C functions
 * without a name are written as their address, which no two runs share.
 */
export function errorReport(stderr: string): string {
  return stderr
    .replace(/^(luajit|roverc): /, '')
    .replace(/^([^\s:]+:\d+):\d+: /, '$1: ')
    .replace(/\n *\d* \| .*/g, '')
    .replace(/: at 0x[0-9a-f]+/g, ': at 0x?')
    .trimEnd();
}
