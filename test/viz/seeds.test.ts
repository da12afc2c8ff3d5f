// End to end on the real sample corpus: `yjkg build seeds` writes out/index.html, which opens
// from disk in headless Chromium. Needs the compiled CLI and viewer (`npm run build`; `npm test` runs it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer, type Browser } from './browser.js';
import { drawnPixels } from './page.js';
import { ROOT, artifactPath } from './helpers.js';

let out: string;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const cli = join(ROOT, 'dist', 'src', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  out = await mkdtemp(join(tmpdir(), 'yjkg-viz-seeds-'));
  const run = spawnSync(process.execPath, [cli, 'build', 'seeds', '--out', out, '--quiet', '--workers', '1'], { cwd: ROOT, encoding: 'utf8' });
  const index = join(out, 'index.html');
  if (!existsSync(index)) throw new Error(`yjkg build seeds wrote no index.html (exit ${run.status}): ${run.stderr}`);
  browser = await launchBrowser();
  ({ page, errors } = await openExplorer(browser.context, pathToFileURL(index).href));
});

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('out/index.html of the seeds build', () => {
  test('opens from disk and the WebGL canvas renders', async () => {
    expect(page.url()).toMatch(/^file:/);
    const drawn = await drawnPixels(page);
    expect(drawn.webgl).toBe(true);
    expect(drawn.nodes).toBeGreaterThan(500);
    expect(drawn.edges).toBeGreaterThan(500);
  });

  test('searching 昌吉 selects 昌吉回族自治州, whose panel lists 山西省 under SUPPORTS with evidence from 001', async () => {
    await page.fill('#search', '昌吉');
    await page.waitForSelector('#suggestions li.suggestion');
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel-body .canonical').textContent()).toBe('昌吉回族自治州');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#node=Prefecture:昌吉回族自治州');
    const relation = page.locator('#panel-body [data-relation="SUPPORTS"] li.relation', {
      has: page.locator('button.node-link', { hasText: /^山西省$/ }),
    });
    await expect(relation.count()).resolves.toBe(1);
    for (const more of await relation.locator('button.more').all()) await more.click();
    const evidence = await relation.locator('ol.evidence > li:has(blockquote)').evaluateAll((items) =>
      items.map((li) => ({ sentence: li.querySelector('blockquote')!.textContent!, article: (li.querySelector('cite') as HTMLElement).dataset.article! })),
    );
    const from001 = evidence.filter((e) => /(^|\/)001_[^/]*$/.test(e.article.replace(/#\d+$/, '')));
    expect(from001.length).toBeGreaterThan(0);
    expect(from001[0].sentence.length).toBeGreaterThan(5);
    // The entity is highlighted in the sentence.
    expect(await relation.locator('mark.self').count()).toBeGreaterThan(0);
  });

  test('toggling the Person type hides the people', async () => {
    const people = await page.evaluate(() => window.__yjkg!.explorer!.loaded.graph.filterNodes((_n, a) => a.type === 'Person'));
    expect(people.length).toBeGreaterThan(0);
    const before = Number(await page.getAttribute('#counts', 'data-nodes'));
    expect(await page.textContent('#node-types [data-type="Person"] .n')).toBe(String(people.length));
    await page.uncheck('#node-types input[value="Person"]');
    expect(Number(await page.getAttribute('#counts', 'data-nodes'))).toBe(before - people.length);
    expect(await page.textContent('#node-types [data-type="Person"] .n')).toBe('0');
    const shown = await page.evaluate(
      (keys) => keys.filter((k) => !window.__yjkg!.explorer!.sigma.getNodeDisplayData(k)!.hidden),
      people,
    );
    expect(shown).toEqual([]);
    await page.check('#node-types input[value="Person"]');
    expect(Number(await page.getAttribute('#counts', 'data-nodes'))).toBe(before);
  });

  test('a screenshot for a person to look at', async () => {
    await page.fill('#search', '昌吉');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__yjkg!.explorer!.sigma.getCamera().isAnimated());
    await page.screenshot({ path: await artifactPath('explorer-seeds.png') });
    expect(errors).toEqual([]);
  });
});
