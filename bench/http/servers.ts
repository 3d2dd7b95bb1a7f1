// Server processes for the server group: start one pinned to a core, talk raw HTTP to it,
// read its CPU time and memory from /proc, stop it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { ROOT } from '../lib/index.js';

export const HOST = '127.0.0.1';
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/** Every server started and not yet exited (killed if the benchmark is interrupted). */
export const running = new Set<ChildProcess>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free on HOST right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The raw response (status line, headers, body) to one GET, as latin1 text. */
export function rawGet(port: number, urlPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, HOST, () => socket.end(`GET ${urlPath} HTTP/1.1\r\nHost: ${HOST}:${port}\r\nConnection: close\r\n\r\n`));
    socket.setTimeout(5000, () => socket.destroy(new Error('no response within 5 s')));
    socket.on('data', (c: Buffer) => chunks.push(c)).on('error', reject).on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/**
 * The response without its Date header and with a generated request id masked: the parts
 * that may differ between two servers (or two replies of one).
 */
export const comparable = (raw: string): string => raw
  .replace(/^date: [^\r\n]*\r\n/im, '')
  .replace(/^(x-request-id: )[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\r\n/im, '$1<generated>\r\n');

export function firstDifference(got: string, want: string): string {
  let i = 0;
  while (i < got.length && got[i] === want[i]) i++;
  return `response differs at byte ${i}: got ${JSON.stringify(got.slice(i, i + 40))}, expected ${JSON.stringify(want.slice(i, i + 40))}`;
}

/** Sum of user+sys CPU seconds of all threads of a process (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
}

/** Busy and total clock ticks per core since boot (/proc/stat); idle and iowait are not busy. */
export function coreTicks(): Array<{ busy: number; total: number }> {
  return readFileSync('/proc/stat', 'latin1').split('\n').filter((l) => /^cpu\d/.test(l)).map((l) => {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = l.split(/\s+/).slice(1).map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq!;
    return { busy, total: busy + idle! + iowait! + steal! };
  });
}

/** Peak resident memory of a process so far (VmHWM), MB. */
export function peakRssMb(pid: number): number {
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

export interface Server { child: ChildProcess; pid: number; port: number; stderr: () => string }

/** Starts `node <args>` on `core` and waits until it answers HTTP on probePath (60 s at most). */
export async function startServer(core: string, args: (port: number) => string[], probePath: string): Promise<Server> {
  const port = await freePort();
  // stdout goes to /dev/null: the request log is written (as in production) but not read.
  const child = spawn('taskset', ['-c', core, process.execPath, ...args(port)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { if (stderr.length < 4000) stderr += s; });
  let exited = false;
  child.on('exit', () => { exited = true; running.delete(child); });
  const lastLine = () => stderr.trim().split('\n').pop() ?? '';
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (exited) throw new Error(`server exited before answering (exit code ${child.exitCode})${stderr ? `: ${lastLine()}` : ''}`);
    try {
      await rawGet(port, probePath);
      return { child, pid: child.pid!, port, stderr: () => stderr };
    } catch {
      await sleep(100);
    }
  }
  await stopServer(child);
  throw new Error('server did not answer within 60 s');
}

/** SIGTERM (roverc stops cleanly on it), SIGKILL after 5 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
