// The machine a run happened on, recorded in every result file and shown by the report.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  /** Total memory, GiB. */
  memoryGb: number;
  node: string;
  /** `luajit -v`'s first line, or null when not installed. */
  luajit: string | null;
  /** `wrk --version`'s first line, or null when not installed. */
  wrk: string | null;
  platform: string;
  /** 1, 5 and 15 minute load averages when the group started (a busy machine skews everything). */
  loadavg: number[];
}

/** First line of a tool's version output, or null when it cannot be run. */
export function toolVersion(command: string, args: string[]): string | null {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) return null;
  // wrk prints its version and then its usage, and exits 1: the first line is what we want.
  const line = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).find(Boolean);
  return line ?? null;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? 'unknown').replace(/\s+/g, ' ').trim(),
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    node: process.version,
    luajit: toolVersion('luajit', ['-v'])?.replace(/\s*--\s*Copyright.*$/, '') ?? null,
    wrk: toolVersion('wrk', ['--version'])?.replace(/\s*Copyright.*$/, '') ?? null,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
