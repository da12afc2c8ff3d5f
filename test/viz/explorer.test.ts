// The explorer's interactions on a small hand-written graph (test/viz/fixtures.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer, type Browser } from './browser.js';
import { drawnPixels, nodePosition, pointsOnEdge } from './page.js';
import { smallGraph } from './fixtures.js';
import { ROOT, artifactPath, writeExplorer, type TempPage } from './helpers.js';

let browser: Browser;
let temp: TempPage;
let page: Page;
let errors: string[];

const counts = () => page.evaluate(() => ({ ...document.getElementById('counts')!.dataset }));
const panelTitle = () => page.locator('#panel-body .canonical').textContent();

beforeAll(async () => {
  temp = await writeExplorer(smallGraph());
  browser = await launchBrowser();
  ({ page, errors } = await openExplorer(browser.context, temp.url));
  // The fixture has no positions: ForceAtlas2 runs in a worker until stopped.
  expect(await page.textContent('#layout-toggle')).toBe('Stop layout');
  const position = () => page.evaluate(() => window.__yjkg!.explorer!.loaded.graph.getNodeAttributes('Province:江苏省').x as number);
  const start = await position();
  await page.waitForFunction((x) => window.__yjkg!.explorer!.loaded.graph.getNodeAttributes('Province:江苏省').x !== x, start);
  await page.waitForTimeout(1000);
  await page.click('#layout-toggle');
  expect(await page.evaluate(() => window.__yjkg!.explorer!.isLayoutRunning())).toBe(false);
  expect(await page.textContent('#layout-toggle')).toBe('Run layout');
});

async function closePanel() {
  if (await page.isVisible('#panel-close')) await page.click('#panel-close');
  await page.waitForSelector('#panel', { state: 'hidden' });
  await page.waitForFunction(() => !window.__yjkg!.explorer!.sigma.getCamera().isAnimated());
  // The stage widens when the panel closes: let sigma resize, then show the whole graph.
  await page.evaluate(() => {
    const s = window.__yjkg!.explorer!.sigma;
    s.resize();
    s.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    s.refresh();
  });
}

afterAll(async () => {
  await browser?.close();
  await temp?.cleanup();
});

