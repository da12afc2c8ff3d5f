// out/index.html: the explorer (viz/dist/index.html, one self-contained file built by
// `vite build --config viz/vite.config.ts`) with the graph embedded in a JSON script element.
// The JSON is escaped so that no article text can close the element or become markup.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GRAPH_PLACEHOLDER = '<script id="yjkg-graph" type="application/json">__YJKG_GRAPH__</script>';

/** The package root: the nearest folder above this module holding package.json (works from src/ and dist/src/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('yjkg/export/html: cannot find the package root (package.json)');
    dir = parent;
  }
}

export function explorerTemplatePath(): string {
  return join(packageRoot(), 'viz', 'dist', 'index.html');
}

/**
 * JSON that is safe inside <script type="application/json">: `<` (and `>`, `&`) become \u escapes,
 * so "</script>" or "<!--" in article text cannot end the element; U+2028/2029 are escaped
 * for old parsers. JSON.parse gives back the identical strings.
 */
export function escapeJsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A Content-Security-Policy for the page: only the explorer's own inline script (by hash) may run,
 * so even markup that slipped into the DOM could not execute handlers or scripts. Workers come
 * from blob: URLs (the ForceAtlas2 supervisor); ?graph=URL may fetch over http(s).
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "connect-src 'self' http: https:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

let templateCache: { path: string; text: string } | undefined;

async function readTemplate(): Promise<string> {
  const path = explorerTemplatePath();
  if (templateCache?.path === path) return templateCache.text;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`yjkg/export/html: explorer template ${path} is missing; run \`npm run build\` (vite build --config viz/vite.config.ts)`);
  }
  if (text.split(GRAPH_PLACEHOLDER).length !== 2) {
    throw new Error(`yjkg/export/html: ${path} must contain the graph placeholder exactly once`);
  }
  const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(text)}" />`;
  if (!text.includes('<meta charset="utf-8" />')) throw new Error(`yjkg/export/html: ${path} has no <meta charset="utf-8" /> to put the security policy after`);
  text = text.replace('<meta charset="utf-8" />', (m) => `${m}\n    ${csp}`);
  templateCache = { path, text };
  return text;
}

/**
 * The explorer page with `graphJson` embedded (graphology's `graph.export()`, as an object or
 * as the JSON text of out/graph.json). Same input, same bytes.
 */
export async function renderExplorerHtml(graphJson: string | object): Promise<string> {
  const json = typeof graphJson === 'string' ? JSON.stringify(JSON.parse(graphJson)) : JSON.stringify(graphJson);
  if (json === undefined) throw new Error('yjkg/export/html: the graph is not JSON-serialisable');
  const template = await readTemplate();
  const element = `<script id="yjkg-graph" type="application/json">${escapeJsonForScript(json)}</script>`;
  // A function replacement: `$&`-like sequences in the data must stay literal.
  return template.replace(GRAPH_PLACEHOLDER, () => element);
}
