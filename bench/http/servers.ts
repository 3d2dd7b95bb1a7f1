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

/**
 * Headers that name or frame the server itself, not the response: uWS writes `uWebSockets: 20`,
 * nginx `Server: nginx` and `Connection: keep-alive`.
 */
const SERVER_OWN_HEADERS = new Set(['server', 'uwebsockets', 'connection', 'keep-alive']);

/**
 * comparable(), for a server whose header order and name case are its own (nginx writes its
 * built-in headers first, in a fixed order, capitalized): the status line, then the other
 * headers sorted with names lower-cased and the server's own headers left out, then the body
 * byte for byte.
 */
export function headerSetComparable(raw: string): string {
  const text = comparable(raw);
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) return text;
  const [status, ...headers] = text.slice(0, split).split('\r\n');
  const kept = headers.map((h) => {
    const colon = h.indexOf(':');
    return colon < 0 ? h : h.slice(0, colon).toLowerCase() + h.slice(colon);
  }).filter((h) => !SERVER_OWN_HEADERS.has(h.slice(0, h.indexOf(':'))));
  return [status, ...kept.sort()].join('\r\n') + text.slice(split);
}

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

/** A process and its descendants (nginx: the master and its worker; node: itself). */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const p = tree[i]!;
    let children = '';
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, 'latin1');
    } catch {
      continue; // exited meanwhile
    }
    for (const c of children.split(' ')) if (c !== '') tree.push(Number(c));
  }
  return tree;
}

/** cpuSeconds of a process and its descendants. */
export const treeCpuSeconds = (pid: number): number => processTree(pid).reduce((sum, p) => sum + cpuSeconds(p), 0);

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

/** peakRssMb summed over a process and its descendants (pages they share count twice). */
export const treePeakRssMb = (pid: number): number => processTree(pid).reduce((sum, p) => sum + peakRssMb(p), 0);

export interface Server { child: ChildProcess; pid: number; port: number; stderr: () => string }

/** A server that is not `node <args>`: its executable, arguments and environment. */
export interface Command { command: string; args: string[]; env?: NodeJS.ProcessEnv }

/**
 * Starts the server (`node <args>`, or a Command) on `core` and waits until it answers HTTP
 * on probePath (60 s at most).
 */
export async function startServer(core: string, launch: (port: number) => string[] | Command, probePath: string): Promise<Server> {
  const port = await freePort();
  const l = launch(port);
  const { command, args, env } = Array.isArray(l) ? { command: process.execPath, args: l, env: undefined } : l;
  // stdout goes to /dev/null: the request log is written (as in production) but not read.
  const child = spawn('taskset', ['-c', core, command, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
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

/** SIGKILL to a process and its descendants (a killed nginx master leaves its worker running). */
export function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  for (const pid of processTree(child.pid).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
}

/** SIGTERM (roverc and nginx stop cleanly on it), SIGKILL after 5 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => killTree(child), 5000);
  await exited;
  clearTimeout(timer);
}
