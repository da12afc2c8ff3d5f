// The accumulator keeps evidence sentences off the heap (spilled to a temp file past a buffer)
// and keys relations compactly; neither may change a byte of the output. These cases force the
// spill on a tiny buffer and the '|' corner where different parts join to one relation key.
import { describe, expect, it } from 'vitest';
import { GraphAccumulator, type GraphSource } from '../../src/graph.js';
import { seededLayoutPosition } from '../../src/export/layout.js';
import { graphJsonText, streamGraphJson } from '../../src/export/json.js';
import type { ArticleResult } from '../../src/types.js';
import { article, entity, evidence, relation, sampleResults } from '../graph/fixtures.js';

const P = 'Province:福建省';
const C = 'Prefecture:昌吉回族自治州';

function manyResults(): ArticleResult[] {
  const out = sampleResults();
  for (let i = 0; i < 60; i++) {
    const id = `paper/day-${i % 5}.txt#${i}`;
    // Sentences of every shape: long, astral characters, a lone surrogate, empty, repeated.
    const sentences = ['福建省对口支援昌吉回族自治州'.repeat(1 + (i % 9) * 40), `援疆𠀀${i}😀`, `坏\uD800字${i}`, '', '同一句话'];
    out.push(
      article(
        `paper/day-${i % 5}.txt`,
        i,
        [entity('Province', '福建省', 2), entity('Prefecture', '昌吉回族自治州'), entity('Person', `王${i % 4}`)],
        sentences.flatMap((sentence, k) => [
          relation('SUPPORTS', P, C, evidence(id, 7 * k, sentence), 0.5 + k / 20, k % 2 ? 'pairing-verb' : 'pairing-list'),
          relation('HOLDS_POSITION', `Person:王${i % 4}`, P, evidence(id, 7 * k + 1, sentence), 0.6, 'title-name', { title: k % 2 ? '书记' : '省长' }),
        ]),
      ),
    );
  }
  return out;
}

async function streamed(accumulator: GraphAccumulator): Promise<string> {
  const source: GraphSource = accumulator.toSource({ position: seededLayoutPosition });
  let text = '';
  const out = { write: (piece: string) => ((text += piece), undefined), flush: async () => {}, close: async () => {} };
  await streamGraphJson(source, out as never);
  return text;
}

function accumulate(results: ArticleResult[], sentenceBuffer?: number, sentenceReadBack?: number): GraphAccumulator {
  const accumulator = new GraphAccumulator({ ...(sentenceBuffer === undefined ? {} : { sentenceBuffer }), ...(sentenceReadBack === undefined ? {} : { sentenceReadBack }) });
  for (const result of results) accumulator.add(result);
  return accumulator;
}

describe('GraphAccumulator off-heap evidence', () => {
  it('gives the same graph whether sentences stay in memory or spill to disk', async () => {
    const inMemory = accumulate(manyResults());
    const spilled = accumulate(manyResults(), 64); // smaller than some sentences: direct writes too
    const expected = await streamed(inMemory);
    expect(await streamed(spilled)).toBe(expected);
    // A second pass (graph.gexf after graph.json) reads the same sentences again.
    expect(await streamed(spilled)).toBe(expected);
    // A spilled file too large to read back whole: sentence by sentence, same bytes.
    const unread = accumulate(manyResults(), 64, 0);
    expect(await streamed(unread)).toBe(expected);
    unread.dispose();
    // More spilled after a read-back (a graph written, then more articles added): re-read.
    const grown = accumulate(manyResults().slice(0, 20), 64);
    await streamed(grown);
    for (const result of manyResults().slice(20)) grown.add(result);
    expect(await streamed(grown)).toBe(expected);
    grown.dispose();
    expect(graphJsonText(accumulate(manyResults(), 64).toGraph())).toBe(graphJsonText(accumulate(manyResults()).toGraph()));
    spilled.dispose();
    const edge = JSON.parse(expected).edges.find((e: { key: string }) => e.key === `SUPPORTS|${P}|${C}`);
    expect(edge.attributes.evidence.map((e: { sentence: string }) => e.sentence)).toContain('坏\uD800字3');
    expect(edge.attributes.weight).toBe(300);
  });

  it("merges relations whose parts join to one key through a '|', before and after such a part appears", () => {
    const id = 'a.txt#0';
    const results = [
      article('a.txt', 0, [entity('Person', '甲'), entity('Organization', '乙')], [
        relation('HOLDS_POSITION', 'Person:甲', 'Organization:乙', evidence(id, 1), 0.5, 'r', { title: '丙' }),
      ]),
      article('a.txt', 1, [entity('Person', '甲'), entity('Organization', '乙|丙')], [
        relation('HOLDS_POSITION', 'Person:甲', 'Organization:乙|丙', evidence('a.txt#1', 2), 0.5, 'r'),
        relation('HOLDS_POSITION', 'Person:甲', 'Organization:乙', evidence('a.txt#1', 3), 0.5, 'r', { title: '丙' }),
      ]),
    ];
    const graph = accumulate(results).toGraph();
    const edges = graph.filterEdges((_key, attrs) => attrs.type === 'HOLDS_POSITION');
    expect(edges).toEqual(['HOLDS_POSITION|Person:甲|Organization:乙|丙']);
    expect(graph.getEdgeAttribute(edges[0]!, 'weight')).toBe(3);
  });
});
