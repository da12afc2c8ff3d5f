// Properties of segmentation on arbitrary text: offsets always slice the text to the token,
// tokens and sentences are ordered and disjoint, every token lies inside its sentence.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSegmenter, segmentArticle, sentenceTokens, splitSentences } from '../../src/segment.js';
import type { NormalizedArticle } from '../../src/types.js';

const article = (text: string): NormalizedArticle => ({
  id: 'p.txt#0', file: 'p.txt', index: 0, text, offsets: new Int32Array(text.length + 1),
  original: text, originalStart: 0, damaged: [], messages: [],
});

// Pieces that exercise the tricky parts: domain words, quotes, terminators, spaces, digits,
// Latin, astral characters, a lone surrogate (which jieba cannot round-trip).
const PIECES = [
  '昌吉回族自治州', '兵团第六师', '222团', '援疆干部', '王建军', '来到', '的', '项目', '。', '！', '？', '；', '!', '?',
  '“', '”', '（', '）', '，', '\n', ' ', '\u3000', '\t', '2023年', '1.5亿元', 'abc', 'GDP', '𠮷', '😀', '\ud800', '…', '新疆', '"', "'", ')', '.', 'x"y',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

beforeAll(() => initSegmenter());

describe('segmentation properties', () => {
  it('sentences are ordered, disjoint, trimmed and never cross a newline', () => {
    fc.assert(
      fc.property(texts, (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          const body = text.slice(s.start, s.end);
          expect(body).not.toContain('\n');
          expect(body.trim()).toBe(body.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tokens slice the text, are ordered, and lie inside their sentence', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const seg = segmentArticle(article(text));
        let last = 0;
        let sentenceEnd = 0;
        let tokenEnd = 0;
        for (const [i, s] of seg.sentences.entries()) {
          expect(s.index).toBe(i);
          // each sentence's tokens follow the previous sentence's in the article's table
          expect(s.tokenStart).toBe(tokenEnd);
          tokenEnd = s.tokenEnd;
          expect(s.start).toBeGreaterThanOrEqual(sentenceEnd);
          for (const t of sentenceTokens(seg, s)) {
            expect(text.slice(t.start, t.end).trim()).not.toBe('');
            expect(t.start).toBeGreaterThanOrEqual(Math.max(last, s.start));
            expect(t.end).toBeLessThanOrEqual(s.end);
            last = t.end;
          }
          sentenceEnd = s.end;
        }
        expect(seg.tokens.starts.length).toBe(tokenEnd);
      }),
      { numRuns: 300 },
    );
  });
});
