// Graphs at the edges of the contract: empty, attributes missing, self-loops and undirected
// edges, and something that is not a graph at all.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openExplorer, type Browser } from './browser.js';
import { writeExplorer } from './helpers.js';

let browser: Browser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const cleanup of cleanups) await cleanup();
});

async function open(graph: object) {
  const temp = await writeExplorer(graph);
  cleanups.push(temp.cleanup);
  return temp.url;
}

describe('degenerate graphs', () => {
  test('an empty graph says so', async () => {
    const { page, errors } = await openExplorer(browser.context, await open({ nodes: [], edges: [] }));
    expect(await page.textContent('#message')).toBe('The graph is empty.');
    expect(await page.getAttribute('#counts', 'data-nodes')).toBe('0');
    expect(errors).toEqual([]);
  });

  test('missing attributes, self-loops and undirected edges are shown with defaults', async () => {
    const url = await open({
      nodes: [{ key: 'a' }, { key: 'b', attributes: { type: 'Province', label: '乙省' } }, { key: 'c', attributes: { type: 'Spaceport' } }],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'a', attributes: { type: 'PART_OF', evidence: 'not a list' } },
        { source: 'b', target: 'c', undirected: true, attributes: { type: 'COOPERATES_WITH', evidence: [{ article: 'x#0', sentence: '乙省与c合作。' }] } },
      ],
    });
    const { page, errors } = await openExplorer(browser.context, url);
    expect(await page.$$eval('#node-types .toggle', (els) => els.map((e) => (e as HTMLElement).dataset.type))).toEqual(['Province', 'Spaceport', 'Unknown']);
    expect(await page.$$eval('#edge-types .toggle', (els) => els.map((e) => (e as HTMLElement).dataset.type))).toEqual(['PART_OF', 'COOPERATES_WITH', 'RELATED']);
    expect(await page.getAttribute('#counts', 'data-edges')).toBe('3');
    await page.fill('#search', '乙');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#panel-body .canonical')).toBe('乙省');
    expect(await page.$$eval('#panel-body .relation-group', (els) => els.map((e) => (e as HTMLElement).dataset.relation))).toEqual([
      'COOPERATES_WITH',
      'RELATED',
    ]);
    expect(await page.textContent('#panel-body [data-relation="COOPERATES_WITH"] blockquote')).toBe('乙省与c合作。');
    await page.click('#panel-body [data-relation="RELATED"] button.node-link');
    expect(await page.textContent('#panel-body .canonical')).toBe('a');
    expect(errors).toEqual([]);
  });

  test('something that is not a graph is reported in the page, not thrown', async () => {
    await expect(openExplorer(browser.context, await open({ hello: 'world' }))).rejects.toThrow(
      /explorer failed: yjkg-viewer: not a graphology serialization/,
    );
  });
});
