// The response headers Rover sends by default (`security_headers = true`): no MIME sniffing,
// no framing, and referrers cut to the origin across sites.
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
];

/** Whether the app's own headers (name, value, ...) set `name` (any case). */
export function setsHeader(headers: readonly string[] | undefined, name: string): boolean {
  if (headers === undefined) return false;
  for (let i = 0; i < headers.length; i += 2) if (headers[i].toLowerCase() === name) return true;
  return false;
}
