// A synthetic knowledge graph of a given size, with the attributes `yjkg build` writes
// (aliases, articles, evidence with a sentence), to time graph.json + graph.gexf writing.
import { MultiDirectedGraph } from 'graphology';
import { prng } from './corpus.js';
import { compareStrings, type KnowledgeGraph } from '../src/graph.js';

const TYPES = ['Person', 'Province', 'Prefecture', 'County', 'Project', 'Organization', 'Article'] as const;
const RELATIONS = ['SUPPORTS', 'PART_OF', 'LOCATED_IN', 'FUNDS', 'HOLDS_POSITION', 'VISITS', 'COOPERATES_WITH', 'MENTIONS'] as const;

export function syntheticKnowledgeGraph(nodeCount: number, edgeCount: number, seed = 7): KnowledgeGraph {
  const rnd = prng(seed);
  const graph = new MultiDirectedGraph();
  const keys: string[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const type = TYPES[i % TYPES.length]!;
    const label = `${type === 'Person' ? '人物' : type === 'Project' ? '示范工程' : '实体'}${i.toString(36)}`;
    keys.push(`${type}:${label}`);
  }
  keys.sort(compareStrings);
  for (const key of keys) {
    const [type, label] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    graph.addNode(key, {
      label,
      type,
      aliases: rnd() < 0.3 ? [`${label}别名`] : [],
      mentions: 1 + Math.floor(rnd() * 20),
      articles: [`corpus/news-${Math.floor(rnd() * 400)}.txt#${Math.floor(rnd() * 300)}`],
      x: Math.round((rnd() - 0.5) * 300000) / 100,
      y: Math.round((rnd() - 0.5) * 300000) / 100,
    });
  }
  const edges: { key: string; source: string; target: string; type: string }[] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    const source = keys[Math.floor(nodeCount * rnd() ** 2)]!; // skewed degrees: hubs
    const target = keys[Math.floor(nodeCount * rnd())]!;
    const type = RELATIONS[Math.floor(rnd() * RELATIONS.length)]!;
    const key = `${type}|${source}|${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ key, source, target, type });
  }
  seen.clear();
  edges.sort((a, b) => compareStrings(a.key, b.key));
  for (const e of edges) {
    const start = Math.floor(rnd() * 100000);
    const sentence = `${e.source.slice(e.source.indexOf(':') + 1)}与${e.target.slice(e.target.indexOf(':') + 1)}签署对口援疆合作协议，投入资金一亿元。`;
    graph.addDirectedEdgeWithKey(e.key, e.source, e.target, {
      type: e.type,
      weight: 1,
      confidence: Math.round(rnd() * 1000) / 1000,
      rule: 'synthetic',
      evidence: [{ article: `corpus/news-${Math.floor(rnd() * 400)}.txt#${Math.floor(rnd() * 300)}`, sentence, start, end: start + sentence.length }],
    });
  }
  return graph;
}
