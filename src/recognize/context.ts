// What every recognition rule sees: the article text, token boundaries and a mention factory.
import type { Mention, MentionKind, SegmentedArticle, Token } from '../types.js';
import type { LexiconIndex } from './lexicon-index.js';

export interface Context {
  text: string;
  article: SegmentedArticle;
  ix: LexiconIndex;
  tokenStarts: Set<number>;
  tokenEnds: Set<number>;
  /** Tag of the token that spans exactly [start, end), if any. */
  tokenTagAt: Map<string, string>;
  /** The token ending at a given offset. */
  tokenEndingAt: Map<number, Token>;
  hasTokens: boolean;
  mention(kind: MentionKind, start: number, end: number, rule: string, extra?: Partial<Mention>): Mention;
}

export const HAN = /[\u3400-\u9fff]/;
export const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);

export function makeContext(article: SegmentedArticle, ix: LexiconIndex): Context {
  const tokenStarts = new Set<number>();
  const tokenEnds = new Set<number>();
  const tokenTagAt = new Map<string, string>();
  const tokenEndingAt = new Map<number, Token>();
  let hasTokens = false;
  for (const s of article.sentences) {
    for (const t of s.tokens) {
      hasTokens = true;
      tokenStarts.add(t.start);
      tokenEnds.add(t.end);
      tokenTagAt.set(`${t.start}:${t.end}`, t.tag);
      tokenEndingAt.set(t.end, t);
    }
  }
  const sentenceStarts = article.sentences.map((s) => s.start);
  const sentenceOf = (pos: number): number => {
    // last sentence whose start <= pos (sentences are in text order)
    let lo = 0;
    let hi = sentenceStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentenceStarts[mid]! <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found < 0 ? (article.sentences[0]?.index ?? 0) : article.sentences[found]!.index;
  };
  const text = article.text;
  return {
    text,
    article,
    ix,
    tokenStarts,
    tokenEnds,
    tokenTagAt,
    tokenEndingAt,
    hasTokens,
    mention(kind, start, end, rule, extra = {}) {
      return { kind, text: text.slice(start, end), start, end, sentence: sentenceOf(start), rule, ...extra };
    },
  };
}

/** True when [start, end) starts and ends on token boundaries (or when there are no tokens). */
export function onTokenBoundaries(ctx: Context, start: number, end: number): boolean {
  if (!ctx.hasTokens) return true;
  return ctx.tokenStarts.has(start) && ctx.tokenEnds.has(end);
}
