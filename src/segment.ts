// Segment stage: sentences + jieba tokens (with POS tags) at normalized offsets.
//
// jieba is @node-rs/jieba (jieba-rs, a double-array trie: ~66 MB per thread where the cppjieba
// binding took ~250 MB, which decided the memory of a multi-worker build). The lexicon enters
// its dictionary as user words (`word freq tag`): region names and aliases tagged
// PROV / PREF / CNTY / XPCC, titles tagged TITLE; the high frequency makes a lexicon name beat
// any split of it.
//
// Tags: jieba's own `tag()` cuts, then looks each word up in its dictionary (unknown words:
// 'eng' / 'm' when they hold ASCII letters / only digits, else 'x'). Building those result
// objects across the native boundary costs twice the cut itself, so this stage calls `cut()`
// and does the same lookup in a Map built once per thread from the same dictionary file
// (lexicon tags override jieba's: jieba-rs keeps a base word's tag when a user word repeats it).
// tagPlain() is jieba's own tag(), the bench baseline.
//
// Sentences end after 。！？!?； (plus any closing quotes/brackets that follow) and at newlines.
// A terminator inside “…” does not end the sentence when the quotation closes within
// QUOTE_LOOKAHEAD characters on the same line (short quoted speech stays with its sentence);
// a long or unclosed quotation is split like plain text.
//
// Cost: jieba is called once per paragraph (not per sentence, not per article-wide string), and
// tokens are placed by a forward scan over the text, so offsets are linear in the text length.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { getLexicon } from './lexicon/index.js';
import { charMask } from './util/code-mask.js';
import type { NormalizedArticle, SegmentedArticle, Sentence, Token, TokenTable } from './types.js';

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

/** The lexicon's words with their tags, sorted, one per surface (the highest-level region wins). */
function lexiconWords(): [string, string][] {
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
  return [...tags.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** `word freq tag` lines for jieba, in the order given. */
function userDictionaryText(words: [string, string][]): string {
  return words.map(([w, t]) => `${w} ${USER_WORD_FREQ} ${t}`).join('\n') + '\n';
}

/** The lexicon as jieba user-dictionary lines, sorted, one per surface. */
export function buildUserDictionary(): string {
  return userDictionaryText(lexiconWords());
}

let jieba: Jieba | undefined;
/** word -> tag id (an index into tagNames), from jieba's dictionary and the lexicon's words. */
let tagOf: Map<string, number> | undefined;
/** Tag names by id, in the order first seen (ids live in this thread only; output never has them). */
const tagNames: string[] = [];
const tagIds = new Map<string, number>();

function tagId(name: string): number {
  let id = tagIds.get(name);
  if (id === undefined) {
    id = tagNames.length;
    if (id > 0xffff) throw new Error('segment: more than 65536 distinct tags');
    tagNames.push(name);
    tagIds.set(name, id);
  }
  return id;
}

/** jieba's base dictionary file (dict.txt of @node-rs/jieba: `word freq tag` per line). */
function baseDictionary(): Buffer {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
}

/** Loads jieba with the lexicon as user words, and the word -> tag table; once per thread. */
export function initSegmenter(): void {
  if (jieba) return;
  const base = baseDictionary();
  const userWords = lexiconWords();
  const instance = Jieba.withDict(base);
  instance.loadDict(Buffer.from(userDictionaryText(userWords)));
  const table = new Map<string, number>();
  const text = base.toString('utf8');
  for (let p = 0; p < text.length; ) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    const line = text.slice(p, e);
    p = e + 1;
    const first = line.indexOf(' ');
    const last = line.lastIndexOf(' ');
    if (first <= 0 || last <= first) continue;
    table.set(line.slice(0, first), tagId(line.slice(last + 1).trim()));
  }
  for (const [w, t] of userWords) table.set(w, tagId(t));
  for (const t of ['x', 'm', 'eng']) tagId(t); // unknownWordTag's
  jieba = instance;
  tagOf = table;
}

/** Plain jieba tagging of a string (the bench baseline; same dictionaries as segmentArticle). */
export function tagPlain(text: string): { word: string; tag: string }[] {
  initSegmenter();
  return jieba!.tag(text, true);
}

/** jieba's tag for a word outside its dictionary (as jieba-rs `tag` decides it). */
function unknownWordTag(word: string): string {
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      ascii++;
      digits++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ascii++;
  }
  return ascii === 0 ? 'x' : ascii === digits ? 'm' : 'eng';
}

// ------------------------------------------------------------------ sentences

// Character classes by UTF-16 code (this loop visits every character of the corpus).
const TERMINATORS = charMask('。！？!?；');
const CLOSERS = charMask('”’」』）)】》〉"\'');
const OPEN_QUOTES = charMask('“「『');
const CLOSE_QUOTES = charMask('”」』');
const NEWLINE = 0x0a;

