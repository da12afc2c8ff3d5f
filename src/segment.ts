// Segment stage: sentences + jieba POS tokens with normalized offsets.
//
// jieba's dictionary is global per thread, so the lexicon enters it once, as a user dictionary
// FILE (`word freq tag`; nodejs-jieba's insertWord drops tags): region names and aliases tagged
// PROV / PREF / CNTY / XPCC, titles tagged TITLE. The file is generated deterministically from
// the lexicon and cached under os.tmpdir() by content hash, so threads and runs share it.
//
// Sentences end after 。！？!?； (plus any closing quotes/brackets that follow) and at newlines.
// A terminator inside “…” does not end the sentence when the quotation closes within
// QUOTE_LOOKAHEAD characters on the same line (short quoted speech stays with its sentence);
// a long or unclosed quotation is split like plain text.
//
// Cost: jieba is called once per paragraph (not per sentence, not per article-wide string), and
// tokens are placed by a forward scan over the text, so offsets are linear in the text length.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { DEFAULT_USER_DICT, load, tag } from 'nodejs-jieba';
import { getLexicon } from './lexicon/index.js';
import type { NormalizedArticle, SegmentedArticle, Sentence, Token } from './types.js';

/** Tags this stage puts into jieba's user dictionary (besides jieba's own POS tags). */
export const LEXICON_TAGS = {
  province: 'PROV',
  prefecture: 'PREF',
  county: 'CNTY',
  xpcc: 'XPCC',
  'xpcc-division': 'XPCC',
  'xpcc-regiment': 'XPCC',
  title: 'TITLE',
} as const;

// High enough that a dictionary name beats any split of it (log(freq/total) ~ -8 against a
// jieba total of ~6e7), low enough not to swallow ordinary neighbouring words.
const USER_WORD_FREQ = 20000;
const QUOTE_LOOKAHEAD = 150;
const USER_DICT_VERSION = 'yjkg-userdict-2';

/** `word freq tag` lines for jieba, sorted, one per surface (the highest-level region wins). */
export function buildUserDictionary(): string {
  const lex = getLexicon();
  const tags = new Map<string, string>();
  const add = (word: string, tagName: string) => {
    // Single characters would break ordinary words apart; whitespace would break the file format.
    if (word.length < 2 || /\s/.test(word) || tags.has(word)) return;
    tags.set(word, tagName);
  };
  // lex.regions is sorted province -> prefecture -> county: an ambiguous surface takes the higher level.
  for (const r of lex.regions) {
    // Two-character county names (城区, 郊区, 和县, 新县) are also ordinary words: context decides.
    if (!(r.level === 'county' && r.name.length <= 2)) add(r.name, LEXICON_TAGS[r.level]);
  }
  // Aliases were curated by the lexicon build (e.g. only Xinjiang counties have short ones).
  for (const r of lex.regions) for (const a of r.aliases) add(a, LEXICON_TAGS[r.level]);
  for (const t of lex.titles) add(t, LEXICON_TAGS.title);
  const words = [...tags.keys()].sort();
  return words.map((w) => `${w} ${USER_WORD_FREQ} ${tags.get(w)}`).join('\n') + '\n';
}

/** Writes the user dictionary once per content hash (atomic rename: threads may race). */
function userDictionaryFile(): string {
  const content = buildUserDictionary();
  const hash = createHash('sha256').update(USER_DICT_VERSION).update(content).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'yjkg-jieba');
  const file = join(dir, `userdict-${hash}.utf8`);
  if (!existsSync(file)) {
    try {
      mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temp, content);
      renameSync(temp, file);
    } catch (error) {
      throw new Error(`segment: cannot write the jieba user dictionary ${file}: ${(error as Error).message}`);
    }
  }
  return file;
}

let initialized = false;

/** Loads jieba with the lexicon user dictionary; idempotent, once per thread. */
export function initSegmenter(): void {
  if (initialized) return;
  load({ userDict: `${DEFAULT_USER_DICT}|${userDictionaryFile()}` });
  initialized = true;
}

