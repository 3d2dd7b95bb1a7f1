// The id of a request (ctx:request_id() and the X-Request-ID response header): the client's
// X-Request-ID when it is sane, else a fresh one. The inbound value is echoed in a response
// header, so anything that could break or bloat the header is replaced, never sent back.
// A fresh id is a random (version 4) UUID, made when first needed: most are only written
// into the response's headers, as bytes (writeNewRequestId), with no string made.
import { randomFillSync } from 'node:crypto';

/** Longest inbound id kept (UUIDs are 36; trace ids up to 64). */
export const MAX_REQUEST_ID = 128;

/** Letters, digits and the punctuation ids use; no spaces, quotes or control bytes. */
const SANE_ID = /^[A-Za-z0-9._:@+=\/-]+$/;

/** The inbound X-Request-ID ('' when absent, as uWS reports it) when it is kept, else '' (a fresh id is due). */
export function saneRequestId(inbound: string): string {
  return inbound.length > 0 && inbound.length <= MAX_REQUEST_ID && SANE_ID.test(inbound) ? inbound : '';
}

/** The inbound X-Request-ID or a fresh one. */
export function requestIdFor(inbound: string): string {
  return saneRequestId(inbound) || newRequestId();
}

/** The length of a UUID's text. */
export const UUID_LENGTH = 36;
/** Random bytes for this many ids are drawn at once (as crypto.randomUUID does). */
const POOLED_IDS = 128;
const pool = Buffer.alloc(16 * POOLED_IDS);
let drawn = POOLED_IDS;
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/** Writes a fresh random UUID (RFC 9562 version 4, lower-case) as UUID_LENGTH ASCII bytes at `at`. */
export function writeNewRequestId(b: Uint8Array, at: number): void {
  if (drawn === POOLED_IDS) {
    randomFillSync(pool);
    drawn = 0;
  }
  const r = 16 * drawn++;
  let p = at;
  for (let i = 0; i < 16; i++) {
    let v = pool[r + i];
    if (i === 6) v = (v & 0x0f) | 0x40; // version 4
    else if (i === 8) v = (v & 0x3f) | 0x80; // variant 10
    b[p++] = HEX[v >> 4];
    b[p++] = HEX[v & 15];
    if (i === 3 || i === 5 || i === 7 || i === 9) b[p++] = 0x2d; // -
  }
}

const scratch = Buffer.alloc(UUID_LENGTH);

/** A fresh id as a string. */
export function newRequestId(): string {
  writeNewRequestId(scratch, 0);
  return scratch.toString('latin1', 0, UUID_LENGTH);
}
