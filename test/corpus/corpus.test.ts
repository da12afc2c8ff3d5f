// The entity bars on articles written for this project (test/corpus/e-*.txt, gold in gold.json):
// Province/Prefecture/County F1 >= 0.90, Person >= 0.85, Organization/Project >= 0.60.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, predictionsFromResults, type GoldFile } from '../../src/eval.js';
import { loadDocument, splitArticles } from '../../src/ingest.js';
import { normalizeArticle } from '../../src/normalize.js';
import { initSegmenter, segmentArticle } from '../../src/segment.js';
import { recognizeArticle } from '../../src/recognize.js';
import { resolveDocument } from '../../src/resolve.js';
import type { ArticleResult } from '../../src/types.js';

const DIR = new URL('.', import.meta.url).pathname;
const BARS: Record<string, number> = { Province: 0.9, Prefecture: 0.9, County: 0.9, Person: 0.85, Organization: 0.6, Project: 0.6 };

describe('entity extraction on the e-* corpus', () => {
  it('meets the entity bars', async () => {
    initSegmenter();
    const files = readdirSync(DIR).filter((f) => /^e-\d+\.txt$/.test(f)).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const results: ArticleResult[] = [];
    for (const f of files) {
      const doc = await loadDocument(join(DIR, f));
      if (!('text' in doc)) throw new Error(`${f}: ${doc.reason}`);
      const resolved = resolveDocument(splitArticles(doc).map(normalizeArticle).map(segmentArticle).map(recognizeArticle));
      for (const a of resolved) {
        results.push({ article: { id: a.id, file: a.file, index: a.index, characters: a.text.length }, entities: a.entities, relations: [], messages: [] });
      }
    }
    const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as GoldFile;
    gold.documents = gold.documents.filter((d) => files.includes(d.doc));
    expect(gold.documents.length).toBe(files.length);
    const report = evaluate(gold, predictionsFromResults(results));
    const f1 = Object.fromEntries(report.entities.map((s) => [s.type, s.f1]));
    for (const [type, bar] of Object.entries(BARS)) {
      expect({ type, f1: f1[type] }, JSON.stringify(report.missed[type] ?? [])).toSatisfy((x: { f1: number }) => x.f1 >= bar);
    }
  });
});