/** Plain jieba tagging of a string (the bench baseline; same dictionaries as segmentArticle). */
export function tagPlain(text: string): { word: string; tag: string }[] {
  initSegmenter();
  return tag(text);
}

// ------------------------------------------------------------------ sentences

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '；']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', "'"]);
const OPEN_QUOTES = new Set(['“', '「', '『']);
const CLOSE_QUOTES = new Set(['”', '」', '』']);
const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u3000' || ch === '\u00a0';

/** Does the open quotation close within QUOTE_LOOKAHEAD characters, before a newline? */
function quoteClosesSoon(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + QUOTE_LOOKAHEAD);
  for (let i = from; i < limit; i++) {
    const ch = text[i];
    if (ch === '\n') return false;
    if (CLOSE_QUOTES.has(ch)) return true;
  }
  return false;
}

/** Sentence spans [start, end) in normalized offsets, whitespace trimmed, empty ones dropped. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const emit = (start: number, end: number) => {
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  };
  let start = 0;
  let quoteDepth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      emit(start, i);
      start = ++i;
      quoteDepth = 0;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) quoteDepth++;
    else if (CLOSE_QUOTES.has(ch) && quoteDepth > 0) quoteDepth--;
    if (!TERMINATORS.has(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && TERMINATORS.has(text[end])) end++;
    if (quoteDepth > 0 && quoteClosesSoon(text, end)) {
      i = end;
      continue;
    }
    while (end < text.length && CLOSERS.has(text[end])) {
      if (CLOSE_QUOTES.has(text[end]) && quoteDepth > 0) quoteDepth--;
      end++;
    }
    emit(start, end);
    start = i = end;
  }
  emit(start, text.length);
  return spans;
}

// ------------------------------------------------------------------ tokens

// jieba returns words in order; a word that does not start exactly where the previous ended
// (whitespace it skipped) is searched for in a small window, which keeps the scan linear.
const ALIGN_WINDOW = 16;

function tagParagraph(text: string, start: number, end: number, out: Token[]): void {
  let pos = start;
  for (const { word, tag: t } of tag(text.slice(start, end))) {
    if (word.length === 0 || word.trim() === '') {
      if (text.startsWith(word, pos)) pos += word.length;
      continue;
    }
    let at = text.startsWith(word, pos) ? pos : -1;
    if (at < 0) {
      const found = text.indexOf(word, pos);
      if (found >= 0 && found - pos <= ALIGN_WINDOW && found + word.length <= end) at = found;
    }
    if (at < 0) continue; // jieba altered the text (should not happen): drop the token, keep going
    out.push({ word, tag: t, start: at, end: at + word.length });
    pos = at + word.length;
  }
}

/** Sentences with their tokens; jieba tags once per paragraph. */
export function segmentArticle(a: NormalizedArticle): SegmentedArticle {
  initSegmenter();
  const text = a.text;
  const tokens: Token[] = [];
  for (let p = 0; p < text.length; ) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    if (e > p) tagParagraph(text, p, e, tokens);
    p = e + 1;
  }

  const spans = splitSentences(text);
  const sentences: Sentence[] = [];
  let k = 0;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s];
    // A token never straddles a sentence boundary: the sentence grows to cover the whole token
    // (tokens before this one all ended inside earlier sentences, so nothing overlaps).
    const sentenceTokens: Token[] = [];
    while (k < tokens.length && tokens[k].start < span.end) {
      const tok = tokens[k++];
      sentenceTokens.push(tok);
      if (tok.start < span.start) span.start = tok.start;
      if (tok.end > span.end) span.end = tok.end;
    }
    if (s + 1 < spans.length && spans[s + 1].start < span.end) {
      spans[s + 1].start = Math.min(span.end, spans[s + 1].end);
    }
    if (span.end <= span.start) continue;
    sentences.push({ index: sentences.length, start: span.start, end: span.end, tokens: sentenceTokens });
  }
  return { ...a, sentences };
}
