// renderExplorerHtml (the out/index.html writer) and `yjkg serve`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { rmSync, truncateSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GRAPH_PLACEHOLDER, escapeJsonForScript, renderExplorerHtml } from '../../src/export/html.js';
import { register, startServer } from '../../src/commands/serve.js';
import { launchBrowser, openExplorer, type Browser } from './browser.js';
import { smallGraph } from './fixtures.js';

const embedded = (html: string) => {
  const m = /<script id="yjkg-graph" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no graph element');
  return m[1];
};

describe('renderExplorerHtml', () => {
  test('escaped JSON parses back to the same value and never contains "<" or a line separator', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: fc.constantFrom('<', '>', '&', '/', '\u2028', '\u2029', 'a', '汉', '"', '\\') }), (value, text) => {
        const json = JSON.stringify({ value, text });
        const escaped = escapeJsonForScript(json);
        expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
        expect(escaped).not.toMatch(/[<>\u2028\u2029]/);
      }),
    );
  });

  test('embeds the graph once, from an object or from JSON text, byte-identically', async () => {
    const graph = smallGraph();
    const fromObject = await renderExplorerHtml(graph);
    const fromText = await renderExplorerHtml(JSON.stringify(graph, null, 2));
    expect(fromText).toBe(fromObject);
    expect(await renderExplorerHtml(graph)).toBe(fromObject);
    expect(fromObject).not.toContain(GRAPH_PLACEHOLDER);
    expect(fromObject.split('id="yjkg-graph"').length).toBe(2);
    expect(JSON.parse(embedded(fromObject))).toEqual(graph);
  });

  test('replacement patterns in the data stay literal', async () => {
    const graph = { nodes: [{ key: "$&$'$`$$", attributes: { label: '$1' } }], edges: [] };
    expect(JSON.parse(embedded(await renderExplorerHtml(graph)))).toEqual(graph);
  });

  test('rejects text that is not JSON', async () => {
    await expect(renderExplorerHtml('{not json')).rejects.toThrow(SyntaxError);
  });
});

describe('yjkg serve', () => {
  let dir: string;
  let file: string;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yjkg-serve-'));
    file = join(dir, 'graph.json');
    await writeFile(file, JSON.stringify(smallGraph()));
    server = await startServer({ graph: file, port: 0 });
    const { address, port } = server.address() as AddressInfo;
    expect(address).toBe('127.0.0.1');
    base = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  test('serves the explorer with the graph embedded, the graph itself, and nothing else', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(JSON.parse(embedded(await page.text()))).toEqual(smallGraph());
    const raw = await fetch(`${base}/graph.json`);
    expect(await raw.text()).toBe(JSON.stringify(smallGraph()));
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  test('the served page is interactive, also when it loads the graph with ?graph=', async () => {
    for (const url of [`${base}/`, `${base}/?graph=/graph.json`]) {
      const { page, errors } = await openExplorer(browser.context, url);
      await page.fill('#search', '霍城');
      await page.keyboard.press('Enter');
      expect(await page.locator('#panel-body .canonical').textContent()).toBe('霍城县');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('a missing graph file is a usage error naming the file', async () => {
    const program = new Command().exitOverride();
    register(program);
    await expect(program.parseAsync(['node', 'yjkg', 'serve', '--graph', join(dir, 'missing.json')])).rejects.toThrow(
      /missing\.json: cannot read the graph \(ENOENT\)/,
    );
    await expect(program.parseAsync(['node', 'yjkg', 'serve', '--graph', file, '--port', 'x'])).rejects.toThrow(/--port/);
  });

  test('a graph.json too large to read whole says so and points to yjkg load and Gephi', async () => {
    // sparse: 2.1 GB long, no disk used; fs.readFile refuses anything over 2 GiB
    const huge = join(dir, 'huge.json');
    await writeFile(huge, '');
    truncateSync(huge, 2.1e9);
    const program = new Command().exitOverride();
    register(program);
    await expect(program.parseAsync(['node', 'yjkg', 'serve', '--graph', huge])).rejects.toThrow(
      /huge\.json: cannot read the graph \(too large to read whole; .*`yjkg load`, which streams any size, or open graph\.gexf in Gephi\)$/,
    );
    rmSync(huge);
  });
});
