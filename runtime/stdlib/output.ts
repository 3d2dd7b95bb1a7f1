// The process's stdout/stderr as Lua sees them: byte strings buffered in memory and written
// synchronously, shared by print, io.write and the io.stdout/io.stderr file handles.
// Hosts call flushAll() at exit and before reporting an error; tests and the HTTP server
// redirect output into strings with captureOutput() or OutputStream.redirect().
import * as fs from 'node:fs';
import * as tty from 'node:tty';

export type BufferMode = 'no' | 'line' | 'full';

/** Where redirected output goes: receives Lua byte strings (char codes 0..255). */
export type OutputSink = (s: string) => void;

/** Buffered output is written once it grows past this many bytes. */
export const FLUSH_THRESHOLD = 64 * 1024;

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread briefly: a non-blocking pipe is full and must drain. */
function pause(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** Called when a stream's reader has gone away (EPIPE); the default drops the output. */
let brokenPipeHandler: (stream: OutputStream) => void = () => {};

export function setBrokenPipeHandler(fn: (stream: OutputStream) => void): void {
  brokenPipeHandler = fn;
}

/**
 * Writes all of `buf` to `fd`, retrying on EAGAIN (non-blocking pipes) and partial writes.
 * `position` is null for the fd's own offset, or an explicit file offset.
 */
export function writeAllSync(fd: number, buf: Buffer, position: number | null = null): void {
  let off = 0;
  let delay = 1;
  while (off < buf.length) {
    let n: number;
    try {
      n = fs.writeSync(fd, buf, off, buf.length - off, position === null ? null : position + off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(delay);
        delay = Math.min(delay * 2, 50);
        continue;
      }
      throw e;
    }
    off += n;
    delay = 1;
  }
}

export class OutputStream {
  /** 'line' for terminals, 'full' otherwise, 'no' for stderr (as C stdio does). */
  mode: BufferMode;
  /** Bytes handed to the fd so far (used for seek on a stdout redirected to a file). */
  written = 0;
  private chunks: string[] = [];
  private size = 0;
  private sink: OutputSink | undefined;
  private broken = false;

  constructor(readonly fd: number, mode: BufferMode, private readonly before?: () => void) {
    this.mode = mode;
  }

  write(s: string): void {
    if (s.length === 0) return;
    if (this.sink !== undefined) {
      this.sink(s);
      return;
    }
    if (this.before !== undefined) this.before();
    this.chunks.push(s);
    this.size += s.length;
    if (this.size > FLUSH_THRESHOLD || this.mode === 'no' || (this.mode === 'line' && s.includes('\n'))) {
      this.flush();
    }
  }

  flush(): void {
    if (this.size === 0) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (this.broken) return;
    try {
      writeAllSync(this.fd, Buffer.from(data, 'latin1'));
      this.written += data.length;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'EBADF') {
        this.broken = true;
        brokenPipeHandler(this);
        return;
      }
      throw e;
    }
  }

  /** Sends further output to `sink` (undefined: back to the fd); returns the previous sink. */
  redirect(sink: OutputSink | undefined): OutputSink | undefined {
    this.flush();
    const previous = this.sink;
    this.sink = sink;
    return previous;
  }

  /** True when writes currently go to a sink rather than the fd. */
  get redirected(): boolean {
    return this.sink !== undefined;
  }
}

function isTTY(fd: number): boolean {
  try {
    return tty.isatty(fd);
  } catch {
    return false;
  }
}

export const stdout = new OutputStream(1, isTTY(1) ? 'line' : 'full');
/** stderr is unbuffered; writing to it first flushes stdout so the two interleave sanely. */
export const stderr = new OutputStream(2, 'no', () => stdout.flush());

const flushHooks = new Set<() => void>();

/** Registers extra buffers (open files) that flushAll must write out; returns an unregister. */
export function onFlushAll(hook: () => void): () => void {
  flushHooks.add(hook);
  return () => flushHooks.delete(hook);
}

/** Writes out every pending buffer: call at exit and before printing an uncaught error. */
export function flushAll(): void {
  stdout.flush();
  for (const hook of flushHooks) hook();
  stderr.flush();
}

export interface Captured<T> {
  stdout: string;
  stderr: string;
  result: T;
}

/**
 * Runs fn with stdout and stderr collected into strings (Lua byte strings). Captures nest;
 * the previous destinations are restored even when fn throws.
 */
export function captureOutput<T>(fn: () => T): Captured<T> {
  const out: string[] = [];
  const err: string[] = [];
  const prevOut = stdout.redirect((s) => out.push(s));
  const prevErr = stderr.redirect((s) => err.push(s));
  let result: T;
  try {
    result = fn();
  } finally {
    stdout.redirect(prevOut);
    stderr.redirect(prevErr);
  }
  return { stdout: out.join(''), stderr: err.join(''), result };
}
