// Running `roverc serve` on loopback for the HTTP tests, and a table of request cases that
// runs against the interpreted and the compiled server and asserts they answer identically.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CLI, ROOT } from '../support/paths.js';

export type Mode = 'interpreted' | 'compiled';
export const MODES: readonly Mode[] = ['interpreted', 'compiled'];

/** Fixture apps, relative to the repository root where the servers run (Lua messages name them so). */
export const HTTP_FIXTURES = 'fixtures/http';

export interface RunningServer {
  readonly mode: Mode;
  readonly url: string;
  readonly proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process exits. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `roverc serve <app>` on 127.0.0.1 and a free port; resolves once it is listening. */
export function startServer(app: string, mode: Mode, extraArgs: string[] = [], env?: NodeJS.ProcessEnv): Promise<RunningServer> {
  return spawnServer([CLI, 'serve', app, '--mode', mode, '--host', '127.0.0.1', '--port', '0', ...extraArgs], mode, app, env);
}

/** Starts a server.js written by `roverc build` (compiled mode, no compiler loaded), from `cwd`. */
export function startBuiltServer(serverJs: string, extraArgs: string[] = [], cwd = ROOT, nodeArgs: string[] = [], env?: NodeJS.ProcessEnv): Promise<RunningServer> {
  return spawnServer([...nodeArgs, serverJs, '--host', '127.0.0.1', '--port', '0', ...extraArgs], 'compiled', serverJs, env, cwd, true);
}

/** `env` is added to this process's environment, or with `onlyEnv` replaces it. */
function spawnServer(args: string[], mode: Mode, app: string, env?: NodeJS.ProcessEnv, cwd = ROOT, onlyEnv = false): Promise<RunningServer> {
  const proc = spawn(process.execPath, args, {
    cwd,
    env: env === undefined ? process.env : onlyEnv ? env : { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${mode} server for ${app} did not start:\n${out}\n${err}`));
    }, 60_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /listening on (https?:\/\/[^\s]+)[^\n]*\n/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({
          mode,
          url: m[1],
          proc,
          exited,
          stdout: () => out,
          stderr: () => err,
          stop(signal = 'SIGTERM') {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
            return exited;
          },
        });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString('utf8');
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`${mode} server for ${app} exited with ${code} before listening:\n${out}\n${err}`));
    });
  });
}

/** Runs the CLI to completion (for apps that must fail to load). */
export function runCli(args: string[], timeoutMs = 60_000, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    proc.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Reply {
  status: number;
  type: string | null;
  body: string;
  headers: Record<string, string>;
}

export interface RequestSpec {
  method?: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

const VOLATILE = new Set(['date', 'keep-alive', 'connection']);

export async function send(base: string, spec: RequestSpec): Promise<Reply> {
  const init: RequestInit = { method: spec.method ?? 'GET', headers: spec.headers, redirect: 'manual' };
  // As bytes, so that fetch adds no Content-Type of its own (text/plain for a string): a
  // request carries only the headers its case names.
  if (spec.body !== undefined) init.body = typeof spec.body === 'string' ? Buffer.from(spec.body, 'utf8') : spec.body;
  const r = await fetch(base + spec.path, init);
  const headers: Record<string, string> = {};
  r.headers.forEach((v, k) => {
    if (!VOLATILE.has(k)) headers[k] = v;
  });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text(), headers };
}

export interface Case extends RequestSpec {
  name?: string;
  status: number;
  /** Expected content-type; null for none. */
  type?: string | null;
  /** Exact body text, a pattern, or (for JSON) the parsed value. */
  text?: string | RegExp;
  json?: unknown;
  /** Response headers that must be present with these values. */
  headers_out?: Record<string, string>;
}

export function checkReply(reply: Reply, c: Case, label: string): void {
  assert.equal(reply.status, c.status, `${label}: status (body ${reply.body})`);
  if (c.type !== undefined) assert.equal(reply.type, c.type, `${label}: content-type`);
  if (typeof c.text === 'string') assert.equal(reply.body, c.text, `${label}: body`);
  else if (c.text instanceof RegExp) assert.match(reply.body, c.text, `${label}: body`);
  if (c.json !== undefined) assert.deepEqual(JSON.parse(reply.body), c.json, `${label}: JSON body ${reply.body}`);
  for (const [k, v] of Object.entries(c.headers_out ?? {})) assert.equal(reply.headers[k], v, `${label}: header ${k}`);
}

/** The X-Request-ID the request sent, if any. */
function sentRequestId(spec: RequestSpec): string | undefined {
  const key = Object.keys(spec.headers ?? {}).find((k) => k.toLowerCase() === 'x-request-id');
  return key === undefined ? undefined : spec.headers![key];
}

/** A reply without what differs between any two servers: a generated request id. */
export function sameParts(reply: Reply, spec: RequestSpec): Reply {
  const id = reply.headers['x-request-id'];
  if (id === undefined || id === sentRequestId(spec)) return reply;
  return { ...reply, headers: { ...reply.headers, 'x-request-id': '<generated>' } };
}

/**
 * Declares a suite that starts the app once per mode, sends every case (in order) to both
 * servers, checks each reply and checks that both modes replied byte for byte the same.
 */
export function describeApp(title: string, app: string, cases: Case[], more?: (servers: () => RunningServer[]) => void): void {
  describe(title, () => {
    let servers: RunningServer[] = [];
    before(async () => {
      servers = await Promise.all(MODES.map((m) => startServer(app, m)));
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.stop()));
    });
    for (const c of cases) {
      const name = c.name ?? `${c.method ?? 'GET'} ${c.path} -> ${c.status}`;
      it(name, async () => {
        const replies = [];
        for (const s of servers) {
          const reply = await send(s.url, c);
          checkReply(reply, c, `${s.mode} ${name}`);
          replies.push(reply);
        }
        assert.deepEqual(sameParts(replies[1], c), sameParts(replies[0], c), `${name}: compiled and interpreted replies differ`);
      });
    }
    more?.(() => servers);
  });
}

// ---- raw HTTP over a socket, for what fetch cannot send or hides ----

export interface RawReply {
  status: number;
  /** The status line and headers as sent (latin1), without the blank line. */
  head: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection after this reply. */
  closed: boolean;
}

/** The reply without its Date header: what two servers must send alike. */
export function comparable(r: RawReply): string {
  return r.head.replace(/\r\nDate: [^\r]*/i, '').replace(/\r\nx-request-id: [0-9a-f-]{36}/i, '\r\nx-request-id: <generated>') + '\r\n\r\n' + r.body + (r.closed ? ' [closed]' : '');
}

/** One client connection that writes raw bytes and reads replies one at a time. */
export class RawConnection {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.wake?.();
    });
    const end = () => {
      this.ended = true;
      this.wake?.();
    };
    socket.on('close', end);
    socket.on('error', end);
  }

  static open(url: string): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(new URL(url).port), '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get closed(): boolean {
    return this.ended;
  }

  write(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Writes a request and reads its reply. */
  send(data: string | Buffer, timeoutMs = 5000): Promise<RawReply> {
    this.write(data);
    return this.read(timeoutMs);
  }

  /**
   * Reads one reply: its head, a Content-Length body or (with Connection: close) a body up
   * to the end of the connection, and then, if the reply says Connection: close, waits for
   * the connection to end. Rejects after timeoutMs with what arrived.
   */
  async read(timeoutMs = 5000): Promise<RawReply> {
    const deadline = Date.now() + timeoutMs;
    const waitMore = () => new Promise<void>((resolve, reject) => {
      if (this.ended) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.wake = undefined;
        reject(new Error(`no complete reply within ${timeoutMs} ms; got ${JSON.stringify(this.buffer.toString('latin1'))}`));
      }, Math.max(0, deadline - Date.now()));
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
    let end: number;
    while ((end = this.buffer.indexOf('\r\n\r\n')) < 0) {
      if (this.ended) throw new Error(`connection closed without a reply; got ${JSON.stringify(this.buffer.toString('latin1'))}`);
      await waitMore();
    }
    const head = this.buffer.subarray(0, end).toString('latin1');
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
    const closing = /(^|,)\s*close\s*($|,)/i.test(headers.connection ?? '');
    const start = end + 4;
    let bodyEnd: number;
    if (headers['content-length'] !== undefined) {
      bodyEnd = start + Number(headers['content-length']);
      while (this.buffer.length < bodyEnd) {
        if (this.ended) throw new Error(`connection closed inside a body; got ${JSON.stringify(this.buffer.toString('latin1'))}`);
        await waitMore();
      }
    } else if (closing) {
      while (!this.ended) await waitMore();
      bodyEnd = this.buffer.length;
    } else {
      bodyEnd = start;
    }
    const body = this.buffer.subarray(start, bodyEnd).toString('latin1');
    this.buffer = this.buffer.subarray(bodyEnd);
    if (closing) while (!this.ended) await waitMore();
    return { status, head, headers, body, closed: this.ended };
  }

  /** Everything the server sends until it closes the connection. */
  async rest(timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the connection stayed open; got ${JSON.stringify(this.buffer.toString('latin1'))}`)),
          Math.max(0, deadline - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
    return this.buffer.toString('latin1');
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/**
 * How many empty proven sequences (`[]`) the serializers wrote where the generic encoder
 * wrote `{}`, at the same place; -1 when the two differ in any other way.
 */
export function emptySequencesOnly(a: string, b: string): number {
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a.startsWith('[]', i) && b.startsWith('{}', j)) {
      count++;
      i += 2;
      j += 2;
    } else if (a[i] === b[j]) {
      i++;
      j++;
    } else {
      return -1;
    }
  }
  return i === a.length && j === b.length ? count : -1;
}