describe('explorer on a small graph', () => {
  test('draws nodes and edges with WebGL', async () => {
    const drawn = await drawnPixels(page);
    expect(drawn.webgl).toBe(true);
    expect(drawn.nodes).toBeGreaterThan(50);
    expect(drawn.edges).toBeGreaterThan(50);
  });

  test('legend lists every entity type with its colour; provenance is off by default', async () => {
    const rows = await page.$$eval('#node-types .toggle', (els) =>
      els.map((e) => ({
        type: (e as HTMLElement).dataset.type,
        checked: (e.querySelector('input') as HTMLInputElement).checked,
        color: getComputedStyle(e.querySelector('.swatch')!).backgroundColor,
      })),
    );
    expect(rows.map((r) => r.type)).toEqual(['Province', 'Prefecture', 'County', 'Person', 'Organization', 'Project', 'Article']);
    expect(rows.find((r) => r.type === 'Article')!.checked).toBe(false);
    expect(new Set(rows.map((r) => r.color)).size).toBe(rows.length);
    expect(await counts()).toEqual({ nodes: '9', edges: '8' });
  });

  test('traditional input finds the simplified entity by alias, flies there and records it in the URL', async () => {
    await page.fill('#search', '伊犁哈薩克');
    await page.waitForSelector('#suggestions li.suggestion');
    expect(await page.locator('#suggestions li.suggestion .label').first().textContent()).toBe('伊犁哈萨克自治州');
    const before = await page.evaluate(() => window.__yjkg!.explorer!.sigma.getCamera().getState());
    await page.keyboard.press('Enter');
    expect(await panelTitle()).toBe('伊犁哈萨克自治州');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#node=Prefecture:伊犁哈萨克自治州');
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => window.__yjkg!.explorer!.sigma.getCamera().getState());
    expect(after).not.toEqual(before);
    // Evidence quoted in traditional characters is still highlighted for the simplified name.
    const marks = await page.$$eval('#panel-body [data-relation="SUPPORTS"] mark.self', (els) => els.map((e) => e.textContent));
    expect(marks).toContain('伊犁哈薩克自治州');
    expect(marks).toContain('伊犁州');
  });

  test('panel groups relations by type; counterparts are clickable', async () => {
    const groups = await page.$$eval('#panel-body .relation-group', (els) => els.map((e) => (e as HTMLElement).dataset.relation));
    expect(groups).toEqual(['SUPPORTS', 'PART_OF']);
    await page.click('#panel-body [data-relation="SUPPORTS"] button.node-link:text("江苏省")');
    expect(await panelTitle()).toBe('江苏省');
    expect(await page.$$eval('#panel-body .alias', (els) => els.map((e) => e.textContent))).toEqual(['江苏', '苏']);
    const sources = await page.$$eval('#panel-body cite.source', (els) => els.map((e) => e.textContent));
    // Source article, its title, and where the quote sits in the original file.
    expect(sources).toContain('demo/a.txt · article 0 《江苏援疆十年纪实》 · chars 0–15');
  });

  test('clicking a relation shows its evidence', async () => {
    await page.click('#panel-body [data-relation="SUPPORTS"] li.relation:has(button.node-link:text("克孜勒苏柯尔克孜自治州")) button.edge-link');
    expect(await page.getAttribute('#panel-body', 'data-kind')).toBe('edge');
    expect(await page.locator('#panel-body blockquote').first().textContent()).toBe('江苏同时对口支援克州。');
    expect(new URL(page.url()).hash).toContain('edge=');
    // Only the relation and its two ends stay in colour.
    const display = await page.evaluate(() => {
      const s = window.__yjkg!.explorer!.sigma;
      return {
        end: s.getNodeDisplayData('Prefecture:克孜勒苏柯尔克孜自治州')!.color,
        other: s.getNodeDisplayData('County:霍城县')!.color,
        otherEdge: s.getEdgeDisplayData('County:霍城县->PART_OF->Prefecture:伊犁哈萨克自治州')!.hidden,
      };
    });
    expect(display).toEqual({ end: '#2a9d8f', other: '#e4e4e4', otherEdge: true });
  });

  test('clicking an edge on the canvas shows that edge', async () => {
    await closePanel();
    // Like a person: move along the 霍城县 -> 伊犁州 PART_OF edge until the pointer says it is on it
    // (sigma picks edges in a half-resolution buffer, so a thin edge is not hit everywhere), then click.
    const points = await pointsOnEdge(page, 'County:霍城县', 'Prefecture:伊犁哈萨克自治州');
    expect(points.length).toBeGreaterThan(0);
    const isPointer = () => page.evaluate(() => document.getElementById('sigma-container')!.style.cursor === 'pointer');
    let hit: { x: number; y: number } | undefined;
    for (const point of points) {
      await page.mouse.move(point.x, point.y);
      if (await isPointer()) {
        hit = point;
        break;
      }
    }
    expect(hit).toBeDefined();
    await page.mouse.click(hit!.x, hit!.y);
    await page.waitForSelector('#panel:not([hidden])');
    expect(await page.getAttribute('#panel-body', 'data-kind')).toBe('edge');
    expect(await page.locator('#panel-body blockquote').first().textContent()).toBe('伊犁州霍城县新建一所中学。');
  });

  test('hovering a node dims everything outside its neighbourhood', async () => {
    await closePanel();
    const p = await nodePosition(page, 'Person:李秀兰');
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => window.__yjkg!.explorer!.hoveredNode === 'Person:李秀兰');
    const display = await page.evaluate(() => {
      const s = window.__yjkg!.explorer!.sigma;
      return {
        self: s.getNodeDisplayData('Person:李秀兰')!.color,
        neighbour: s.getNodeDisplayData('County:霍城县')!.color,
        outside: s.getNodeDisplayData('Province:江苏省')!.color,
        outsideEdge: s.getEdgeDisplayData('Province:江苏省->SUPPORTS->Prefecture:克孜勒苏柯尔克孜自治州')!.hidden,
        ownEdge: s.getEdgeDisplayData('Person:李秀兰->VISITS->County:霍城县')!.hidden,
      };
    });
    expect(display.outside).toBe('#e4e4e4');
    expect(display.self).not.toBe('#e4e4e4');
    expect(display.neighbour).not.toBe('#e4e4e4');
    expect(display.outsideEdge).toBe(true);
    expect(display.ownEdge).toBe(false);
    await page.mouse.move(5, 500);
    await page.waitForFunction(() => window.__yjkg!.explorer!.hoveredNode === null);
    expect(await page.evaluate(() => window.__yjkg!.explorer!.sigma.getNodeDisplayData('Province:江苏省')!.color)).not.toBe('#e4e4e4');
  });

  test('relation toggles and the minimum-evidence slider update the visible counts', async () => {
    await page.uncheck('#edge-types input[value="PART_OF"]');
    expect(await counts()).toEqual({ nodes: '9', edges: '6' });
    await page.check('#edge-types input[value="PART_OF"]');
    await page.locator('#min-evidence').fill('2');
    expect(await counts()).toEqual({ nodes: '9', edges: '1' });
    expect(await page.textContent('#edge-types [data-type="SUPPORTS"] .n')).toBe('1');
    await page.locator('#min-evidence').fill('1');
    expect(await counts()).toEqual({ nodes: '9', edges: '8' });
  });

  test('the selection and the filters in the URL are restored when the link is opened', async () => {
    await page.uncheck('#node-types input[value="Project"]');
    await page.check('#edge-types input[value="MENTIONS"]');
    await page.locator('#min-evidence').fill('2');
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).toString()).toBe('hide=Project%2CArticle&hiderel=&min=2');
    await page.check('#node-types input[value="Project"]');
    await page.uncheck('#edge-types input[value="MENTIONS"]');
    await page.locator('#min-evidence').fill('1');
    expect(new URL(page.url()).hash).toBe('');

    const shared = await browser.context.newPage();
    await shared.goto(`${temp.url}#node=${encodeURIComponent('Person:张明远')}&hide=Person`);
    await shared.waitForFunction(() => window.__yjkg?.ready === true);
    expect(await shared.locator('#panel-body .canonical').textContent()).toBe('张明远');
    expect(await shared.locator('#panel-body [data-relation="HOLDS_POSITION"] .attrs').textContent()).toBe('title: 总指挥');
    // Only Person hidden: the Article nodes (off by default) are shown because the link says so.
    expect(await shared.isChecked('#node-types input[value="Person"]')).toBe(false);
    expect(await shared.isChecked('#node-types input[value="Article"]')).toBe(true);
    expect(await shared.getAttribute('#counts', 'data-nodes')).toBe('9');
    // Editing the fragment by hand (or going back) applies it too.
    await shared.evaluate(() => (location.hash = 'min=2'));
    await shared.waitForFunction(() => document.getElementById('counts')!.dataset.edges === '1');
    expect(await shared.isVisible('#panel')).toBe(false);
    await shared.close();
  });

  test('zoom buttons zoom and show the whole graph again', async () => {
    const ratio = () => page.evaluate(() => window.__yjkg!.explorer!.sigma.getCamera().ratio);
    const settled = () => page.waitForFunction(() => !window.__yjkg!.explorer!.sigma.getCamera().isAnimated());
    await settled();
    const start = await ratio();
    await page.click('#zoom-in');
    await settled();
    expect(await ratio()).toBeLessThan(start);
    await page.click('#zoom-out');
    await page.click('#zoom-out');
    await settled();
    await page.click('#zoom-reset');
    await settled();
    expect(await ratio()).toBe(1);
  });

  test('the bare viewer asks for a graph and opens a dropped graph.json', async () => {
    const bare = await browser.context.newPage();
    await bare.goto(pathToFileURL(join(ROOT, 'viz', 'dist', 'index.html')).href);
    await expect(bare.locator('#message').textContent()).resolves.toContain('drop a graph.json');
    await bare.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'graph.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(smallGraph()));
    await bare.waitForFunction(() => window.__yjkg?.ready === true);
    expect(await bare.getAttribute('#counts', 'data-nodes')).toBe('9');
    await bare.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"nodes": 1'], 'broken.json'));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await bare.waitForFunction(() => document.getElementById('message')!.textContent!.startsWith('broken.json: not a graph.json'));
    await bare.close();
  });

  test('exports the visible subgraph as GEXF and the view as PNG', async () => {
    await page.uncheck('#node-types input[value="Person"]');
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    expect(gexf.suggestedFilename()).toBe('yjkg-visible.gexf');
    const xml = await readFile((await gexf.path())!, 'utf8');
    expect(xml).toContain('<gexf');
    expect(xml).toContain('label="伊犁哈萨克自治州"');
    expect(xml).not.toContain('张明远'); // hidden by the Person toggle
    expect(xml).not.toContain('label="demo/a.txt#0"'); // Article nodes are off
    expect((xml.match(/<edge /g) ?? []).length).toBe(6);
    await page.check('#node-types input[value="Person"]');

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(png.suggestedFilename()).toBe('yjkg-view.png');
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
    await page.screenshot({ path: await artifactPath('explorer-small.png') });
    expect(errors).toEqual([]);
  });
});
