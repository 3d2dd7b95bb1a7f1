// Request logging by log_level: debug/info log every request, warn only 4xx/5xx, error only
// 5xx (and handler errors), nope nothing. Lines go through the same buffered stdout as Lua's
// print, so they interleave in order; the server flushes it on a short timer.
import { stderr, stdout } from '../stdlib/output.js';
import type { LogLevel } from './config.js';

export class RequestLog {
  /** Requests with a status at or above this are logged (Infinity: none). */
  readonly minStatus: number;
  /** True when handler errors are written to stderr. */
  readonly errors: boolean;
  /** True when any request may be logged: the server then measures time. */
  readonly timed: boolean;

  constructor(readonly level: LogLevel) {
    this.minStatus = level === 'debug' || level === 'info' ? 0 : level === 'warn' ? 400 : level === 'error' ? 500 : Infinity;
    this.errors = level !== 'nope';
    this.timed = this.minStatus !== Infinity;
  }

  request(method: string, path: string, status: number, startMs: number): void {
    if (status < this.minStatus) return;
    const ms = performance.now() - startMs;
    stdout.write(`${method} ${path} ${status} ${ms.toFixed(2)}ms\n`);
  }

  /** A Lua error escaping a handler (the client got a 500 with the message). */
  handlerError(method: string, path: string, message: string, traceback: string | undefined): void {
    if (!this.errors) return;
    stderr.write(`error: ${method} ${path}: ${message}\n${traceback === undefined ? '' : traceback + '\n'}`);
  }

  info(line: string): void {
    if (this.minStatus === 0) stdout.write(line + '\n');
  }
}
