// Reading a request body: onData chunks copied into one buffer, refused past the size limit.
import type { HttpResponse } from 'uwebsockets';
import type { RequestContext } from './context.js';

/** What the reader reports to (the server). */
export interface BodySink {
  /** The body size limit in bytes. */
  readonly limit: number;
  bodyStarted(): void;
  /** The whole body is in ctx.body. */
  bodyDone(res: HttpResponse, ctx: RequestContext, head: boolean, start: number): void;
  /** Too large (res given: answer 413) or aborted by the client (res undefined). */
  bodyFailed(res: HttpResponse | undefined, ctx: RequestContext, start: number): void;
  /** An exception escaped: it must not reach uWS. */
  internalError(res: HttpResponse, e: unknown): void;
}

/** Bodies up to this size announced by Content-Length get their buffer at once. */
const PREALLOCATE_MAX = 16 * 1024 * 1024;

/** Reads a request body with onData into one buffer, refusing it past the size limit. */
export class BodyReader {
  private buffer: Buffer | undefined;
  private chunks: Buffer[] | undefined;
  private received = 0;
  private readonly expected: number;
  private done = false;
  private aborted = false;

  /** `keep`: false when nobody will read the body (it is counted against the limit, never copied). */
  constructor(private readonly server: BodySink, private readonly res: HttpResponse, private readonly ctx: RequestContext,
    expected: number, private readonly head: boolean, private readonly start: number, private readonly keep = true) {
    // A known length is read straight into one buffer of that size (up to a size worth
    // reserving before the bytes arrive); other bodies are collected.
    if (keep) {
      if (expected >= 0 && expected <= PREALLOCATE_MAX) this.buffer = Buffer.allocUnsafe(expected);
      else this.chunks = [];
    }
    this.expected = expected;
    server.bodyStarted();
    res.onAborted(() => {
      this.aborted = true;
      if (!this.done) {
        this.done = true;
        server.bodyFailed(undefined, ctx, start);
      }
    });
    res.onData((chunk, last) => {
      try {
        this.data(chunk, last);
      } catch (e) {
        server.internalError(res, e);
      }
    });
  }

  private data(chunk: ArrayBuffer, last: boolean): void {
    if (this.done || this.aborted) return;
    const n = chunk.byteLength;
    if (this.received + n > this.server.limit || (this.expected >= 0 && this.received + n > this.expected)) {
      this.done = true;
      this.server.bodyFailed(this.res, this.ctx, this.start);
      return;
    }
    // uWS reuses the chunk's memory once this callback returns: copy it.
    if (this.keep) {
      const view = new Uint8Array(chunk);
      if (this.buffer !== undefined) this.buffer.set(view, this.received);
      else this.chunks!.push(Buffer.from(view));
    }
    this.received += n;
    if (!last) return;
    this.done = true;
    if (this.keep) this.ctx.body = this.buffer !== undefined ? this.buffer.subarray(0, this.received) : Buffer.concat(this.chunks!);
    this.server.bodyDone(this.res, this.ctx, this.head, this.start);
  }
}
