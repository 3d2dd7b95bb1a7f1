// wrk, the load generator of the server group: one run pinned to a core, its report as JSON.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { HOST } from './servers.js';

// Only `done` is defined, so wrk still sends its static request (no per-request Lua).
export const WRK_REPORT_SCRIPT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"bytes":%d,"p50Us":%d,"p99Us":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
`;

export interface WrkReport { requests: number; durationUs: number; bytes: number; p50Us: number; p99Us: number; errors: Record<string, number> }

/** Runs wrk on `core` against the server; rejects when it fails or reports any error. */
export function runWrk(core: string, script: string, port: number, urlPath: string, seconds: number, connections: number): Promise<WrkReport> {
  const args = ['-c', core, 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, `http://${HOST}:${port}${urlPath}`];
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || line === undefined) { reject(new Error(`wrk failed (exit ${code}): ${out.trim().slice(-300)}`)); return; }
      const report = JSON.parse(line) as WrkReport;
      const errors = Object.entries(report.errors).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
      if (errors.length > 0) reject(new Error(`wrk saw errors: ${errors.join(', ')} (${report.requests} requests)`));
      else if (report.requests === 0) reject(new Error('wrk completed no request'));
      else resolve(report);
    });
  });
}

/** Why the server group cannot run here, or [] (the script never installs anything). */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (spawnSync('wrk', ['--version']).error) missing.push('wrk is not installed (`sudo apt-get install wrk` on Debian/Ubuntu, or https://github.com/wg/wrk)');
  if (spawnSync('taskset', ['-V']).error) missing.push('taskset is not installed (it is in util-linux)');
  if (os.platform() !== 'linux') missing.push('it needs Linux (/proc, taskset)');
  if (os.cpus().length < 2) missing.push(`it needs two cores (server and load on different ones); this machine has ${os.cpus().length}`);
  return missing;
}
