// Results packed by a worker thread (one JSON string) and the one-pass graph.json + graph.gexf
// writer give exactly what structured clone and the separate writers gave.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph.js';
import { writeGraphFiles } from '../../src/export/files.js';
import { writeGexf } from '../../src/export/gexf.js';
import { writeGraphJson } from '../../src/export/json.js';
import { packResults, unpackResults } from '../../src/worker.js';
import type { ArticleResult } from '../../src/types.js';

const root = mkdtempSync(join(tmpdir(), 'yjkg-par-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function results(): ArticleResult[] {
  const sentence = '江西省支援克孜勒苏柯尔克孜自治州。\uD800 "引号" <b>&\n';
  const evidence = (i: number) => ({ article: `a.txt#${i}`, sentence, start: 3 * i, end: 3 * i + 9 });
  return [0, 1].map((i) => ({
    article: { id: `a.txt#${i}`, file: 'a.txt', index: i, ...(i ? { title: '标题' } : {}), characters: 40 },
    entities: [
      { key: 'Province:江西省', type: 'Province', label: '江西省', aliases: ['江西'], level: 'province', code: '360000', mentions: 2 },
      { key: 'Prefecture:克孜勒苏柯尔克孜自治州', type: 'Prefecture', label: '克孜勒苏柯尔克孜自治州', aliases: [], mentions: 1 },
    ],
    relations: [
      { type: 'SUPPORTS', source: 'Province:江西省', target: 'Prefecture:克孜勒苏柯尔克孜自治州', attrs: { since: 2010 + i }, evidence: evidence(i), confidence: 0.7, rule: 'r1' },
      { type: 'FUNDS', source: 'Province:江西省', target: 'Prefecture:克孜勒苏柯尔克孜自治州', attrs: { amount_yuan: 1.5e8 }, evidence: evidence(i), confidence: 0.6, rule: 'r2' },
    ],
    messages: [],
  }));
}

describe('packResults / unpackResults', () => {
  it('round-trips ArticleResults, each evidence sentence stored once', () => {
    const packed = packResults(results());
    expect(packed.split('江西省支援').length - 1).toBe(1);
    expect(unpackResults(packed)).toEqual(results());
  });
});

describe('writeGraphFiles', () => {
  it('writes the bytes of writeGraphJson and writeGexf', async () => {
    const graph = buildGraph(results());
    graph.forEachNode((_key, attributes) => Object.assign(attributes, { x: 1.5, y: -2 }));
    await writeGraphJson(graph, join(root, 'a.json'));
    await writeGexf(graph, join(root, 'a.gexf'));
    await writeGraphFiles(graph, { json: join(root, 'b.json'), gexf: join(root, 'b.gexf') });
    expect(readFileSync(join(root, 'b.json'), 'utf8')).toBe(readFileSync(join(root, 'a.json'), 'utf8'));
    expect(readFileSync(join(root, 'b.gexf'), 'utf8')).toBe(readFileSync(join(root, 'a.gexf'), 'utf8'));
    expect(JSON.parse(readFileSync(join(root, 'b.json'), 'utf8'))).toEqual(graph.export());
  });

});
