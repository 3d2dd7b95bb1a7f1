// The id of a request (ctx:request_id() and the X-Request-ID response header): the client's
// X-Request-ID when it is sane, else a fresh one. The inbound value is echoed in a response
// header, so anything that could break or bloat the header is replaced, never sent back.
import { randomUUID } from 'node:crypto';

/** Longest inbound id kept (UUIDs are 36; trace ids up to 64). */
export const MAX_REQUEST_ID = 128;

/** Letters, digits and the punctuation ids use; no spaces, quotes or control bytes. */
const SANE_ID = /^[A-Za-z0-9._:@+=\/-]+$/;

/** The inbound X-Request-ID ('' when absent, as uWS reports it) or a generated UUID. */
export function requestIdFor(inbound: string): string {
  return inbound.length > 0 && inbound.length <= MAX_REQUEST_ID && SANE_ID.test(inbound) ? inbound : randomUUID();
}
