import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ChunkedFile,
  chunkArticles,
  chunkSpans,
  loadExtractModules,
  loadFile,
  processFile,
  readChunkArticles,
  type ChunkOutcome,
  type ExtractModules,
} from '../../src/worker.js';
import type { FileReport } from '../../src/types.js';
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

  it('sends the chunks of a large file as parts, in order, with one report for the file', async () => {
    const parts: number[][] = [];
    const outcome = await processFile('f.txt', modules, (results, chunks) => {
      expect(chunks).toBe(3);
      parts.push(results.map((r) => r.article.index));
    });
    expect(parts).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(outcome.results).toEqual([]);
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

describe('ChunkedFile', () => {
  const loaded: FileReport = { file: 'big.txt', status: 'ok', encoding: 'gb18030', bytes: 900, articles: 0, characters: 600, messages: [], timings_ms: { load: 5 } };
  const message = (n: number) => ({ file: 'big.txt', article: `big.txt#${n}`, ruleId: 'mojibake', reason: `damaged ${n}`, fatal: false });
  const ok = (chunk: number): ChunkOutcome<string> => ({ ok: true, results: `chunk ${chunk}`, articles: 10, messages: [message(chunk)], extractMs: 7 });

  it('releases chunks in chunk order whatever order they arrive in, and reports the file once all are in', () => {
    const file = new ChunkedFile<string>(loaded, 4);
    expect(file.add(2, ok(2))).toEqual({ ready: [] });
    expect(file.add(0, ok(0))).toEqual({ ready: ['chunk 0'] });
    expect(file.add(3, ok(3))).toEqual({ ready: [] });
    const last = file.add(1, ok(1));
    expect(last.ready).toEqual(['chunk 1', 'chunk 2', 'chunk 3']);
    expect(last.report).toEqual({ ...loaded, articles: 40, messages: [0, 1, 2, 3].map(message), timings_ms: { load: 5, extract: 28 } });
    expect(file.finished).toBe(true);
    expect(file.add(1, ok(1))).toEqual({ ready: [] });
  });

  it('ends the file at the first failed chunk in order: the chunks before it are kept and counted, the ones after dropped', () => {
    const file = new ChunkedFile<string>(loaded, 5);
    expect(file.add(3, ok(3))).toEqual({ ready: [] });
    expect(file.add(2, { ok: false, reason: 'extraction failed: bad rule', extractMs: 1 })).toEqual({ ready: [] });
    expect(file.add(0, ok(0))).toEqual({ ready: ['chunk 0'] });
    const end = file.add(1, ok(1));
    expect(end.ready).toEqual(['chunk 1']);
    expect(end.report).toMatchObject({ file: 'big.txt', status: 'error', reason: 'extraction failed: bad rule (after 20 articles)', encoding: 'gb18030', articles: 20, characters: 600 });
    expect(file.add(4, ok(4))).toEqual({ ready: [] });
  });

  it('a file whose chunks hold no article is skipped, as a small one would be', () => {
    const file = new ChunkedFile<string>(loaded, 1);
    expect(file.add(0, { ok: true, results: '', articles: 0, messages: [], extractMs: 1 }).report).toMatchObject({ status: 'skipped', reason: 'no article found', articles: 0 });
  });
});

describe('chunkSpans and readChunkArticles: a chunk read from its own bytes', () => {
  // Articles with two-, three- and four-byte characters (é, 汉, 𠀀), so byte and character
  // offsets differ, in a file with and without a BOM; ingest decodes and splits it as a build does.
  const body = Array.from({ length: 40 }, (_, i) => `第${i}篇\n\n2024年3月${(i % 28) + 1}日 来源：新华网\n\n江西省援疆干部在阿克陶县调研（é𠀀${i}），${'援疆工作'.repeat(900)}。\n`).join('\n\n\n');
  const dir = mkdtempSync(join(tmpdir(), 'yjkg-span-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function split(name: string, bytes: Buffer) {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const modules = await loadExtractModules();
    const loaded = await loadFile(file, modules, true);
    if (!('doc' in loaded) || !loaded.chunks) throw new Error('expected a chunked file');
    return { file, loaded };
  }

  it('gives every chunk exactly the articles, offsets and text the whole-file read gives', async () => {
    for (const [name, bytes] of [
      ['plain.txt', Buffer.from(body, 'utf8')],
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')])],
    ] as const) {
      const { file, loaded } = await split(name, bytes);
      expect(loaded.chunks!.length).toBeGreaterThan(1);
      const spans = chunkSpans(loaded.doc, loaded.chunks!)!;
      expect(spans).toHaveLength(loaded.chunks!.length);
      spans.forEach((span, k) => expect(readChunkArticles(file, span)).toEqual(loaded.chunks![k]!.map((a) => ({ ...a }))));
    }
  });

  it('is not offered where characters do not map onto bytes, and notices a file that changed', async () => {
    const { file, loaded } = await split('gb.txt', iconv.encode(body, 'gb18030'));
    expect(loaded.doc.encoding).not.toMatch(/^utf-8/);
    expect(chunkSpans(loaded.doc, loaded.chunks!)).toBeUndefined();
    const replaced = await split('bad.txt', Buffer.concat([Buffer.from(body, 'utf8'), Buffer.from([0xff, 0xfe, 0x0a])]));
    expect(replaced.loaded.doc.text).toContain('\ufffd');
    expect(chunkSpans(replaced.loaded.doc, replaced.loaded.chunks!)).toBeUndefined();
    const plain = await split('changing.txt', Buffer.from(body, 'utf8'));
    const spans = chunkSpans(plain.loaded.doc, plain.loaded.chunks!)!;
    writeFileSync(plain.file, Buffer.from('江'.repeat(10) + body, 'utf8')); // shifted by 30 bytes
    expect(readChunkArticles(plain.file, spans[1]!)).toBe('the file changed while it was being read');
    writeFileSync(plain.file, '短');
    expect(readChunkArticles(plain.file, spans[1]!)).toBe('the file changed while it was being read');
    expect(readChunkArticles(join(dir, 'gone.txt'), spans[1]!)).toMatch(/^cannot read: /);
    void file;
  });
});
