// CORS as Rover configures it (cors_origin, cors_methods, cors_headers, cors_credentials):
// which origin a response allows, and the answer to a preflight request.
import type { CorsConfig } from './config.js';

/**
 * The Access-Control-Allow-Origin value for a request from `origin` ('' when the request has
 * no Origin header), or undefined when CORS does not allow it. A wildcard with credentials
 * names the origin, since browsers refuse `*` on credentialed requests.
 */
export function allowedOrigin(cors: CorsConfig, origin: string): string | undefined {
  if (origin === '') return undefined;
  if (cors.origin === '*') return cors.credentials ? origin : '*';
  return origin === cors.origin ? origin : undefined;
}

/** The CORS headers of a response to an allowed origin (name, value, ...). */
export function corsHeaders(cors: CorsConfig, allowed: string): string[] {
  const list = ['access-control-allow-origin', allowed];
  if (cors.credentials) list.push('access-control-allow-credentials', 'true');
  // The answer depends on the request's Origin unless it is the same for every origin.
  if (allowed !== '*') list.push('vary', 'Origin');
  return list;
}

/** The headers of a preflight (OPTIONS with Access-Control-Request-Method) answered 204. */
export function preflightHeaders(cors: CorsConfig, allowed: string): string[] {
  return [...corsHeaders(cors, allowed), 'access-control-allow-methods', cors.methods, 'access-control-allow-headers', cors.headers];
}
