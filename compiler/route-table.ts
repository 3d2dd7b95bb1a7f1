// The routes of a Rover program as the compiler sees them: where each is declared, what its
// handler reads, what it writes per status, the schema of its body, and the JSON serializers
// generated from those shapes. `roverc build` writes this into routes.js; the dev paths
// (`roverc serve`, both modes) compute it at start-up, so both modes serialize alike.
import { collectProgram, programMetamethods, type ProgramModule } from './codegen/program.js';
import { Diagnostic, UsageError } from './frontend/diagnostics.js';
import { routeHandlers } from './analysis/routes.js';
import { describeShape, ResponseShapes } from './analysis/shapes.js';
import { serializerSource } from './codegen/serializer.js';
import * as writer from '../runtime/http/json-writer.js';
import type { GuardField, ResponseShape } from '../runtime/http/response-shape.js';
import { FULL_REQUEST, type StaticRoute } from '../runtime/http/request-use.js';

export interface AnalyzedRoute extends StaticRoute {
  readonly responses: readonly ResponseShape[];
  readonly body?: readonly GuardField[];
}

export function analyzeRoutes(modules: readonly ProgramModule[]): AnalyzedRoute[] {
  const byName = new Map<string, ResponseShapes>();
  const program = { module: (name: string) => byName.get(name), metamethods: programMetamethods(modules) };
  for (const m of modules) byName.set(m.name, new ResponseShapes(m.resolution, program));
  return modules.flatMap((m) => {
    const shapes = byName.get(m.name)!;
    return routeHandlers(m.resolution).map((r, index) => {
      const body = shapes.requestBody(r.handler);
      // `site`: the index of the handler's closure in the compiled module's `$handlers` (emit-module.ts)
      const route: AnalyzedRoute = { ...r.route, responses: shapes.responses(r.handler, r.app), site: { module: m.name, index } };
      return body === undefined ? route : { ...route, body };
    });
  });
}

/** Serializer sources by status key ("200", "default"), for the JSON responses proven. */
export function serializerSources(route: AnalyzedRoute): [string, string][] {
  const out: [string, string][] = [];
  for (const r of route.responses) {
    if (r.via !== 'json') continue;
    const source = serializerSource(r.shape);
    if (source !== undefined) out.push([String(r.status), source]);
  }
  return out;
}

/** The routes with their serializers made into functions now (the dev paths). */
export function withSerializers(routes: readonly AnalyzedRoute[]): StaticRoute[] {
  return routes.map((route) => {
    const sources = serializerSources(route);
    if (sources.length === 0) return route;
    const serializers: Record<string, writer.JsonSerializer> = {};
    for (const [status, source] of sources) serializers[status] = new Function('j', `return ${source}(j);`)(writer) as writer.JsonSerializer;
    return { ...route, serializers };
  });
}

/**
 * The routes `roverc serve --mode interpreted` attaches: the same generated serializers as
 * compiled code (so that both modes write the same bytes), but the whole request. A file
 * the analysis cannot read is left to the interpreter to report when it loads it.
 */
export function interpretedRoutes(file: string): StaticRoute[] | undefined {
  let modules;
  try {
    modules = collectProgram(file);
  } catch (e) {
    // a syntax error or a missing file: the interpreter reports it when it loads the app
    if (e instanceof Diagnostic || e instanceof UsageError) return undefined;
    throw e;
  }
  return withSerializers(analyzeRoutes(modules)).map((r) => ({ ...r, uses: FULL_REQUEST }));
}

/** `roverc build --explain`: each route, what it writes per status, and why not when unproven. */
export function explainRoutes(routes: readonly AnalyzedRoute[]): string[] {
  return routes.map((r) => {
    const lines = [`${r.method} ${r.path}  (${r.luaPath}, ${r.file}:${r.line})`];
    const mw = r.middleware;
    if (mw !== undefined) {
      if (mw.before.length > 0) lines.push(`    before: ${mw.before.join(', ')}`);
      if (mw.after.length > 0) lines.push(`    after: ${mw.after.join(', ')}`);
    }
    if (!r.responses.some((x) => x.via === 'json')) lines.push('    response: no JSON');
    for (const x of r.responses) {
      if (x.via === 'error') {
        lines.push(`    ${x.status}: ${describeShape(x.shape)}  [api:error]`);
        continue;
      }
      const unknown = fallbacks(x.shape);
      const how = serializerSource(x.shape) === undefined ? 'generic encoder' : unknown.length > 0 ? 'generated serializer, generic for unknown parts' : 'generated serializer';
      lines.push(`    ${x.status}: ${describeShape(x.shape)}  [${how}]`);
      for (const reason of unknown) lines.push(`      fallback: ${reason.file ?? r.file}:${reason.line}: ${reason.reason}`);
    }
    return lines.join('\n');
  });
}

/** The unproven parts of a shape, each once. */
function fallbacks(s: ResponseShape['shape']): { reason: string; line: number; file?: string }[] {
  const out = new Map<string, { reason: string; line: number; file?: string }>();
  const visit = (x: ResponseShape['shape']): void => {
    switch (x.kind) {
      case 'dynamic': out.set(`${x.file}:${x.line}:${x.reason}`, x); break;
      case 'array': visit(x.items); break;
      case 'object': for (const f of x.fields) visit(f.shape); break;
      case 'union': for (const o of x.options) visit(o); break;
    }
  };
  visit(s);
  return [...out.values()];
}
