import { describe, expect, it } from 'vitest';
import { addLexiconHierarchy, buildGraph, graphStats, noisyOr, type RegionLookup } from '../../src/graph.js';
import type { Region } from '../../src/lexicon/api.js';
import { article, entity, evidence, relation, sampleResults } from './fixtures.js';

describe('buildGraph', () => {
  it('merges entities across articles: mentions summed, aliases sorted without the label, articles in order', () => {
    const graph = buildGraph(sampleResults());
    const gansu = graph.getNodeAttributes('Province:甘肃省');
    expect(gansu.label).toBe('甘肃省');
    expect(gansu.type).toBe('Province');
    expect(gansu.mentions).toBe(4);
    expect(gansu.aliases).toEqual(['甘肃', '陇']);
    expect(gansu.level).toBe('province');
    expect(gansu.code).toBe('620000');
    expect(gansu.articles).toEqual(['news/a.txt#0', 'news/a.txt#1', 'news/b.txt#0']);
    expect(graph.getNodeAttributes('Person:钱明远').aliases).toEqual(['钱副省长']);
  });

  it('adds Article nodes and MENTIONS edges weighted by mention count', () => {
    const graph = buildGraph(sampleResults());
    const node = graph.getNodeAttributes('Article:news/a.txt#0');
    expect(node).toMatchObject({ label: '甘肃援建和田光伏园', type: 'Article', file: 'news/a.txt', index: 0, characters: 100 });
    expect(graph.getNodeAttributes('Article:news/a.txt#1').label).toBe('news/a.txt#1');
    const mention = graph.getEdgeAttributes('MENTIONS|Article:news/a.txt#1|Project:陇和光伏产业园');
    expect(mention.weight).toBe(3);
    expect(graph.source('MENTIONS|Article:news/a.txt#1|Project:陇和光伏产业园')).toBe('Article:news/a.txt#1');
  });

  it('keeps one edge per (source, type, target, title) with all its evidence, deduplicated and in article order', () => {
    const graph = buildGraph(sampleResults());
    const supports = graph.getEdgeAttributes('SUPPORTS|Province:甘肃省|Prefecture:和田地区');
    expect(supports.weight).toBe(2);
    expect(supports.evidence.map((e: { article: string }) => e.article)).toEqual(['news/a.txt#0', 'news/b.txt#0']);
    expect(supports.rule).toBe('pairing-noun,pairing-verb');
    expect(supports.confidence).toBeCloseTo(1 - 0.1 * 0.5, 10);
    expect(supports.since).toBe(2011);

    const funds = graph.getEdgeAttributes('FUNDS|Province:甘肃省|Project:陇和光伏产业园');
    expect(funds.weight).toBe(2); // the repeated evidence counts once
    expect(funds.rule).toBe('fund-amount,fund-verb');
    expect(funds.amount_yuan).toBe(50000000); // from the 0.8 evidence, not the 0.6 one
    expect(funds.confidence).toBeCloseTo(1 - 0.4 * 0.2, 10);

    // two titles, two edges
    expect(graph.hasEdge('HOLDS_POSITION|Person:钱明远|Province:甘肃省|副省长')).toBe(true);
    expect(graph.hasEdge('HOLDS_POSITION|Person:钱明远|Province:甘肃省|省委常委')).toBe(true);
    const vice = graph.getEdgeAttributes('HOLDS_POSITION|Person:钱明远|Province:甘肃省|副省长');
    expect(vice.title).toBe('副省长');
    expect(vice.weight).toBe(2);
  });

  it('breaks ties between differing amounts deterministically (same confidence: earliest evidence)', () => {
    const make = (first: number, second: number) => [
      article('f.txt', 0, [entity('Province', '福建省'), entity('Project', '闽昌职教中心')], [
        relation('FUNDS', 'Province:福建省', 'Project:闽昌职教中心', evidence('f.txt#0', 9), 0.5, 'r', { amount_yuan: first }),
        relation('FUNDS', 'Province:福建省', 'Project:闽昌职教中心', evidence('f.txt#0', 2), 0.5, 'r', { amount_yuan: second }),
      ]),
    ];
    expect(buildGraph(make(1, 2)).getEdgeAttribute('FUNDS|Province:福建省|Project:闽昌职教中心', 'amount_yuan')).toBe(2);
    expect(buildGraph(make(2, 1)).getEdgeAttribute('FUNDS|Province:福建省|Project:闽昌职教中心', 'amount_yuan')).toBe(1);
  });

  it('creates endpoint nodes a relation names but the entity list lacks, and drops malformed keys', () => {
    const graph = buildGraph([
      article('g.txt', 0, [entity('Organization', '赣新建设集团')], [
        relation('LOCATED_IN', 'Organization:赣新建设集团', 'County:阿克陶县', evidence('g.txt#0', 1)),
        relation('LOCATED_IN', 'Organization:赣新建设集团', 'Nonsense', evidence('g.txt#0', 5)),
      ]),
    ]);
    expect(graph.getNodeAttributes('County:阿克陶县')).toMatchObject({ type: 'County', label: '阿克陶县', mentions: 0, articles: [] });
    expect(graph.size).toBe(2); // MENTIONS + LOCATED_IN
  });

  it('inserts nodes and edges in sorted key order, so export is independent of result order within an article', () => {
    const results = sampleResults();
    const shuffled = results.map((r) => ({ ...r, entities: [...r.entities].reverse(), relations: [...r.relations].reverse() }));
    const a = JSON.stringify(buildGraph(results).export());
    const b = JSON.stringify(buildGraph(shuffled).export());
    expect(b).toBe(a);
    const keys = buildGraph(results).nodes();
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('counts the same article only once', () => {
    const results = sampleResults();
    const twice = buildGraph([...results, results[0]!]);
    expect(twice.getNodeAttribute('Province:甘肃省', 'mentions')).toBe(4);
  });

  it('noisyOr combines independent evidence and stays within [0, 1]', () => {
    expect(noisyOr([])).toBe(0);
    expect(noisyOr([0.5, 0.5])).toBe(0.75);
    expect(noisyOr([1, 0.2])).toBe(1);
  });

  it('graphStats counts by type', () => {
    const stats = graphStats(buildGraph(sampleResults()));
    expect(stats.nodesByType).toEqual({ Article: 3, Person: 1, Prefecture: 1, Project: 1, Province: 1 });
    expect(stats.edgesByType.HOLDS_POSITION).toBe(2);
    expect(stats.edgesByType.MENTIONS).toBe(8);
    expect(stats.edges).toBe(graphStats(buildGraph(sampleResults())).edges);
  });
});

describe('addLexiconHierarchy', () => {
  const regions: Region[] = [
    { name: '湖南省', type: 'Province', level: 'province', code: '430000', aliases: [] },
    { name: '湘西土家族苗族自治州', type: 'Prefecture', level: 'prefecture', code: '433100', parent: '湖南省', aliases: [] },
    { name: '吉首市', type: 'County', level: 'county', code: '433101', parent: '湘西土家族苗族自治州', aliases: [] },
  ];
  const lexicon: RegionLookup = { regionByName: (name) => regions.find((r) => r.name === name) };

  it('adds the parent chain with PART_OF edges from the lexicon, parents with 0 mentions', () => {
    const graph = buildGraph([article('h.txt', 0, [entity('County', '吉首市')], [])]);
    expect(addLexiconHierarchy(graph, lexicon)).toBe(2);
    expect(graph.getNodeAttributes('Prefecture:湘西土家族苗族自治州')).toMatchObject({ mentions: 0, articles: [], code: '433100' });
    const edge = graph.getEdgeAttributes('PART_OF|Prefecture:湘西土家族苗族自治州|Province:湖南省');
    expect(edge).toMatchObject({ type: 'PART_OF', rule: 'lexicon', confidence: 1, weight: 0, evidence: [] });
    expect(graph.hasEdge('PART_OF|County:吉首市|Prefecture:湘西土家族苗族自治州')).toBe(true);
  });

  it('keeps a PART_OF the text already stated, with its evidence', () => {
    const graph = buildGraph(
      [
        article('h.txt', 0, [entity('County', '吉首市'), entity('Prefecture', '湘西土家族苗族自治州')], [
          relation('PART_OF', 'County:吉首市', 'Prefecture:湘西土家族苗族自治州', evidence('h.txt#0', 4), 0.9, 'text-part-of'),
        ]),
      ],
      { lexicon },
    );
    const edge = graph.getEdgeAttributes('PART_OF|County:吉首市|Prefecture:湘西土家族苗族自治州');
    expect(edge.rule).toBe('text-part-of');
    expect(edge.weight).toBe(1);
    expect(graph.hasEdge('PART_OF|Prefecture:湘西土家族苗族自治州|Province:湖南省')).toBe(true);
  });

  it('ignores nodes whose type differs from the lexicon entry', () => {
    const graph = buildGraph([article('h.txt', 0, [entity('Organization', '吉首市')], [])], { lexicon });
    expect(graph.order).toBe(2);
  });
});
