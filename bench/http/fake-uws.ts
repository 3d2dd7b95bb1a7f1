// Stand-ins for uWebSockets.js's request and response, so that the runtime's real request
// path (RequestContext, BodyReader, RoverServer) runs in-process without a socket. They do
// the least work they can, so that what is timed is roverc's work, not theirs.
import type { HttpRequest, HttpResponse } from 'uwebsockets';

/** What a test request carries (header names lower-case, as uWS gives them). */
export interface RequestSpec {
  method: string;
  /** The path without the query. */
  url: string;
  /** The raw query string, without '?' ('' for none). */
  query: string;
  headers: ReadonlyArray<readonly [string, string]>;
  /** Route parameter values, in path order, raw (percent-encoded). */
  params: readonly string[];
  /** The body, sent in one chunk (undefined: none). */
  body?: Buffer;
}

/** A uWS request over a RequestSpec: the getters uWS offers, nothing else. */
export class FakeRequest {
  constructor(private readonly spec: RequestSpec) {}
  getUrl(): string { return this.spec.url; }
  getMethod(): string { return this.spec.method.toLowerCase(); }
  getCaseSensitiveMethod(): string { return this.spec.method; }
  getQuery(key?: string): string | undefined {
    if (key === undefined) return this.spec.query;
    // uWS decodes the value of the first matching key.
    for (const part of this.spec.query.split('&')) {
      const eq = part.indexOf('=');
      if ((eq < 0 ? part : part.slice(0, eq)) === key) return decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1).replace(/\+/g, ' '));
    }
    return undefined;
  }
  getParameter(i: number): string { return this.spec.params[i] ?? ''; }
  getHeader(lowerCaseKey: string | Uint8Array): string {
    const key = typeof lowerCaseKey === 'string' ? lowerCaseKey : bytes(lowerCaseKey);
    const hs = this.spec.headers;
    for (let i = 0; i < hs.length; i++) if (hs[i]![0] === key) return hs[i]![1];
    return '';
  }
  forEach(cb: (key: string, value: string) => void): void {
    const hs = this.spec.headers;
    for (let i = 0; i < hs.length; i++) cb(hs[i]![0], hs[i]![1]);
  }
  setYield(): this { return this; }
}

export const asRequest = (r: FakeRequest): HttpRequest => r as unknown as HttpRequest;

const bytes = (v: unknown): string => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v as Uint8Array)).toString('latin1');

/** A uWS response that records what is written; body chunks are fed with feed(). */
export class FakeResponse {
  // Recorded as given and converted only by text(): the conversion is not uWS's cost.
  status: unknown = '200 OK';
  headers: unknown[] = [];
  body: unknown = undefined;
  ended = false;
  closed = false;
  private dataHandler: ((chunk: ArrayBuffer, last: boolean) => void) | undefined;

  writeStatus(s: unknown): this { this.status = s; return this; }
  writeHeader(k: unknown, v: unknown): this { this.headers.push(k, v); return this; }
  // uWS copies what it is given before end() returns (a compiled handler's buffer is reused)
  end(body?: unknown): this { this.body = body instanceof Uint8Array ? Buffer.from(body) : body; this.ended = true; return this; }
  endWithoutBody(): this { this.ended = true; return this; }
  tryEnd(body: unknown): [boolean, boolean] { this.end(body); return [true, true]; }
  cork(cb: () => void): this { cb(); return this; }
  onAborted(): this { return this; }
  onWritable(): this { return this; }
  onData(cb: (chunk: ArrayBuffer, last: boolean) => void): this { this.dataHandler = cb; return this; }
  close(): this { this.closed = true; return this; }
  getWriteOffset(): number { return 0; }

  /** Delivers the body as uWS does: an ArrayBuffer chunk, valid only during the call. */
  feed(chunk: ArrayBuffer): void {
    if (this.dataHandler === undefined) throw new Error('nobody reads the body (no onData handler)');
    this.dataHandler(chunk, true);
  }

  /** Status, headers and body bytes, for comparing contestants. */
  text(): string {
    if (this.closed && !this.ended) return 'connection closed without an answer';
    const hs: string[] = [];
    // one call may write several header lines (uWS writes `name: value\r\n` as given)
    const lines = [];
    for (let i = 0; i < this.headers.length; i += 2) lines.push(`${bytes(this.headers[i])}: ${bytes(this.headers[i + 1])}`);
    for (const line of lines.join('\r\n').split('\r\n')) {
      const colon = line.indexOf(': ');
      const name = line.slice(0, colon);
      // a request id the server generated differs per request, as it should
      hs.push(name === 'x-request-id' && GENERATED_ID.test(line.slice(colon + 2)) ? `${name}: <generated>` : line);
    }
    return `${bytes(this.status)}\n${hs.join('\n')}\n\n${this.body === undefined ? '' : bytes(this.body)}`;
  }
}

const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const asResponse = (r: FakeResponse): HttpResponse => r as unknown as HttpResponse;

/** The body as an ArrayBuffer of its own (what uWS hands to onData). */
export function chunkOf(body: Buffer): ArrayBuffer {
  return body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer;
}
