// Explorer speed on a synthetic graph (default 20,000 nodes and 60,000 edges): how long from
// opening out/index.html in headless Chromium until the page is interactive, i.e. sigma drew
// its first frame and a search + selection round trip completed. Called by bench/run.ts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderExplorerHtml } from '../src/export/html.js';
import { launchBrowser, openExplorer } from '../test/viz/browser.js';
import { prng as random } from '../src/util/prng.js';

const TYPES = ['Province', 'Prefecture', 'County', 'Person', 'Organization', 'Project'];
const RELATIONS = ['SUPPORTS', 'PART_OF', 'LOCATED_IN', 'FUNDS', 'HOLDS_POSITION', 'VISITS', 'COOPERATES_WITH'];


/**
 * graphology serialization of a synthetic knowledge graph with the attributes of DESIGN.md:
 * clustered positions (as `yjkg build` writes them), skewed degrees, 1-3 evidence sentences per edge.
 */
export function syntheticGraph(nodes = 20_000, edges = 60_000, seed = 42): object {
  const rnd = random(seed);
  const clusters = Math.max(1, Math.round(Math.sqrt(nodes) / 4));
  const centres = Array.from({ length: clusters }, () => ({ x: (rnd() - 0.5) * 2000, y: (rnd() - 0.5) * 2000 }));
  const keys: string[] = [];
  const outNodes = [];
  for (let i = 0; i < nodes; i++) {
    const type = TYPES[i % 97 === 0 ? 0 : i % 13 === 0 ? 1 : (i % 4) + 2];
    const label = `${type === 'Person' ? '测试人物' : type === 'Project' ? '示范工程' : '合成实体'}${i}`;
    const key = `${type}:${label}`;
    keys.push(key);
    const c = centres[i % clusters];
    const r = Math.sqrt(rnd()) * 160;
    const angle = rnd() * Math.PI * 2;
    outNodes.push({
      key,
      attributes: {
        label,
        type,
        aliases: [`别名${i}`],
        mentions: 1 + (i % 7),
        articles: [`synthetic/${i % 500}.txt#0`],
        x: Math.round((c.x + Math.cos(angle) * r) * 100) / 100,
        y: Math.round((c.y + Math.sin(angle) * r) * 100) / 100,
      },
    });
  }
  const outEdges = [];
  for (let i = 0; i < edges; i++) {
    // Preferential-ish attachment: low indices are hubs.
    const s = Math.floor(nodes * rnd() ** 2);
    let t = Math.floor(nodes * rnd());
    if (t === s) t = (t + 1) % nodes;
    const type = RELATIONS[i % RELATIONS.length];
    const n = 1 + (i % 3);
    const evidence = Array.from({ length: n }, (_, k) => ({
      article: `synthetic/${(i + k) % 500}.txt#0`,
      sentence: `合成实体${s}与合成实体${t}的第${k + 1}条证据句。`,
      start: k * 20,
      end: k * 20 + 18,
    }));
    outEdges.push({
      key: `e${i}`,
      source: keys[s],
      target: keys[t],
      attributes: { type, evidence, weight: n, confidence: 0.5 + (i % 5) / 10, rule: 'synthetic' },
    });
  }
  return { options: { type: 'directed', multi: true, allowSelfLoops: false }, attributes: {}, nodes: outNodes, edges: outEdges };
}

export interface ViewerTimings {
  nodes: number;
  edges: number;
  htmlBytes: number;
  /** navigation start -> first frame drawn and handlers bound (page clock) */
  readyMs: number;
  /** Node-side wall clock from goto() to ready */
  wallMs: number;
  /** typing a query, picking the suggestion, panel shown */
  searchSelectMs: number;
}

export async function measureViewer(nodes = 20_000, edges = 60_000): Promise<ViewerTimings> {
  const dir = await mkdtemp(join(tmpdir(), 'yjkg-viewer-bench-'));
  const browser = await launchBrowser();
  try {
    const html = await renderExplorerHtml(syntheticGraph(nodes, edges));
    const file = join(dir, 'index.html');
    await writeFile(file, html);
    const started = Date.now();
    const { page } = await openExplorer(browser.context, pathToFileURL(file).href, 300_000);
    const wallMs = Date.now() - started;
    const readyMs = await page.evaluate(() => (globalThis as { __yjkg?: { readyAt?: number } }).__yjkg?.readyAt ?? NaN);
    const t0 = Date.now();
    await page.fill('#search', '合成实体7');
    await page.waitForSelector('#suggestions li.suggestion');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden]) .canonical');
    const searchSelectMs = Date.now() - t0;
    return { nodes, edges, htmlBytes: Buffer.byteLength(html), readyMs: Math.round(readyMs), wallMs, searchSelectMs };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Milliseconds from opening the page until it is interactive (first frame + one search/select round trip). */
export async function measureViewerInteractive(nodes = 20_000, edges = 60_000): Promise<number> {
  const t = await measureViewer(nodes, edges);
  return t.wallMs + t.searchSelectMs;
}

// `node dist/bench/viewer.js [nodes] [edges]` prints the timings on their own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [nodes, edges] = process.argv.slice(2).map(Number);
  measureViewer(nodes || undefined, edges || undefined).then(
    (t) => process.stdout.write(`${JSON.stringify(t)}\n`),
    (error: Error) => {
      process.stderr.write(`bench/viewer: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
