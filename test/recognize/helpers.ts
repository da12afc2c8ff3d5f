// Build a SegmentedArticle from plain (already normalized) text with the real segmenter.
import { initSegmenter, segmentArticle } from '../../src/segment.js';
import type { NormalizedArticle, SegmentedArticle, Span } from '../../src/types.js';

export function segmented(text: string, opts: { id?: string; index?: number; damaged?: Span[] } = {}): SegmentedArticle {
  initSegmenter();
  const offsets = new Int32Array(text.length + 1).map((_, i) => i);
  const a: NormalizedArticle = {
    id: opts.id ?? `t.txt#${opts.index ?? 0}`,
    file: 't.txt',
    index: opts.index ?? 0,
    text,
    offsets,
    original: text,
    originalStart: 0,
    damaged: opts.damaged ?? [],
    messages: [],
  };
  return segmentArticle(a);
}