/** Space, tab, CR, ideographic space, no-break space: trimmed from sentence ends. */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0;
}

/** Does the open quotation close within QUOTE_LOOKAHEAD characters, before a newline? */
function quoteClosesSoon(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + QUOTE_LOOKAHEAD);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) return false;
    if (CLOSE_QUOTES[c] === 1) return true;
  }
  return false;
}

/** Sentence spans [start, end) in normalized offsets, whitespace trimmed, empty ones dropped. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const n = text.length;
  const emit = (start: number, end: number) => {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) spans.push({ start, end });
  };
  let start = 0;
  let quoteDepth = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      emit(start, i);
      start = ++i;
      quoteDepth = 0;
      continue;
    }
    if (OPEN_QUOTES[c] === 1) quoteDepth++;
    else if (CLOSE_QUOTES[c] === 1 && quoteDepth > 0) quoteDepth--;
    if (TERMINATORS[c] !== 1) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && TERMINATORS[text.charCodeAt(end)] === 1) end++;
    if (quoteDepth > 0 && quoteClosesSoon(text, end)) {
      i = end;
      continue;
    }
    while (end < n && CLOSERS[text.charCodeAt(end)] === 1) {
      if (CLOSE_QUOTES[text.charCodeAt(end)] === 1 && quoteDepth > 0) quoteDepth--;
      end++;
    }
    emit(start, end);
    start = i = end;
  }
  emit(start, n);
  return spans;
}

// ------------------------------------------------------------------ tokens

// jieba returns words in order; a word that does not start exactly where the previous ended
// (whitespace it skipped) is searched for in a small window, which keeps the scan linear.
const ALIGN_WINDOW = 16;

/** Tokens as they are read, in growing typed arrays (see TokenTable). */
class TokenBuilder {
  starts: Int32Array;
  ends: Int32Array;
  tagIds: Uint16Array;
  length = 0;
  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.tagIds = new Uint16Array(capacity);
  }
  push(tag: number, start: number, end: number): void {
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.tagIds[this.length++] = tag;
  }
  /** The first `count` tokens as a TokenTable (copies: the arrays are exactly that long). */
  table(count: number): TokenTable {
    return { starts: this.starts.slice(0, count), ends: this.ends.slice(0, count), tagIds: this.tagIds.slice(0, count), tagNames };
  }
  private grow(): void {
    const size = Math.max(16, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const ids = new Uint16Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    ids.set(this.tagIds);
    this.starts = starts;
    this.ends = ends;
    this.tagIds = ids;
  }
}

function tagParagraph(text: string, start: number, end: number, out: TokenBuilder): void {
  let pos = start;
  const table = tagOf!;
  for (const word of jieba!.cut(text.slice(start, end), true)) {
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
    out.push(table.get(word) ?? tagIds.get(unknownWordTag(word))!, at, at + word.length);
    pos = at + word.length;
  }
}

/** Sentences with their tokens; jieba tags once per paragraph. */
export function segmentArticle(a: NormalizedArticle): SegmentedArticle {
  initSegmenter();
  const text = a.text;
  // (a token holds at least one character: at most one per character, most CJK words are longer)
  const tokens = new TokenBuilder(Math.max(16, text.length >> 1));
  for (let p = 0; p < text.length; ) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    if (e > p) tagParagraph(text, p, e, tokens);
    p = e + 1;
  }
  const { starts, ends } = tokens;

  const spans = splitSentences(text);
  const sentences: Sentence[] = [];
  let k = 0;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s];
    // A token never straddles a sentence boundary: the sentence grows to cover the whole token
    // (tokens before this one all ended inside earlier sentences, so nothing overlaps).
    const tokenStart = k;
    while (k < tokens.length && starts[k]! < span.end) {
      if (starts[k]! < span.start) span.start = starts[k]!;
      if (ends[k]! > span.end) span.end = ends[k]!;
      k++;
    }
    if (s + 1 < spans.length && spans[s + 1].start < span.end) {
      spans[s + 1].start = Math.min(span.end, spans[s + 1].end);
    }
    // (a sentence left empty took no token: a token would have made it non-empty)
    if (span.end <= span.start) continue;
    sentences.push({ index: sentences.length, start: span.start, end: span.end, tokenStart, tokenEnd: k });
  }
  // tokens after the last sentence (none but in odd text) belong to no sentence and are dropped
  return { ...a, sentences, tokens: tokens.table(k) };
}

/** Token k of a table as an object (made when asked; it dies young). */
export function tokenAt(table: TokenTable, k: number): Token {
  return { tag: table.tagNames[table.tagIds[k]!]!, start: table.starts[k]!, end: table.ends[k]! };
}

/** The tokens of one sentence as objects (tests and debugging; the rules read the table). */
export function sentenceTokens(article: SegmentedArticle, sentence: Sentence): Token[] {
  const out: Token[] = [];
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) out.push(tokenAt(article.tokens, k));
  return out;
}
