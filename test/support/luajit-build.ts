// Whether the installed luajit is the build the recordings came from. Builds differ in
// details the tests see (OpenResty's luajit2 prints bit.tohex(x, 255) and -0 otherwise),
// so live comparisons run only when test/lua/fingerprint.lua prints what the recording
// luajit printed (test/lua/luajit-fingerprint.txt, written by test/lua/record.sh).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.js';

export const FINGERPRINT_PROBE = path.join(ROOT, 'test/lua/fingerprint.lua');
export const FINGERPRINT = path.join(ROOT, 'test/lua/luajit-fingerprint.txt');

export interface LuajitBuild {
  /** A luajit binary answers on the PATH. */
  installed: boolean;
  /** It is the recording build: live comparisons are meaningful. */
  live: boolean;
  /** One line saying why live comparisons are skipped (undefined when they run). */
  note: string | undefined;
}

/** Probes a luajit binary (default: the one on the PATH) against the recorded fingerprint. */
export function probeLuajit(binary = 'luajit', fingerprint = FINGERPRINT): LuajitBuild {
  const r = spawnSync(binary, [path.basename(FINGERPRINT_PROBE)], { cwd: path.dirname(FINGERPRINT_PROBE), encoding: 'latin1' });
  if (r.error !== undefined || r.status !== 0) {
    return { installed: r.error === undefined, live: false, note: 'luajit is not installed: compared with the recorded outputs only' };
  }
  const want = readFileSync(fingerprint, 'latin1').split('\n');
  const got = r.stdout.split('\n');
  const i = want.findIndex((line, k) => line !== got[k]);
  if (i < 0 && got.length === want.length) return { installed: true, live: true, note: undefined };
  const at = i < 0 ? want.length : i;
  return {
    installed: true,
    live: false,
    note: `the installed luajit is not the build the recordings came from (fingerprint line ${at + 1}: ` +
      `${JSON.stringify(got[at] ?? '')} instead of ${JSON.stringify(want[at] ?? '')}): live comparison skipped`,
  };
}

let cached: LuajitBuild | undefined;

/** The installed luajit's status, probed once per process. */
export function luajitBuild(): LuajitBuild {
  cached ??= probeLuajit();
  return cached;
}
