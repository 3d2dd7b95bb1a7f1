// Request logging by log_level: debug/info log every request, warn only 4xx/5xx, error only
// 5xx (and handler errors), nope nothing. Lines go through the same buffered stdout as Lua's
// print, so they interleave in order. While the server runs, that buffer is written every
// FLUSH_MS (and when it grows past 64 KiB), never per request, even on a terminal; at
// shutdown, and when a serving thread ends otherwise (big-stack.ts), it is written out.
import { performance } from 'node:perf_hooks';
import { flushAll, stderr, stdout, type BufferMode } from '../stdlib/output.js';
import type { LogLevel } from './config.js';

/** How often buffered request lines are written while serving (at most 100 ms apart). */
export const FLUSH_MS = 50;

export class RequestLog {
  /** Requests with a status at or above this are logged (Infinity: none). */
  readonly minStatus: number;
  /** True when handler errors are written to stderr. */
  readonly errors: boolean;
  /** True when any request may be logged: the server then measures time. */
  readonly timed: boolean;
  private timer: NodeJS.Timeout | undefined;
  private terminalMode: BufferMode | undefined;

  /** `flush` writes the buffered output (a parameter for tests). */
  constructor(readonly level: LogLevel, private readonly flush: () => void = flushAll) {
    this.minStatus = level === 'debug' || level === 'info' ? 0 : level === 'warn' ? 400 : level === 'error' ? 500 : Infinity;
    this.errors = level !== 'nope';
    this.timed = this.minStatus !== Infinity;
  }

  /**
   * The server is listening: request lines are buffered from now on. On a terminal stdout is
   * line-buffered (a write per line); it becomes fully buffered until close(), print output
   * included, so that the two keep their order.
   */
  open(): void {
    if (!this.timed || this.timer !== undefined) return;
    if (stdout.mode === 'line') {
      this.terminalMode = stdout.mode;
      stdout.mode = 'full';
    }
    this.timer = setInterval(this.flush, FLUSH_MS);
    this.timer.unref();
  }

  /** The server has stopped: writes what is buffered and restores stdout's buffering. */
  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
    if (this.terminalMode !== undefined) stdout.mode = this.terminalMode;
    this.terminalMode = undefined;
  }

  /**
   * When a request starts (ms, for request()), or 0 when no request is logged. The clock is
   * the imported `performance`: the global one is a getter, ~50 ns more per read.
   */
  start(): number {
    return this.timed ? performance.now() : 0;
  }

  request(method: string, path: string, status: number, startMs: number): void {
    if (status < this.minStatus) return;
    stdout.write(method + ' ' + path + (STATUS_FIELDS[status] ??= ` ${status} `) + durationField(performance.now() - startMs));
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

/** ` 200 ` and the like: the status field of a line, made once per status. */
const STATUS_FIELDS: string[] = [];
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);
/** `millis(ms) + 'ms\n'` by hundredths, made once each below 100 ms (the usual range). */
const DURATION_FIELDS: string[] = [];
const CACHED_HUNDREDTHS = 10000;

/**
 * `ms` in hundredths as toFixed(2) rounds it, or -1 where toFixed's exact decimal rounding
 * must decide (near a tie; out of range).
 */
function hundredths(ms: number): number {
  const scaled = ms * 100;
  const frac = scaled - Math.floor(scaled);
  return !(ms >= 0 && ms < 1e9) || Math.abs(frac - 0.5) < 1e-6 ? -1 : Math.round(scaled);
}

/**
 * `ms.toFixed(2)` for a duration, four times cheaper (~80 ns instead of ~340 per request line):
 * integer hundredths, except near a tie, where toFixed's exact decimal rounding decides.
 */
export function millis(ms: number): string {
  const c = hundredths(ms);
  return c < 0 ? ms.toFixed(2) : `${Math.floor(c / 100)}.${TWO_DIGITS[c % 100]}`;
}

/** The end of a request line: `millis(ms)`, then `ms` and the newline. */
export function durationField(ms: number): string {
  const c = hundredths(ms);
  return c >= 0 && c < CACHED_HUNDREDTHS ? (DURATION_FIELDS[c] ??= `${millis(ms)}ms\n`) : `${millis(ms)}ms\n`;
}
