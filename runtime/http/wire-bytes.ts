// What the server hands to uWS as bytes. uWS converts each string argument of a call (a header
// name, a value, a body) to UTF-8 in a buffer it allocates and frees; bytes (a Buffer) it takes
// as they are. Names and values written on every response are made into bytes once, here.
import { HTML_TYPE, JSON_TYPE, TEXT_TYPE } from './responses.js';
import { isAscii } from './json.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { MAX_REQUEST_ID, UUID_LENGTH, writeNewRequestId } from './request-id.js';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

// request headers the server reads (uWS's getHeader takes lower-case names)
export const CONTENT_LENGTH = bytes('content-length');
export const TRANSFER_ENCODING = bytes('transfer-encoding');
export const X_REQUEST_ID = bytes('x-request-id');
export const ORIGIN = bytes('origin');
export const CONTENT_TYPE = bytes('content-type');

const JSON_TYPE_BYTES = bytes(JSON_TYPE);
const TEXT_TYPE_BYTES = bytes(TEXT_TYPE);
const HTML_TYPE_BYTES = bytes(HTML_TYPE);

/**
 * A Content-Type value as bytes: the builders' types made once, an app's own type (a Lua byte
 * string) byte for byte, as every other header value (a JS string would go out as UTF-8).
 */
export function contentTypeValue(type: string): Buffer {
  return type === JSON_TYPE ? JSON_TYPE_BYTES : type === TEXT_TYPE ? TEXT_TYPE_BYTES : type === HTML_TYPE ? HTML_TYPE_BYTES : bytes(type);
}

/** SECURITY_HEADERS as bytes, name and value each. */
export const SECURITY_HEADER_BYTES: readonly (readonly [string, Buffer, Buffer])[] =
  SECURITY_HEADERS.map(([name, value]) => [name, bytes(name), bytes(value)] as const);

/**
 * All of SECURITY_HEADERS in one writeHeader call: the first name, and its value followed by
 * the other header lines. uWS writes `name: value\r\n`, so the bytes are those of one call per
 * header, for one native call instead of three.
 */
export const SECURITY_BLOCK_NAME = bytes(SECURITY_HEADERS[0][0]);
export const SECURITY_BLOCK_VALUE = bytes(SECURITY_HEADERS.map(([name, value], i) => (i === 0 ? value : `${name}: ${value}`)).join('\r\n'));

/** An id longer than this is written by itself (saneRequestId keeps inbound ids up to 128 bytes). */
const BLOCK_ID_MAX = MAX_REQUEST_ID;

/**
 * The first headers of a response as the value of one `content-type` header: its type, then
 * `x-request-id: <id>` and the security headers as further lines (the same bytes as a call
 * per header). Written into a reused buffer: one native call with two byte arguments instead
 * of five calls and the id's conversion to UTF-8. The buffer is valid until the next use.
 */
class HeaderBlock {
  private readonly b: Buffer;
  private readonly idAt: number;
  private readonly tail: Buffer;
  /** The id length the tail is placed after now. */
  private placed = -1;
  /** Views of `b` by id length (a typed array costs ~50 ns to make; ids are mostly UUIDs). */
  private readonly views: Buffer[] = [];

  constructor(type: string) {
    const head = bytes(`${type}\r\nx-request-id: `);
    this.tail = Buffer.concat([bytes('\r\n' + SECURITY_BLOCK_NAME.toString('latin1') + ': '), SECURITY_BLOCK_VALUE]);
    this.b = Buffer.alloc(head.length + BLOCK_ID_MAX + this.tail.length);
    head.copy(this.b);
    this.idAt = head.length;
  }

  /**
   * The block with this id ('': a fresh one, written as bytes), or undefined when the id is
   * too long or not ASCII (saneRequestId keeps ASCII ids only).
   */
  value(id: string): Buffer | undefined {
    const b = this.b;
    const at = this.idAt;
    let n = id.length;
    if (n === 0) {
      writeNewRequestId(b, at);
      n = UUID_LENGTH;
    } else if (n > BLOCK_ID_MAX) {
      return undefined;
    }
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c > 0x7f) return undefined;
      b[at + i] = c;
    }
    if (this.placed !== n) {
      this.tail.copy(b, at + n);
      this.placed = n;
    }
    return (this.views[n] ??= b.subarray(0, at + n + this.tail.length));
  }
}

const JSON_BLOCK = new HeaderBlock(JSON_TYPE);
const TEXT_BLOCK = new HeaderBlock(TEXT_TYPE);
const HTML_BLOCK = new HeaderBlock(HTML_TYPE);

/** HeaderBlock's value for the builders' content types and an id; undefined for others. */
export function headerBlock(type: string, id: string): Buffer | undefined {
  const block = type === JSON_TYPE ? JSON_BLOCK : type === TEXT_TYPE ? TEXT_BLOCK : type === HTML_TYPE ? HTML_BLOCK : undefined;
  return block?.value(id);
}

/** Bodies shorter than this may go to uWS as strings. */
const SMALL_BODY = 2048;

/**
 * A byte string as uWS should send it. uWS writes a JS string as UTF-8, which for ASCII is
 * the same bytes, so a small ASCII body goes as it is (no Buffer to allocate: ~10% of an
 * in-process /hello call); a large one is copied into a Buffer, which measured no slower
 * than uWS's UTF-8 conversion of the string.
 */
export function wire(body: string): string | Buffer {
  return body.length < SMALL_BODY && isAscii(body) ? body : Buffer.from(body, 'latin1');
}
