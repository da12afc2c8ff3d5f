// 20,000 nodes and 60,000 edges open and respond (search, hover, filters). How long it takes
// is measured by `npm run bench` (bench/viewer.ts), never asserted here.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { syntheticGraph } from '../../bench/viewer.js';
import { launchBrowser, openExplorer, type Browser } from './browser.js';
import { drawnPixels, nodePosition } from './page.js';
import { artifactPath, writeExplorer, type TempPage } from './helpers.js';

let browser: Browser;
let temp: TempPage;
let page: Page;

beforeAll(async () => {
  temp = await writeExplorer(syntheticGraph(20_000, 60_000));
  browser = await launchBrowser();
  ({ page } = await openExplorer(browser.context, temp.url, 280_000));
});

afterAll(async () => {
  await browser?.close();
  await temp?.cleanup();
});

describe('explorer on a synthetic graph of 20,000 nodes and 60,000 edges', () => {
  test('opens with everything counted and drawn', async () => {
    expect(await page.evaluate(() => ({ ...document.getElementById('counts')!.dataset }))).toEqual({ nodes: '20000', edges: '60000' });
    expect((await drawnPixels(page)).nodes).toBeGreaterThan(1000);
  });

  test('search, selection, hover and filters respond', async () => {
    await page.fill('#search', '测试人物4521');
    await page.waitForSelector('#suggestions li.suggestion');
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel-body .canonical').textContent()).toBe('测试人物4521');
    await page.waitForFunction(() => !window.__yjkg!.explorer!.sigma.getCamera().isAnimated()); // camera flight
    const p = await nodePosition(page, 'Person:测试人物4521');
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction(() => window.__yjkg!.explorer!.hoveredNode === 'Person:测试人物4521');
    await page.uncheck('#node-types input[value="Person"]');
    const persons = await page.evaluate(() => window.__yjkg!.explorer!.loaded.graph.filterNodes((_n, a) => a.type === 'Person').length);
    expect(Number(await page.getAttribute('#counts', 'data-nodes'))).toBe(20_000 - persons);
    await page.screenshot({ path: await artifactPath('explorer-20k.png') });
  });
});
