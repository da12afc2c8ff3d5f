// Article text is data: markup in labels, aliases, titles and evidence shows as text and never runs.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer, type Browser } from './browser.js';
import { nodePosition } from './page.js';
import { XSS_PAYLOADS, hostileGraph } from './fixtures.js';
import { writeExplorer, type TempPage } from './helpers.js';

const [IMG, SCRIPT, CLOSE] = XSS_PAYLOADS;
let browser: Browser;
let temp: TempPage;
let page: Page;
let errors: string[];

beforeAll(async () => {
  temp = await writeExplorer(hostileGraph());
  browser = await launchBrowser();
  ({ page, errors } = await openExplorer(browser.context, temp.url));
});

afterAll(async () => {
  await browser?.close();
  await temp?.cleanup();
});

describe('hostile text in the graph', () => {
  test('the embedded JSON cannot close its script element', async () => {
    const html = await readFile(temp.file, 'utf8');
    expect(html).not.toContain(CLOSE);
    expect(html).not.toContain('onerror="window.__pwned');
    expect(html.match(/<script/g)?.length).toBe(2); // the bundle and the data element
    // ...and the page reads back exactly the strings that went in (`$&` included).
    const labels = await page.evaluate(() => window.__yjkg!.explorer!.loaded.graph.mapNodes((_n, a) => a.label as string));
    expect(labels).toContain(`恶意机构${IMG}`);
    const sentence = await page.evaluate(
      () => window.__yjkg!.explorer!.loaded.graph.getEdgeAttribute(window.__yjkg!.explorer!.loaded.graph.edges()[1], 'evidence')[0].sentence,
    );
    expect(sentence).toBe(`河北与恶意机构${IMG}合作$&$'$\`。`);
  });

  test('labels, aliases and evidence show as visible text in the panel', async () => {
    await page.fill('#search', '恶意');
    await page.waitForSelector('#suggestions li.suggestion');
    expect(await page.locator('#suggestions li.suggestion .label').first().textContent()).toBe(`恶意机构${IMG}`);
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel-body .canonical').textContent()).toBe(`恶意机构${IMG}`);
    expect(await page.$$eval('#panel-body .alias', (els) => els.map((e) => e.textContent))).toEqual([`别名${SCRIPT}`, CLOSE]);
    const quotes = await page.$$eval('#panel-body blockquote', (els) => els.map((e) => e.textContent));
    expect(quotes).toContain(`王五${SCRIPT}在恶意机构${IMG}任职${CLOSE}。`);
    expect(await page.locator('#panel-body .attrs').first().textContent()).toBe(`title: 主任${IMG}`);
    expect(await page.locator('#panel-body cite.source').first().textContent()).toMatch(`x.txt · article 0${IMG} 《标题${IMG}${CLOSE}》 · chars 0–`);
    // Visible on screen, not just present in the DOM.
    await expect(page.locator(`#panel-body .canonical`).isVisible()).resolves.toBe(true);
    await page.click(`#panel-body button.node-link:text("王五")`);
    expect(await page.locator('#panel-body .canonical').textContent()).toBe(`王五${SCRIPT}`);
    await page.click('#panel-body button.edge-link');
    expect(await page.getAttribute('#panel-body', 'data-kind')).toBe('edge');
  });

  test('canvas labels and hover render the text too, and nothing ran', async () => {
    const p = await nodePosition(page, `Organization:恶意机构${IMG}`);
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      pwned: window.__pwned,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      injected: document.querySelectorAll('#panel-body *:not(header, h2, h3, h4, span, dl, dt, dd, section, ul, ol, li, div, button, blockquote, mark, cite)').length,
    }));
    expect(dom).toEqual({ pwned: undefined, images: 0, scripts: 2, injected: 0 });
    expect(errors).toEqual([]);
  });

  test('defence in depth: the page policy refuses inline handlers even if markup got in', async () => {
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<img src="data:," onerror="window.__pwned=4" onload="window.__pwned=5">';
      document.body.append(probe);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.includes('violates the following Content Security Policy'))).toBe(true);
  });
});
