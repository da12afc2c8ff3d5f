// Hand-made ArticleResults with invented people, projects and organisations (not from the
// sample articles), so the graph stage is tested without the extraction stages.
import type { ArticleResult, EntityRecord, Evidence, RelationRecord } from '../../src/types.js';

export function entity(type: EntityRecord['type'], label: string, mentions = 1, extra: Partial<EntityRecord> = {}): EntityRecord {
  return { key: `${type}:${label}`, type, label, aliases: [], mentions, ...extra };
}

export function evidence(article: string, start: number, sentence = `句子${start}`): Evidence {
  return { article, sentence, start, end: start + sentence.length };
}

export function relation(
  type: RelationRecord['type'],
  source: string,
  target: string,
  ev: Evidence,
  confidence = 0.5,
  rule = 'test-rule',
  attrs: RelationRecord['attrs'] = {},
): RelationRecord {
  return { type, source, target, attrs, evidence: ev, confidence, rule };
}

export function article(file: string, index: number, entities: EntityRecord[], relations: RelationRecord[], title?: string): ArticleResult {
  return {
    article: { id: `${file}#${index}`, file, index, ...(title ? { title } : {}), characters: 100 + index },
    entities,
    relations,
    messages: [],
  };
}

/** A small two-file corpus: 甘肃省 supports 和田地区 through an invented project. */
export function sampleResults(): ArticleResult[] {
  const a0 = 'news/a.txt#0';
  const a1 = 'news/a.txt#1';
  const b0 = 'news/b.txt#0';
  return [
    article(
      'news/a.txt',
      0,
      [
        entity('Province', '甘肃省', 2, { aliases: ['甘肃', '陇'], level: 'province', code: '620000' }),
        entity('Prefecture', '和田地区', 1, { level: 'prefecture', code: '653200' }),
        entity('Person', '钱明远', 1),
        entity('Project', '陇和光伏产业园', 1),
      ],
      [
        relation('SUPPORTS', 'Province:甘肃省', 'Prefecture:和田地区', evidence(a0, 40), 0.9, 'pairing-verb', { since: 2011 }),
        relation('FUNDS', 'Province:甘肃省', 'Project:陇和光伏产业园', evidence(a0, 80), 0.6, 'fund-amount', { amount_yuan: 30000000 }),
        relation('HOLDS_POSITION', 'Person:钱明远', 'Province:甘肃省', evidence(a0, 10), 0.7, 'title-name', { title: '副省长' }),
      ],
      '甘肃援建和田光伏园',
    ),
    article(
      'news/a.txt',
      1,
      [entity('Province', '甘肃省', 1, { aliases: ['甘肃省'] }), entity('Project', '陇和光伏产业园', 3, { aliases: ['光伏园'] })],
      [
        relation('FUNDS', 'Province:甘肃省', 'Project:陇和光伏产业园', evidence(a1, 5), 0.8, 'fund-amount', { amount_yuan: 50000000 }),
        // the same evidence twice (two rules on one sentence): kept once
        relation('FUNDS', 'Province:甘肃省', 'Project:陇和光伏产业园', evidence(a1, 5), 0.4, 'fund-verb'),
      ],
    ),
    article(
      'news/b.txt',
      0,
      [entity('Person', '钱明远', 2, { aliases: ['钱副省长'] }), entity('Province', '甘肃省', 1)],
      [
        relation('HOLDS_POSITION', 'Person:钱明远', 'Province:甘肃省', evidence(b0, 3), 0.5, 'title-name', { title: '副省长' }),
        relation('HOLDS_POSITION', 'Person:钱明远', 'Province:甘肃省', evidence(b0, 30), 0.5, 'title-name', { title: '省委常委' }),
        relation('SUPPORTS', 'Province:甘肃省', 'Prefecture:和田地区', evidence(b0, 60), 0.5, 'pairing-noun'),
      ],
    ),
  ];
}
