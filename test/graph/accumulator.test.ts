// The accumulator's compact storage (typed-array evidence and article lists, rule strings,
// alias arrays) must give exactly what the plain objects gave: these cases exercise the
// corners (several rules, evidence naming an unseen article, repeated aliases, many articles).
import { describe, expect, it } from 'vitest';
import { buildGraph, GraphAccumulator } from '../../src/graph.js';
import { seededLayoutPosition } from '../../src/export/layout.js';
import { graphJsonText, streamGraphJson } from '../../src/export/json.js';
import { article, entity, evidence, relation } from './fixtures.js';

const P = 'Province:福建省';
const C = 'Prefecture:昌吉回族自治州';

function results() {
  const out = [];
  for (let i = 0; i < 40; i++) {
    const id = `paper/day-${i % 7}.txt#${i}`;
    out.push(
      article(`paper/day-${i % 7}.txt`, i, [entity('Province', '福建省', 2, { aliases: i % 2 ? ['闽', '福建'] : ['福建', '福建省'] }), entity('Prefecture', '昌吉回族自治州')], [
        relation('SUPPORTS', P, C, evidence(id, 10 * (i % 3)), 0.6, i % 3 === 0 ? 'pairing-verb' : 'pairing-list'),
        // The same place quoted by two rules: counted once, with the higher confidence.
        relation('SUPPORTS', P, C, evidence(id, 10 * (i % 3)), 0.9, 'pairing-verb'),
        ...(i === 5 ? [relation('SUPPORTS', P, C, evidence('elsewhere.txt#3', 1), 0.2, 'a-rule')] : []),
      ]),
    );
  }
  return out;
}

describe('GraphAccumulator compact storage', () => {
  it('joins distinct rules sorted, dedupes evidence across rules, keeps evidence of unseen articles', () => {
    const graph = buildGraph(results());
    const edge = graph.getEdgeAttributes(`SUPPORTS|${P}|${C}`);
    expect(edge.rule).toBe('a-rule,pairing-list,pairing-verb');
    expect(edge.weight).toBe(41);
    expect(edge.evidence.filter((e: { article: string }) => e.article === 'elsewhere.txt#3')).toHaveLength(1);
    const node = graph.getNodeAttributes(P);
    expect(node.aliases).toEqual(['福建', '闽']);
    expect(node.articles).toHaveLength(40);
    expect(node.articles[39]).toBe('paper/day-4.txt#39');
  });

  it('streams from the accumulator the same bytes, twice, as through graphology', async () => {
    const graph = buildGraph(results());
    graph.forEachNode((key, attrs) => Object.assign(attrs, seededLayoutPosition(key, graph.order)));
    const acc = new GraphAccumulator();
    for (const r of results()) acc.add(r);
    const source = acc.toSource({ position: seededLayoutPosition });
    for (let pass = 0; pass < 2; pass++) {
      let text = '';
      await streamGraphJson(source, { write: (piece: string) => void (text += piece) } as never);
      expect(text).toBe(graphJsonText(graph));
    }
  });
});
