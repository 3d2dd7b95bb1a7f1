// GET /docs: the OpenAPI document as one readable HTML page. Self-contained (no script, no
// external asset: servers often run without internet access); every text is escaped.
import type { JsonObject } from './openapi.js';

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'trace'];

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main, header { max-width: 980px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { font-size: 18px; margin: 0; display: flex; gap: 10px; align-items: center; word-break: break-all; }
h3 { font-size: 14px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #59636e; }
.meta, .desc { color: #59636e; }
.desc { white-space: pre-wrap; font-size: 13px; }
nav ul { list-style: none; padding: 0; columns: 2; font-size: 13px; }
nav a { text-decoration: none; color: inherit; }
section { background: #fff; border: 1px solid #d1d9e0; border-radius: 8px; padding: 16px; margin: 16px 0; }
code, pre { font: 13px/1.45 ui-monospace, monospace; }
pre { background: #f6f8fa; border-radius: 6px; padding: 10px; overflow-x: auto; margin: 4px 0 8px; }
table { border-collapse: collapse; font-size: 13px; }
td, th { text-align: left; padding: 3px 12px 3px 0; }
.m { display: inline-block; min-width: 58px; text-align: center; border-radius: 4px; padding: 1px 6px;
  font: bold 12px ui-monospace, monospace; color: #fff; background: #59636e; }
.get { background: #0969da; } .post { background: #1a7f37; } .put, .patch { background: #9a6700; }
.delete { background: #cf222e; } .head, .options { background: #8250df; }
.status { font-weight: bold; font-family: ui-monospace, monospace; }
.c { color: #59636e; }
`;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A schema in a compact TypeScript-like notation, as escaped HTML; `pad` is the indentation. */
function schemaHtml(schema: unknown, pad: string): string {
  if (!isObject(schema)) return 'any';
  const note = typeof schema.description === 'string' ? ` <span class="c">/* ${esc(schema.description)} */</span>` : '';
  return typeHtml(schema, pad) + note;
}

function typeHtml(s: JsonObject, pad: string): string {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.slice(s.$ref.lastIndexOf('/') + 1);
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  if (Array.isArray(s.anyOf)) return s.anyOf.map((o) => wrapped(o, pad)).join(' | ');
  if (Array.isArray(s.enum)) return s.enum.map((v) => esc(JSON.stringify(v))).join(' | ');
  const types = Array.isArray(s.type) ? s.type as string[] : typeof s.type === 'string' ? [s.type] : [];
  if (types.length === 0) return 'any';
  return types.map((t) => {
    if (t === 'array') return `${wrapped(s.items, pad)}[]`;
    if (t === 'object') return objectHtml(s, pad);
    return esc(t);
  }).join(' | ');
}

/** An option or an array item: parenthesized when it is itself a union. */
function wrapped(schema: unknown, pad: string): string {
  const inner = schemaHtml(schema, pad);
  const union = isObject(schema) && (Array.isArray(schema.anyOf) || Array.isArray(schema.enum) || Array.isArray(schema.type));
  return union || inner.includes('<span class="c">') ? `(${inner})` : inner;
}

function objectHtml(s: JsonObject, pad: string): string {
  const properties = isObject(s.properties) ? s.properties : {};
  const names = Object.keys(properties);
  if (names.length === 0) return 'object';
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  const inner = pad + '  ';
  const lines = names.map((name) => {
    const p = properties[name];
    const key = esc(IDENTIFIER.test(name) ? name : JSON.stringify(name));
    const fallback = isObject(p) && p.default !== undefined ? ` = ${esc(JSON.stringify(p.default))}` : '';
    const description = isObject(p) && typeof p.description === 'string' ? ` <span class="c">// ${esc(p.description)}</span>` : '';
    return `${inner}${key}${required.has(name) ? '' : '?'}: ${isObject(p) ? typeHtml(p, inner) : 'any'}${fallback};${description}`;
  });
  return `{\n${lines.join('\n')}\n${pad}}`;
}

function contentHtml(content: unknown): string {
  if (!isObject(content)) return '';
  return Object.entries(content).map(([type, media]) =>
    `<div class="meta"><code>${esc(type)}</code></div><pre>${schemaHtml(isObject(media) ? media.schema : undefined, '')}</pre>`).join('');
}

function operationHtml(path: string, method: string, op: JsonObject, id: string): string {
  const out: string[] = [`<section id="${id}"><h2><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span><code>${esc(path)}</code></h2>`];
  if (typeof op.operationId === 'string') out.push(`<div class="meta">operationId <code>${esc(op.operationId)}</code></div>`);
  if (typeof op.description === 'string') out.push(`<p>${esc(op.description)}</p>`);
  if (Array.isArray(op.parameters) && op.parameters.length > 0) {
    out.push('<h3>Parameters</h3><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>');
    for (const p of op.parameters) {
      if (!isObject(p)) continue;
      out.push(`<tr><td><code>${esc(String(p.name))}</code></td><td>${esc(String(p.in))}</td><td><code>${schemaHtml(p.schema, '')}</code></td>` +
        `<td>${p.required === true ? 'required' : ''}</td></tr>`);
    }
    out.push('</table>');
  }
  if (isObject(op.requestBody)) {
    out.push(`<h3>Request body${op.requestBody.required === true ? ' (required)' : ''}</h3>`, contentHtml(op.requestBody.content));
  }
  if (isObject(op.responses)) {
    out.push('<h3>Responses</h3>');
    for (const [status, r] of Object.entries(op.responses)) {
      if (!isObject(r)) continue;
      out.push(`<div><span class="status">${esc(status)}</span> ${esc(String(r.description ?? ''))}</div>`, contentHtml(r.content));
    }
  }
  out.push('</section>');
  return out.join('\n');
}

/** The page; `jsonHref`: where the JSON document is served, if it is. */
export function docsPage(doc: JsonObject, jsonHref: string | undefined): string {
  const info = isObject(doc.info) ? doc.info : {};
  const title = String(info.title ?? 'API');
  const nav: string[] = [];
  const sections: string[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const id = `op-${sections.length + 1}`;
      nav.push(`<li><a href="#${id}"><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></a></li>`);
      sections.push(operationHtml(path, method, op, id));
    }
  }
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const schemas = Object.entries(components).map(([name, s]) =>
    `<section id="schema-${esc(name)}"><h2><code>${esc(name)}</code></h2><pre>${schemaHtml(s, '')}</pre></section>`);
  const link = jsonHref === undefined ? '' : ` \u00b7 <a href="${esc(jsonHref)}">${esc(jsonHref)}</a>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${esc(title)}</h1><div class="meta">version ${esc(String(info.version ?? ''))} \u00b7 OpenAPI ${esc(String(doc.openapi ?? ''))}${link}</div>`,
    `<p class="desc">${esc(String(info.description ?? ''))}</p>`,
    `<nav><ul>${nav.join('')}</ul></nav></header>`,
    `<main>${sections.join('\n')}`,
    schemas.length > 0 ? `<h3>Schemas</h3>${schemas.join('\n')}` : '',
    '</main></body></html>',
    '',
  ].join('\n');
}
