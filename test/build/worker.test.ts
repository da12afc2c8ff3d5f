import { describe, expect, it } from 'vitest';
import { chunkArticles, processFile, type ExtractModules } from '../../src/worker.js';
import type { ArticleResult, RawArticle, SourceDocument } from '../../src/types.js';

function raw(index: number, length: number): RawArticle {
  return { id: `f.txt#${index}`, file: 'f.txt', index, start: index * 1000, end: index * 1000 + length, text: '字'.repeat(length), format: 'text' };
}

describe('chunkArticles', () => {
  it('keeps articles whole and in order, each chunk about the size asked', () => {
    const articles = [raw(0, 40), raw(1, 40), raw(2, 40), raw(3, 150), raw(4, 10)];
    const chunks = chunkArticles(articles, 100);
    expect(chunks.map((c) => c.map((a) => a.index))).toEqual([[0, 1], [2], [3], [4]]);
    expect(chunks.flat()).toEqual(articles);
  });
});

describe('processFile', () => {
  const doc: SourceDocument = { file: 'f.txt', encoding: 'utf-8', bytes: 9, format: 'text', text: 'x'.repeat(250_000) };
  const result = (a: RawArticle): ArticleResult => ({
    article: { id: a.id, file: a.file, index: a.index, characters: a.text.length },
    entities: [],
    relations: [],
    messages: a.index === 3 ? [{ file: a.file, article: a.id, ruleId: 'mojibake', reason: 'damaged', fatal: false }] : [],
  });
  const articles = Array.from({ length: 10 }, (_, i) => ({ ...raw(i, 25_000), start: i * 25_000, end: (i + 1) * 25_000 }));
  const modules: ExtractModules = {
    loadDocument: async () => doc,
    extractDocument: (_doc, chunk = articles) => chunk.map(result),
    splitDocument: () => articles,
  };

  it('sends the chunks of a large file as parts, the last in the outcome, with one report for the file', async () => {
    const parts: number[][] = [];
    const outcome = await processFile('f.txt', modules, (results) => parts.push(results.map((r) => r.article.index)));
    expect(parts.length).toBeGreaterThan(0);
    const all = [...parts.flat(), ...outcome.results.map((r) => r.article.index)];
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(outcome.report).toMatchObject({ status: 'ok', articles: 10, characters: 250_000 });
    expect(outcome.report.messages.map((m) => m.ruleId)).toEqual(['mojibake']);
  });

  it('without a part handler returns everything at once', async () => {
    const outcome = await processFile('f.txt', modules);
    expect(outcome.results).toHaveLength(10);
  });

  it('turns a failure into an error report naming the reason, never a throw', async () => {
    const failing: ExtractModules = { ...modules, extractDocument: () => { throw new Error('bad rule\nstack'); } };
    const outcome = await processFile('f.txt', failing);
    expect(outcome.report).toMatchObject({ file: 'f.txt', status: 'error', reason: 'extraction failed: bad rule' });
    const unreadable: ExtractModules = { ...modules, loadDocument: async () => { throw new Error('EACCES'); } };
    expect((await processFile('g.txt', unreadable)).report).toMatchObject({ status: 'error', reason: 'cannot read: EACCES' });
  });
});
