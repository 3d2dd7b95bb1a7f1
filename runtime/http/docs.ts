// The OpenAPI description served at GET /docs (config `docs`, on by default): the routes,
// their methods and path parameters. Built once at startup.
import type { Route } from './routes.js';

export function openApiDocument(routes: readonly Route[]): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const key = '/' + route.segments.map((s) => (s.param ? `{${s.text}}` : s.text)).join('/');
    const item = (paths[key] ??= {});
    const operation: Record<string, unknown> = {
      operationId: route.luaPath,
      responses: { default: { description: 'the handler\'s response' } },
    };
    if (route.params.length > 0) {
      operation.parameters = route.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    }
    item[route.method] = operation;
  }
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Rover API', version: '1.0.0' }, paths });
}
