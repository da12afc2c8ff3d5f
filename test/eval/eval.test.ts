import { describe, expect, it } from 'vitest';
import { evaluate, foldName, predictionsFromGraphJson, type GoldFile } from '../../src/eval.js';

const gold: GoldFile = {
  documents: [
    {
      doc: 'a.txt',
      entities: [
        { type: 'Province', name: '湖南省', aliases: ['湖南', '湘'] },
        { type: 'Prefecture', name: '吐鲁番市', aliases: ['吐鲁番'] },
        { type: 'County', name: '托克逊县', aliases: [] },
        { type: 'Organization', name: '湘新农业发展有限公司', aliases: [] },
        { type: 'Organization', name: '托克逊县人民医院', aliases: [] },
        { type: 'Project', name: '“百村,千户”帮扶行动', aliases: [] },
      ],
      relations: [
        { type: 'SUPPORTS', from: '湖南省', to: '吐鲁番市' },
        { type: 'SUPPORTS', from: '湖南省', to: '托克逊县', attrs: { implicit: true } },
        { type: 'FUNDS', from: '湖南省', to: '“百村,千户”帮扶行动', attrs: { amount_yuan: 12_000_000 } },
        { type: 'COOPERATES_WITH', from: '湘新农业发展有限公司', to: '托克逊县人民医院' },
      ],
    },
  ],
};

const graph = {
  nodes: [
    { key: 'Province:湖南省', attributes: { label: '湖南省', type: 'Province', mentions: 3 } },
    { key: 'Prefecture:吐鲁番市', attributes: { label: '吐鲁番市', type: 'Prefecture', mentions: 1 } },
    { key: 'County:托克逊县', attributes: { label: '托克逊县', type: 'County', mentions: 1 } },
    { key: 'Province:新疆维吾尔自治区', attributes: { label: '新疆维吾尔自治区', type: 'Province', mentions: 0 } },
    { key: 'Prefecture:长沙市', attributes: { label: '长沙市', type: 'Prefecture', mentions: 1 } },
    { key: 'Organization:湘新农业发展有限公司', attributes: { label: '湘新农业发展有限公司', type: 'Organization', mentions: 1 } },
    { key: 'Organization:托克逊县人民医院', attributes: { label: '托克逊县人民医院', type: 'Organization', mentions: 1 } },
    { key: 'Project:“百村，千户”帮扶行动', attributes: { label: '“百村，千户”帮扶行动', type: 'Project', mentions: 1 } },
    { key: 'Article:a.txt#0', attributes: { label: 'a', type: 'Article' } },
  ],
  edges: [
    { source: 'Province:湖南省', target: 'Prefecture:吐鲁番市', attributes: { type: 'SUPPORTS' } },
    { source: 'Province:湖南省', target: 'County:托克逊县', attributes: { type: 'SUPPORTS' } },
    { source: 'Province:湖南省', target: 'Prefecture:长沙市', attributes: { type: 'SUPPORTS' } },
    { source: 'Province:湖南省', target: 'Project:“百村，千户”帮扶行动', attributes: { type: 'FUNDS', amount_yuan: 1_200_000 } },
    { source: 'Organization:托克逊县人民医院', target: 'Organization:湘新农业发展有限公司', attributes: { type: 'COOPERATES_WITH' } },
    { source: 'Article:a.txt#0', target: 'Province:湖南省', attributes: { type: 'MENTIONS' } },
  ],
};

describe('evaluate', () => {
  const report = evaluate(gold, predictionsFromGraphJson(graph));
  const rel = Object.fromEntries(report.relations.map((s) => [s.type, s]));
  const ent = Object.fromEntries(report.entities.map((s) => [s.type, s]));

  it('ignores regions the graph only adds as lexicon parents (mentions 0) and Article nodes', () => {
    expect(ent.Province).toMatchObject({ gold: 1, predicted: 1, precision: 1, recall: 1 });
  });
  it('ignores the PART_OF edges the graph adds from the lexicon, as --inputs never has them', () => {
    const withHierarchy = {
      nodes: graph.nodes,
      edges: [
        ...graph.edges,
        { source: 'County:托克逊县', target: 'Prefecture:吐鲁番市', attributes: { type: 'PART_OF', rule: 'part.adjacent' } },
        { source: 'Prefecture:吐鲁番市', target: 'Province:新疆维吾尔自治区', attributes: { type: 'PART_OF', rule: 'lexicon' } },
        { source: 'Prefecture:长沙市', target: 'Province:湖南省', attributes: { type: 'PART_OF', rule: 'lexicon' } },
      ],
    };
    const goldWithPartOf: GoldFile = {
      documents: [{ ...gold.documents[0]!, relations: [...gold.documents[0]!.relations, { type: 'PART_OF', from: '托克逊县', to: '吐鲁番市' }] }],
    };
    const partOf = evaluate(goldWithPartOf, predictionsFromGraphJson(withHierarchy)).relations.find((r) => r.type === 'PART_OF');
    expect(partOf).toMatchObject({ gold: 1, predicted: 1, precision: 1, recall: 1 });
  });
  it('counts an invented entity against precision', () => {
    expect(ent.Prefecture).toMatchObject({ gold: 1, predicted: 2, precision: 0.5, recall: 1 });
    expect(report.invented.Prefecture).toEqual(['长沙市']);
  });
  it('treats implicit gold relations as optional and lists invented pairs', () => {
    expect(rel.SUPPORTS).toMatchObject({ gold: 1, predicted: 2, matchedGold: 1, matchedPredicted: 1, precision: 0.5 });
    expect(report.invented.SUPPORTS).toEqual(['湖南省 -> 长沙市']);
  });
  it('matches COOPERATES_WITH in either direction and folds punctuation width in names', () => {
    expect(rel.COOPERATES_WITH.f1).toBe(1);
    expect(ent.Project.f1).toBe(1);
    expect(foldName('“百村，千户”（一期）')).toBe('“百村,千户”(一期)');
  });
  it('checks FUNDS amounts where the gold has one', () => {
    expect(rel.FUNDS.f1).toBe(1);
    expect(report.funds_amounts).toMatchObject({ with_gold_amount: 1, matched: 1, correct: 0 });
    expect(report.funds_amounts.wrong[0]).toMatchObject({ gold: 12_000_000, predicted: 1_200_000 });
  });
  it('scores zero recall when nothing is predicted', () => {
    const empty = evaluate(gold, { entities: [], relations: [] });
    expect(empty.relations.find((s) => s.type === 'SUPPORTS')).toMatchObject({ recall: 0, f1: 0 });
  });
});
