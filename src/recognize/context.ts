// What every recognition rule sees: the article text, token boundaries and a mention factory.
import type { Mention, MentionKind, SegmentedArticle, Token } from '../types.js';
import type { LexiconIndex } from './lexicon-index.js';
import { tokenAt } from '../segment.js';

export interface Context {
  text: string;
  article: SegmentedArticle;
  ix: LexiconIndex;
  tokenStarts: OffsetSet;
  tokenEnds: OffsetSet;
  /** Tag of the token that spans exactly [start, end), if any. */
  tokenTagOf(start: number, end: number): string | undefined;
  /** The token ending at a given offset. */
  tokenEndingAt: { get(end: number): Token | undefined };
  /** The token starting at a given offset. */
  tokenStartingAt: { get(start: number): Token | undefined };
  hasTokens: boolean;
  mention(kind: MentionKind, start: number, end: number, rule: string, extra?: Partial<Mention>): Mention;
}

/** Membership test over text offsets (what the rules ask of token boundaries). */
export interface OffsetSet {
  has(pos: number): boolean;
}

export const HAN = /[\u3400-\u9fff]/;
/** Same as HAN.test(c) for one character, without running a regex per character. */
export const isHan = (c: string | undefined): boolean => {
  if (c === undefined || c.length === 0) return false;
  const code = c.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (c.length > 1 && HAN.test(c));
};

export function makeContext(article: SegmentedArticle, ix: LexiconIndex): Context {
  // Offset-indexed arrays, not Sets/Maps with string keys: this runs for every token of the corpus.
  // (1 + index into the token table, 0 for none: typed arrays, which the garbage collector does not scan)
  const size = article.text.length + 1;
  const table = article.tokens;
  const { starts, ends, tagIds, tagNames } = table;
  const byStart = new Int32Array(size);
  const byEnd = new Int32Array(size);
  for (let k = 0; k < starts.length; k++) {
    byStart[starts[k]!] = k + 1;
    byEnd[ends[k]!] = k + 1;
  }
  const hasTokens = starts.length > 0;
  const tokenStarts: OffsetSet = { has: (pos) => byStart[pos]! > 0 };
  const tokenEnds: OffsetSet = { has: (pos) => byEnd[pos]! > 0 };
  const tokenEndingAt = { get: (end: number) => (byEnd[end]! > 0 ? tokenAt(table, byEnd[end]! - 1) : undefined) };
  const tokenStartingAt = { get: (start: number) => (byStart[start]! > 0 ? tokenAt(table, byStart[start]! - 1) : undefined) };
  const tokenTagOf = (start: number, end: number): string | undefined => {
    const k = byStart[start]! - 1;
    return k >= 0 && ends[k] === end ? tagNames[tagIds[k]!] : undefined;
  };
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
    tokenTagOf,
    tokenEndingAt,
    tokenStartingAt,
    hasTokens,
    mention(kind, start, end, rule, extra) {
      // one object shape for every mention (value/attrs undefined rather than absent): the later
      // stages read mentions at hot call sites that would otherwise see many shapes and deopt
      return { kind, text: text.slice(start, end), start, end, sentence: sentenceOf(start), rule, value: extra?.value, attrs: extra?.attrs };
    },
  };
}

/** True when [start, end) starts and ends on token boundaries (or when there are no tokens). */
export function onTokenBoundaries(ctx: Context, start: number, end: number): boolean {
  if (!ctx.hasTokens) return true;
  return ctx.tokenStarts.has(start) && ctx.tokenEnds.has(end);
}

/** The start of a region's name or short name (two to four characters) ending at `end`, if any. */
export function placeNameEndingAt(ctx: Context, end: number): number | undefined {
  for (let len = 4; len >= 2; len--) {
    if (end - len < 0) continue;
    if (ctx.ix.surfaces.has(ctx.text.slice(end - len, end))) return end - len;
  }
  return undefined;
}

/**
 * An empty array that already holds objects as far as V8 is concerned: `[]` starts with small-
 * integer elements, so loops over sometimes-empty lists would see two array maps and deopt.
 */
export function objectList<T>(): T[] {
  const list = [{}] as unknown as T[];
  list.pop(); // (elements kinds only generalise: the list stays an object list)
  return list;
}
