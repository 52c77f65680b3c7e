import { esc } from '../util/html.js';

/**
 * The API's documentation page (/api/docs): rendered on the server from the OpenAPI document, as
 * plain HTML with a stylesheet from the same server — no scripts, no CDN, nothing fetched elsewhere.
 */

type Json = Record<string, unknown>;

/** Stands for the server's own address in the rendered page; replaced per request (`docsFor`). */
export const BASE_PLACEHOLDER = '__CONCORD_BASE__';

/** The documentation page with the examples addressed to `origin` (the address the reader used). */
export function docsFor(html: string, origin: string): string {
  return html.replaceAll(BASE_PLACEHOLDER, esc(origin));
}

export const DOCS_CSS = `
:root { --ink:#1d2733; --muted:#4f5b66; --line:#d8dee4; --accent:#1f4e9c; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; }
header { background: #12324f; color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0; font-size: 1.5rem; }
header p { margin: .3rem 0 0; color: #e3ecf4; max-width: 70rem; }
header a { color: #fff; }
.layout { display: grid; grid-template-columns: 18rem 1fr; }
nav { border-right: 1px solid var(--line); padding: 1rem; position: sticky; top: 0; height: 100vh; overflow: auto; background: #f7f9fb; }
nav h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 1rem 0 .3rem; }
nav a { display: block; color: var(--accent); text-decoration: none; font-size: .85rem; padding: .1rem 0; }
nav a:focus, nav a:hover { text-decoration: underline; }
main { padding: 1rem 2rem 4rem; max-width: 64rem; }
section.op { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
section.op h3 { margin: 0; font-size: 1rem; font-family: ui-monospace, monospace; }
.method { display: inline-block; min-width: 4.2rem; text-align: center; border-radius: 4px; color: #fff; padding: 0 .4rem; margin-right: .5rem; }
.GET { background: #1f6f43; } .POST { background: #1f4e9c; } .PATCH { background: #7a4a00; } .DELETE { background: #a11d1d; }
.access { font-size: .8rem; color: var(--muted); margin-left: .5rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
pre { background: #f4f6f8; padding: .6rem; overflow: auto; font-size: .8rem; max-height: 28rem; }
@media (max-width: 760px) { .layout { grid-template-columns: 1fr; } nav { position: static; height: auto; max-height: 40vh; border-right: 0; border-bottom: 1px solid var(--line); } main, header { padding-left: 1rem; padding-right: 1rem; } }
code { font-family: ui-monospace, monospace; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } nav { position: static; height: auto; } }
`;

function resolveRef(doc: Json, s: unknown): unknown {
  if (s && typeof s === 'object' && '$ref' in s) {
    const ref = String((s as Json).$ref);
    const name = ref.split('/').pop()!;
    return ((doc.components as Json).schemas as Json)[name];
  }
  return s;
}

function typeOf(s: Json): string {
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.type) return String(s.type);
  if (s.anyOf) return 'one of several';
  return 'any';
}

export function renderDocs(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const ops: Array<{ method: string; path: string; op: Json }> = [];
  for (const [path, methods] of Object.entries(paths))
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, op });
  const tags = [...new Set(ops.map((o) => (o.op.tags as string[])[0]!))];
  const nav = tags
    .map(
      (t) =>
        `<h2>${esc(t)}</h2>${ops
          .filter((o) => (o.op.tags as string[])[0] === t)
          .map((o) => `<a href="#${esc(o.op.operationId)}">${esc(o.method)} ${esc(o.path)}</a>`)
          .join('')}`,
    )
    .join('');
  const body = ops
    .map(({ method, path, op }) => {
      const params = (op.parameters as Json[]) ?? [];
      const paramTable = params.length
        ? `<table><caption class="sr-only">Parameters</caption><thead><tr><th scope="col">parameter</th><th scope="col">in</th><th scope="col">type</th><th scope="col">description</th></tr></thead><tbody>${params
            .map(
              (p) =>
                `<tr><td><code>${esc(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${esc(p.in)}</td><td>${esc(typeOf(p.schema as Json))}${(p.schema as Json).default !== undefined ? `, default ${esc(JSON.stringify((p.schema as Json).default))}` : ''}</td><td>${esc(p.description ?? '')}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '';
      const reqBody = op.requestBody as Json | undefined;
      const reqContent = reqBody ? (reqBody.content as Record<string, Json>) : undefined;
      const reqSchema = reqContent ? resolveRef(doc, Object.values(reqContent)[0]!.schema) : undefined;
      const responses = op.responses as Record<string, Json>;
      const ok = Object.entries(responses).find(([k]) => k.startsWith('2'));
      const okContent = ok?.[1].content as Record<string, Json> | undefined;
      const okType = okContent ? Object.keys(okContent)[0] : undefined;
      const okSchema = okContent ? resolveRef(doc, Object.values(okContent)[0]!.schema) : undefined;
      const access = op['x-access'] === 'token' ? 'needs a bearer token' : 'public';
      const curl = `curl ${method !== 'GET' ? `-X ${method} ` : ''}${op['x-access'] === 'token' ? '-H "Authorization: Bearer $CONCORD_TOKEN" ' : ''}${reqBody ? "-H 'content-type: application/json' --data @body.json " : ''}${BASE_PLACEHOLDER}${path.replace(/\{id\}/, 'ID').replace(/\{iso3\}/, 'KAZ')}`;
      return `<section class="op" id="${esc(op.operationId)}" aria-labelledby="${esc(op.operationId)}-h">
<h3 id="${esc(op.operationId)}-h"><span class="method ${esc(method)}">${esc(method)}</span>${esc(path)}<span class="access">${esc(access)}</span></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
${paramTable}
${reqSchema ? `<details><summary>Request body (${esc(Object.keys(reqContent!).join(' or '))})</summary><pre>${esc(JSON.stringify(reqSchema, null, 2))}</pre></details>` : ''}
${ok ? `<details><summary>Response ${esc(ok[0])}${okType ? ` (${esc(okType)})` : ''}: ${esc(ok[1].description)}</summary>${okSchema ? `<pre>${esc(JSON.stringify(okSchema, null, 2))}</pre>` : ''}</details>` : ''}
<pre><code>${esc(curl)}</code></pre>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/api/docs.css"></head>
<body><header><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). The lab: <a href="/">/</a>.</p></header>
<div class="layout"><nav aria-label="Endpoints">${nav}</nav>
<main><p>Errors: every error is <code>{ "error": { "code", "message", "path", "hint" } }</code> with a 4xx status; the code is stable (E_VALIDATION, E_UNKNOWN_ID, E_AUTH, E_FORBIDDEN, E_LIMIT, E_RATE_LIMIT, …), the path names the offending value. The message and hint come in the language of the request’s <code>Accept-Language</code> (English, Russian or Chinese; the code and path never change).</p>
${body}</main></div></body></html>`;
}
