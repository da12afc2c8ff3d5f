// Stage "normalize": RawArticle -> NormalizedArticle.
//
// Every step maps code units to code units and carries, for each produced unit, the file
// range [start, end) of the original characters that produced it. Steps:
//   1. HTML markup removed (format 'html'): tags, <script>/<style>/<noscript>/<title> content,
//      comments; entities decoded; block tags become '\n'. Markdown files (.md): heading, quote
//      and list marks, images, link targets, emphasis and backticks removed.
//   2. Pinyin glosses glued after a Han character removed: 協(xié) -> 協.
//   3. Traditional -> simplified with opencc-js's own t -> cn dictionaries (the ones behind
//      OpenCC.Converter({from: 't', to: 'cn'})), matched here so that each output char keeps its source.
//   4. Per line: invisible characters dropped, spaces collapsed and trimmed, full-width
//      letters/digits made half-width, Chinese punctuation unified (TEAM.md conventions);
//      mojibake flagged as damaged spans (never repaired); boilerplate lines and repeated
//      paragraphs dropped. Paragraphs are joined by a single '\n' (line breaks: \n, \r\n, \r,
//      U+2028, U+2029); blank lines do not survive.
// All loops are linear; text is built in typed arrays, not by string concatenation.
import * as OpenCC from 'opencc-js';
import type { Message, NormalizedArticle, RawArticle, Span } from './types.js';

// ------------------------------------------------------------------ code-unit runs

/** Text under construction: code units plus, per unit, the file range that produced it. */
class Run {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.units = new Uint16Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
  }

  static fromString(text: string, offset: number): Run {
    const run = new Run(text.length);
    for (let i = 0; i < text.length; i++) {
      run.units[i] = text.charCodeAt(i);
      run.starts[i] = offset + i;
      run.ends[i] = offset + i + 1;
    }
    run.length = text.length;
    return run;
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow(this.length * 2);
    const i = this.length++;
    this.units[i] = unit;
    this.starts[i] = start;
    this.ends[i] = end;
  }

  /** Copies units [from, to) of another run unchanged. */
  copy(src: Run, from: number, to: number): void {
    this.append(src.units, src.starts, src.ends, from, to);
  }

  append(units: Uint16Array, starts: Int32Array, ends: Int32Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.length + n > this.units.length) this.grow(Math.max(this.length * 2, this.length + n));
    const at = this.length;
    if (n < 64) {
      // subarray() allocates: for the many short copies between two changes a loop is faster.
      for (let k = 0; k < n; k++) {
        this.units[at + k] = units[from + k];
        this.starts[at + k] = starts[from + k];
        this.ends[at + k] = ends[from + k];
      }
    } else {
      this.units.set(units.subarray(from, to), at);
      this.starts.set(starts.subarray(from, to), at);
      this.ends.set(ends.subarray(from, to), at);
    }
    this.length += n;
  }

  private grow(capacity: number): void {
    const units = new Uint16Array(capacity);
    units.set(this.units.subarray(0, this.length));
    const starts = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.length));
    const ends = new Int32Array(capacity);
    ends.set(this.ends.subarray(0, this.length));
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  toString(from = 0, to = this.length): string {
    return unitsToString(this.units, from, to);
  }
}

/** Code units -> string in chunks (keeps lone surrogates, unlike TextDecoder). */
function unitsToString(units: Uint16Array, from: number, to: number): string {
  const CHUNK = 8192;
  if (to - from <= CHUNK) return String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  const parts: string[] = [];
  for (let i = from; i < to; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

// ------------------------------------------------------------------ character classes

export function isHanUnit(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    (c >= 0xd840 && c <= 0xd8bf) || // high surrogates of planes 2-3 (CJK extensions B-H)
    (c >= 0xdc00 && c <= 0xdfff) // a low surrogate: judged by its high surrogate, which came first
  );
}

/** Chinese punctuation and full-width forms: context that makes ASCII punctuation Chinese. */
function isCjkPunct(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2026 ||
    c === 0x2014
  );
}

function isCjkContext(c: number): boolean {
  return isHanUnit(c) || isCjkPunct(c);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ';
const TONE_SET = new Set<number>([...TONE_MARKED].map((c) => c.charCodeAt(0)));

function isToneMarked(c: number): boolean {
  return TONE_SET.has(c);
}

/** Letters of a pinyin syllable (lower case, ü, tone-marked vowels). */
function isPinyinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0xfc || TONE_SET.has(c);
}

function isLatinWordChar(c: number): boolean {
  return isAsciiLetter(c) || c === 0xfc || c === 0xdc || TONE_SET.has(c);
}

const enum Space {
  No = 0,
  Space = 1,
  Drop = 2,
  Newline = 3,
}

function spaceClass(c: number): Space {
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return Space.Newline;
  if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f)
    return Space.Space;
  if (c >= 0x2000 && c <= 0x200a) return Space.Space;
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad) return Space.Drop;
  if (c < 0x20 || c === 0x7f) return Space.Drop; // other C0 controls
  return Space.No;
}

/** Context-free character map (0 = unchanged): full-width ASCII, small/vertical forms, quotes, dots. */
const CHAR_MAP: Uint16Array = (() => {
  const map = new Uint16Array(0x10000);
  const keepFullWidth = new Set([0xff0c, 0xff1a, 0xff1b, 0xff01, 0xff1f, 0xff08, 0xff09]); // ，：；！？（）
  for (let c = 0xff01; c <= 0xff5e; c++) if (!keepFullWidth.has(c)) map[c] = c - 0xfee0;
  const pairs: [string, string][] = [
    ['﹐', '，'], ['﹑', '、'], ['﹒', '.'], ['﹔', '；'], ['﹕', '：'], ['﹖', '？'], ['﹗', '！'], ['﹙', '（'], ['﹚', '）'],
    ['︐', '，'], ['︑', '、'], ['︒', '。'], ['︓', '：'], ['︔', '；'], ['︕', '！'], ['︖', '？'],
    ['「', '“'], ['」', '”'], ['『', '‘'], ['』', '’'], ['〝', '“'], ['〞', '”'], ['﹁', '“'], ['﹂', '”'], ['﹃', '‘'], ['﹄', '’'],
    ['｡', '。'], ['､', '、'], ['｢', '“'], ['｣', '”'],
    ['・', '·'], ['･', '·'], ['‧', '·'], ['•', '·'], ['∙', '·'], ['⋅', '·'],
    ['―', '—'], ['⋯', '…'],
  ];
  for (const [from, to] of pairs) map[from.charCodeAt(0)] = to.charCodeAt(0);
  return map;
})();

function mapChar(c: number): number {
  return CHAR_MAP[c] || c;
}

const HALF_TO_FULL: Record<number, number> = {
  0x2c: 0xff0c, // ,
  0x3a: 0xff1a, // :
  0x3b: 0xff1b, // ;
  0x21: 0xff01, // !
  0x3f: 0xff1f, // ?
  0x28: 0xff08, // (
  0x29: 0xff09, // )
};

// ------------------------------------------------------------------ step 1: HTML

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  middot: '·', bull: '•', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', times: '×', divide: '÷', copy: '©', reg: '®', trade: '™', yen: '¥', deg: '°', plusmn: '±',
  sup2: '²', sup3: '³', frac12: '½', para: '¶', sect: '§', zwsp: '\u200b', shy: '\u00ad', rarr: '→', larr: '←',
};

const BLOCK_TAGS = new Set([
  'p', 'br', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'tbody', 'thead', 'section',
  'article', 'header', 'footer', 'nav', 'aside', 'blockquote', 'title', 'dd', 'dt', 'dl', 'pre', 'hr', 'figure',
  'figcaption', 'caption', 'form', 'main', 'center', 'address', 'body', 'html', 'head',
]);
const CELL_TAGS = new Set(['td', 'th']);
// Content skipped with its tags. <title> too: it repeats the <h1> (plus a site suffix) and is
// available as RawArticle.title / NormalizedArticle.title.
const RAW_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg', 'iframe', 'object', 'title']);

/** Removes markup; block-level tags become '\n' mapped onto the tag, entities decode onto their source. */
function stripHtml(src: Run, text: string): Run {
  const out = new Run(src.length);
  const n = src.length;
  const lower = text.toLowerCase();
  // The next '>' at or after a position, cached so that many '<' without a '>' stay linear.
  let nextGt = -2;
  const findGt = (from: number): number => {
    if (nextGt === -1 || (nextGt >= from && nextGt !== -2)) return nextGt;
    nextGt = text.indexOf('>', from);
    return nextGt;
  };
  let i = 0;
  while (i < n) {
    const c = src.units[i];
    if (c === 0x3c /* < */) {
      const next = text.charCodeAt(i + 1);
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        i = close === -1 ? n : close + 3;
        continue;
      }
      const isTagStart = isAsciiLetter(next) || next === 0x2f /* / */ || next === 0x21 /* ! */ || next === 0x3f; /* ? */
      const gt = isTagStart ? findGt(i + 1) : -1;
      if (gt === -1) {
        out.push(c, src.starts[i], src.ends[i]);
        i++;
        continue;
      }
      const m = /^<\/?([a-zA-Z][a-zA-Z0-9:-]*)/.exec(text.slice(i, Math.min(gt + 1, i + 64)));
      const name = m ? m[1].toLowerCase() : '';
      const closing = next === 0x2f;
      if (!closing && RAW_TEXT_TAGS.has(name)) {
        // Skip everything up to the matching end tag: script and style are not content.
        const endTag = lower.indexOf(`</${name}`, gt + 1);
        const endGt = endTag === -1 ? -1 : text.indexOf('>', endTag);
        i = endGt === -1 ? n : endGt + 1;
        continue;
      }
      if (BLOCK_TAGS.has(name)) out.push(0x0a, src.starts[i], src.ends[gt]);
      else if (CELL_TAGS.has(name)) out.push(0x20, src.starts[i], src.ends[gt]);
      i = gt + 1;
      continue;
    }
    if (c === 0x26 /* & */) {
      let semi = -1;
      for (let k = i + 1; k < n && k - i <= 32; k++) {
        const d = src.units[k];
        if (d === 0x3b /* ; */) {
          semi = k;
          break;
        }
        if (!(isAsciiLetter(d) || isDigit(d) || d === 0x23)) break; // entity names are [#a-zA-Z0-9]
      }
      if (semi !== -1) {
        const decoded = decodeEntity(text.slice(i + 1, semi));
        if (decoded !== undefined) {
          for (let k = 0; k < decoded.length; k++) out.push(decoded.charCodeAt(k), src.starts[i], src.ends[semi]);
          i = semi + 1;
          continue;
        }
      }
    }
    out.push(c, src.starts[i], src.ends[i]);
    i++;
  }
  return out;
}

function decodeEntity(body: string): string | undefined {
  if (body.charCodeAt(0) === 0x23 /* # */) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
    const cp = parseInt(digits, hex ? 16 : 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(cp);
  }
  return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body] : undefined;
}

// ------------------------------------------------------------------ step 1b: Markdown

/** Markdown files: the syntax is removed, the words stay (offsets exact, like HTML). */
export function isMarkdownFile(file: string): boolean {
  return /\.(?:md|markdown)$/i.test(file);
}

/**
 * Per line: heading/quote/list markers at the start, images `![alt](url)`, link targets
 * `[text](url)` -> text, `**`/`__` emphasis and backticks. Linear: the closing `]`/`)` searches
 * stop at the end of the line and their results are reused.
 */
function stripMarkdown(src: Run): Run {
  const u = src.units;
  const n = src.length;
  const out = new Run(n);
  let lineStart = true;
  let nextClose = -1; // cached position of the next ']' in this line (-1: unknown, -2: none)
  let lineEnd = -1;
  for (let i = 0; i < n; ) {
    const c = u[i];
    if (c === 0x0a || c === 0x0d) {
      out.push(c, src.starts[i], src.ends[i]);
      lineStart = true;
      nextClose = -1;
      i++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      lineEnd = i;
      while (lineEnd < n && u[lineEnd] !== 0x0a && u[lineEnd] !== 0x0d) lineEnd++;
      let j = i;
      while (j < lineEnd && (u[j] === 0x20 || u[j] === 0x09)) j++;
      let k = j;
      while (k < lineEnd && u[k] === 0x23 /* # */ && k - j < 6) k++;
      if (k > j && (k === lineEnd || u[k] === 0x20)) j = k;
      else {
        while (j < lineEnd && u[j] === 0x3e /* > */) {
          j++;
          while (j < lineEnd && u[j] === 0x20) j++;
        }
        if (j + 1 < lineEnd && (u[j] === 0x2d || u[j] === 0x2a || u[j] === 0x2b) && u[j + 1] === 0x20) j += 2;
      }
      while (j < lineEnd && u[j] === 0x20) j++;
      i = j;
      continue;
    }
    // ![alt](url) and [text](url)
    const image = c === 0x21 /* ! */ && u[i + 1] === 0x5b;
    if (c === 0x5b /* [ */ || image) {
      const open = image ? i + 1 : i;
      if (nextClose !== -2 && (nextClose === -1 || nextClose <= open)) {
        nextClose = -2;
        for (let k = open + 1; k < lineEnd; k++) if (u[k] === 0x5d) { nextClose = k; break; }
      }
      const close = nextClose;
      if (close > open && u[close + 1] === 0x28 /* ( */) {
        let paren = -1;
        for (let k = close + 2; k < lineEnd && k - close < 2048; k++) {
          if (u[k] === 0x29) { paren = k; break; }
        }
        if (paren !== -1) {
          if (!image) out.copy(src, open + 1, close); // keep the link text
          i = paren + 1;
          continue;
        }
      }
    }
    if ((c === 0x2a || c === 0x5f) && u[i + 1] === c) {
      i += 2; // ** or __
      continue;
    }
    if (c === 0x60 /* ` */) {
      i++;
      continue;
    }
    out.push(c, src.starts[i], src.ends[i]);
    i++;
  }
  return out;
}

// ------------------------------------------------------------------ step 2: pinyin glosses

/**
 * Length of a pinyin gloss `(xié)` / `（xié）` starting at i, or 0. A gloss follows a Han
 * character and holds one lower-case syllable with at least one tone-marked vowel, so
 * 村(社区), (草案) and (GDP) are left alone.
 */
function glossLength(units: Uint16Array, i: number, n: number): number {
  const open = units[i];
  if (open !== 0x28 && open !== 0xff08) return 0;
  let j = i + 1;
  let toned = false;
  while (j < n && j - i <= 8 && isPinyinLetter(units[j])) {
    if (isToneMarked(units[j])) toned = true;
    j++;
  }
  if (!toned || j === i + 1 || j >= n) return 0;
  const close = units[j];
  return close === 0x29 || close === 0xff09 ? j + 1 - i : 0;
}

function removeGlosses(src: Run): Run {
  const n = src.length;
  const u = src.units;
  // Fast path: no '(' at all.
  let any = false;
  for (let i = 0; i < n; i++) if (u[i] === 0x28 || u[i] === 0xff08) { any = true; break; }
  if (!any) return src;
  const out = new Run(n);
  let from = 0;
  for (let i = 1; i < n; i++) {
    if ((u[i] === 0x28 || u[i] === 0xff08) && isHanUnit(u[i - 1])) {
      const len = glossLength(u, i, n);
      if (len > 0) {
        out.copy(src, from, i);
        i += len - 1;
        from = i + 1;
      }
    }
  }
  out.copy(src, from, n);
  return out;
}

/** A line without its pinyin glosses (協(xié) -> 協), by the same rule as step 2: ingest reads headlines with it. */
export function withoutGlosses(line: string): string {
  if (!line.includes('(') && !line.includes('（')) return line;
  const n = line.length;
  const u = new Uint16Array(n);
  for (let i = 0; i < n; i++) u[i] = line.charCodeAt(i);
  let out = '';
  let from = 0;
  for (let i = 1; i < n; i++) {
    if ((u[i] === 0x28 || u[i] === 0xff08) && isHanUnit(u[i - 1])) {
      const len = glossLength(u, i, n);
      if (len > 0) {
        out += line.slice(from, i);
        i += len - 1;
        from = i + 1;
      }
    }
  }
  return out + line.slice(from);
}

// ------------------------------------------------------------------ step 3: traditional -> simplified

interface OpenCCTrie {
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}

/** A trie plus the code units its keys can start with (a cheap test before each Map lookup). */
interface T2sPass {
  trie: OpenCCTrie;
  firstUnits: Uint8Array;
  /**
   * Code units without which no entry of the pass changes anything: the units where an
   * entry's value differs from its key (all units of entries that change length). Text with
   * none of them (plain simplified Chinese, most of a corpus) skips the pass: identity
   * entries only ever block changing ones, and there is none to block.
   */
  triggers: Uint8Array;
}

interface T2sTries {
  normalization: T2sPass[];
  conversion: T2sPass[];
}

let t2sTries: T2sTries | undefined;

/**
 * The dictionaries of OpenCC.Converter({from: 't', to: 'cn'}) (opencc-js config `t2s`: a
 * CJK-compatibility normalisation pass, then TSPhrases + TSCharacters, longest match first),
 * loaded into opencc-js's own Trie so that we see every match and can keep the offset map.
 */
function getT2sTries(): T2sTries {
  if (t2sTries) return t2sTries;
  const configs = (OpenCC.Locale as unknown as {
    configs?: Record<string, { normalizationChain?: unknown[][]; conversionChain: unknown[][]; segmentation?: unknown }>;
  }).configs;
  const config = configs?.t2s;
  if (!config || config.segmentation) {
    throw new Error('opencc-js: Locale.configs.t2s not found (or changed shape); normalize.ts needs the t -> cn dictionaries');
  }
  const build = (groups: unknown[][] | undefined): T2sPass[] =>
    (groups ?? []).map((group) => {
      const trie = new OpenCC.Trie();
      trie.loadDictGroup(group as Parameters<typeof trie.loadDictGroup>[0]);
      const firstUnits = new Uint8Array(0x10000);
      const triggers = new Uint8Array(0x10000);
      for (const dict of group) {
        const entries: [string, string][] =
          typeof dict === 'string'
            ? dict.split('|').map((entry) => {
                const [key = '', value = ''] = entry.split(' ');
                return [key, value];
              })
            : (dict as [string, string][]);
        for (const [key, value] of entries) {
          if (!key) continue;
          firstUnits[key.charCodeAt(0)] = 1;
          if (key === value) continue;
          // the units that change; for a length-changing entry the units its value drops (all of them if none)
          let marked = false;
          for (let k = 0; k < key.length; k++) {
            const unit = key.charCodeAt(k);
            const changes = key.length === value.length ? unit !== value.charCodeAt(k) : !value.includes(key[k]!);
            if (changes) {
              triggers[unit] = 1;
              marked = true;
            }
          }
          if (!marked) for (let k = 0; k < key.length; k++) triggers[key.charCodeAt(k)] = 1;
        }
      }
      return { trie: trie as OpenCCTrie, firstUnits, triggers };
    });
  t2sTries = { normalization: build(config.normalizationChain), conversion: build(config.conversionChain) };
  return t2sTries;
}

/** One greedy longest-match pass, exactly like opencc-js's Trie.convert, keeping the offset map. */
function convertWithTrie(src: Run, { trie, firstUnits, triggers }: T2sPass): Run {
  // Most texts need no change in a pass (simplified text, no compatibility ideographs): check before building a string.
  let triggered = false;
  for (let i = 0; i < src.length; i++) {
    if (triggers[src.units[i]]) {
      triggered = true;
      break;
    }
  }
  if (!triggered) return src;
  let first = -1;
  for (let i = 0; i < src.length; i++) {
    if (firstUnits[src.units[i]]) {
      first = i;
      break;
    }
  }
  if (first === -1) return src;
  const text = src.toString();
  const n = text.length;
  let out: Run | undefined;
  let from = 0; // src units not yet copied to out
  for (let i = first; i < n; ) {
    const c = text.charCodeAt(i);
    if (c >= 0x2ff0 && c <= 0x2fff) {
      // An ideographic description sequence (⿰木乾) is left untouched, as opencc-js does.
      i = Math.max(i + 1, idsEnd(text, i));
      continue;
    }
    if (!firstUnits[c]) {
      i++;
      continue;
    }
    const match = trie.matchPrefix(text, i);
    if (!match) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      continue;
    }
    const { end, value } = match;
    if (value !== text.slice(i, end)) {
      out ??= new Run(n);
      out.copy(src, from, i);
      if (value.length === end - i) {
        for (let k = 0; k < value.length; k++) out.push(value.charCodeAt(k), src.starts[i + k], src.ends[i + k]);
      } else {
        // Length changed: every output unit stands for the whole matched source.
        for (let k = 0; k < value.length; k++) out.push(value.charCodeAt(k), src.starts[i], src.ends[end - 1]);
      }
      from = end;
    }
    i = end;
  }
  if (!out) return src;
  out.copy(src, from, n);
  return out;
}

/** End of the ideographic description sequence starting at i (0 if none), after opencc-js core. */
function idsEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const arity = c >= 0x2ff0 && c <= 0x2ff1 ? 2 : c >= 0x2ff2 && c <= 0x2ff3 ? 3 : c >= 0x2ff4 && c <= 0x2fff ? 2 : 0;
  if (arity === 0) return 0;
  const width = (k: number) => ((text.codePointAt(k) ?? 0) > 0xffff ? 2 : 1);
  let end = i + 1;
  for (let k = 0; k < arity; k++) {
    if (end >= text.length) return 0;
    const child = idsEnd(text, end);
    end = child || end + width(end);
  }
  return end;
}

function toSimplified(src: Run): Run {
  const tries = getT2sTries();
  let run = src;
  for (const pass of tries.normalization) run = convertWithTrie(run, pass);
  for (const pass of tries.conversion) run = convertWithTrie(run, pass);
  return run;
}

// ------------------------------------------------------------------ step 4: lines

/** Mojibake evidence per unit. */
const enum Damage {
  None = 0,
  Weak = 1, // '?' between characters: real question marks exist in ASCII-punctuated text
  Strong = 2, // PUA, box drawing, U+FFFD, C1 controls, stray pinyin
}

function strongDamageUnit(c: number): boolean {
  return (
    (c >= 0xe000 && c <= 0xf8ff) || // Private Use Area (GBK user-defined areas)
    (c >= 0x2500 && c <= 0x259f) || // box drawing and block elements
    c === 0xfffd ||
    (c >= 0x80 && c <= 0x9f) || // C1 controls: bytes decoded with the wrong code page
    (c >= 0xdb80 && c <= 0xdbff) // supplementary private use planes
  );
}

/** Bytes 0x80-0xBF as Latin-1 or cp1252 shows them (the tail bytes of a UTF-8 character). */
const CP1252_TAIL = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((ch) => ch.charCodeAt(0)));
function isCp1252Continuation(c: number): boolean {
  return (c >= 0x80 && c <= 0xbf) || CP1252_TAIL.has(c);
}

/** Damage flags for units [from, to) of run (one line). */
function damageFlags(run: Run, from: number, to: number, flags: Uint8Array): void {
  const u = run.units;
  for (let i = from; i < to; i++) {
    const c = u[i];
    let f = Damage.None;
    if (strongDamageUnit(c)) f = Damage.Strong;
    else if (c === 0x3f /* ? */) {
      const prev = i > from ? u[i - 1] : 0;
      const next = i + 1 < to ? u[i + 1] : 0;
      if (prev === 0x3f || next === 0x3f) f = isHanUnit(prev) || isHanUnit(next) || prev === 0x3f ? Damage.Strong : Damage.None;
      else if (prev !== 0 && next !== 0 && spaceClass(next) === Space.No && (isHanUnit(prev) || isHanUnit(next))) f = Damage.Weak;
    }
    flags[i - from] = f;
  }
  for (let i = from; i + 2 < to; i++) {
    const c = u[i];
    // "锟斤拷": U+FFFD written as UTF-8 and read back as GBK (the best-known Chinese mojibake).
    if (c === 0x951f && u[i + 1] === 0x65a4 && u[i + 2] === 0x62f7) flags[i - from] = flags[i + 1 - from] = flags[i + 2 - from] = Damage.Strong;
    // UTF-8 read as Latin-1/cp1252: a lead byte à-ï followed by two continuation-byte lookalikes ("æ–°").
    else if (c >= 0xe0 && c <= 0xef && isCp1252Continuation(u[i + 1]) && isCp1252Continuation(u[i + 2])) {
      flags[i - from] = flags[i + 1 - from] = flags[i + 2 - from] = Damage.Strong;
    }
  }
  // Tone-marked Latin outside a gloss: pinyin-looking words, or any such word glued to Han/damage.
  for (let i = from; i < to; ) {
    if (!isLatinWordChar(u[i])) {
      i++;
      continue;
    }
    let j = i;
    let toned = false;
    let lowerPinyin = true;
    while (j < to && isLatinWordChar(u[j])) {
      if (isToneMarked(u[j])) toned = true;
      if (!isPinyinLetter(u[j])) lowerPinyin = false;
      j++;
    }
    if (toned) {
      const before = i > from ? u[i - 1] : 0;
      const after = j < to ? u[j] : 0;
      // Glued to Han, '?' or other damage; or a bracketed pinyin syllable whose Han anchor is gone: "?(zhí)".
      // A standalone word (résumé, José) is just a foreign word.
      const glued = isHanUnit(before) || isHanUnit(after) || before === 0x3f || after === 0x3f || strongDamageUnit(before) || strongDamageUnit(after);
      const orphanGloss = lowerPinyin && j - i <= 6 && (before === 0x28 || before === 0xff08 || after === 0x29 || after === 0xff09);
      if (glued || orphanGloss) for (let k = i; k < j; k++) flags[k - from] = Damage.Strong;
    }
    i = j;
  }
}

/** Clause boundaries stop the extension of a damaged span: a real ，or “ means the decoder was in step. */
function isClauseBoundary(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0xff0c || c === 0x3002 || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x300a || c === 0x300b ||
    c === 0xff08 || c === 0xff09 || c === 0x3010 || c === 0x3011
  );
}

const DAMAGE_GAP = 3; // markers this close belong to one damaged run
const DAMAGE_REACH = 4; // how far a run extends into its neighbours (the garbling rarely stops exactly at a marker)

/** Damaged spans [s, e) inside one output line (positions relative to the line). */
function damagedSpans(units: Uint16Array, flags: Uint8Array, n: number): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < n) {
    if (flags[i] !== Damage.Strong) {
      i++;
      continue;
    }
    let s = i;
    let e = i + 1;
    // Grow over markers (weak ones too) separated by small gaps.
    for (let j = e; j < n && j - e <= DAMAGE_GAP; j++) if (flags[j] !== Damage.None) e = j + 1;
    for (let j = s - 1; j >= 0 && s - j <= DAMAGE_GAP + 1; j--) if (flags[j] !== Damage.None) s = j;
    for (let k = 0; k < DAMAGE_REACH && s > 0 && !isClauseBoundary(units[s - 1]); k++) s--;
    for (let k = 0; k < DAMAGE_REACH && e < n && !isClauseBoundary(units[e]); k++) e++;
    if (spans.length > 0 && spans[spans.length - 1].end >= s) spans[spans.length - 1].end = Math.max(spans[spans.length - 1].end, e);
    else spans.push({ start: s, end: e });
    i = e;
  }
  return spans;
}

// ------------------------------------------------------------------ boilerplate

/** Web-page chrome that is a whole line on its own (or a line made only of these tokens). */
const WIDGET_TOKENS = new Set([
  '分享', '分享到', '分享至', '分享让更多人看到', '一键分享', '返回顶部', '回到顶部', '顶部', 'top', '返回', '返回首页', '首页',
  '打印', '打印本页', '打印此文', '关闭', '关闭窗口', '关闭本页', '收藏', '收藏本文', '纠错', '我要纠错', '评论', '我要评论',
  '点赞', '转发', '复制链接', '扫一扫', '扫码', '微信', '微博', '新浪微博', 'qq', 'qq空间', '朋友圈', '小字号', '中字号',
  '大字号', '字号', '字体', '大', '中', '小', '大中小', '默认', '听新闻', '语音播报', '播报', '上一篇', '下一篇', '上一条',
  '下一条', '标签', '关键词', '相关新闻', '相关阅读', '延伸阅读', '推荐阅读', '热点推荐', '更多', '阅读全文', '展开全文',
  'a+', 'a-', '放大', '缩小', '手机版', '客户端', '下载客户端', '打开app', '进入专题', '在手机上阅读', '手机看', '扫描二维码',
  '用手机看', '浏览次数', '阅读量', '阅读原文', '点击阅读原文', '关注我们', '扫码关注', '点击关注', '长按识别二维码',
  '打开微信', '微信扫一扫', '字号大中小', '收藏本页', '设为首页', '加入收藏',
]);

/** Short calls to action: 点击/长按/扫描…关注/阅读/下载… */
const CALL_TO_ACTION_RE = /^(?:点击|长按|扫描|扫码|打开)[^，。,]{0,16}(?:关注|阅读|识别|下载|查看|收听|订阅)[^，。,]{0,10}$/;

const CRUMB_SEPARATOR_RE = /\s*(?:>>|>|»|›|＞＞|＞|→)\s*/;
const LOCATION_PREFIX_RE = /^(?:当前位置|您的位置|你的位置|所在位置|位置)\s*[:：]\s*/;

/**
 * Navigation crumbs: `某某网>>湖南频道>>湖南要闻`, `当前位置：首页 > 新闻 > 正文`. A single '>'
 * between two short parts is also arithmetic ("增速>5%"), so it needs more evidence: a
 * location label, three or more parts, or a part that names a page (首页, …网, …频道).
 */
function isCrumbLine(line: string): boolean {
  if (line.length > 100) return false;
  const located = LOCATION_PREFIX_RE.test(line);
  const body = line.replace(LOCATION_PREFIX_RE, '');
  const parts = body.split(CRUMB_SEPARATOR_RE);
  if (parts.length < 2) return false;
  if (!parts.every((p) => p.length >= 1 && p.length <= 16 && !/[，。！？；：,!?;%]/.test(p))) return false;
  const strongSeparator = />>|»|＞＞/.test(body);
  const pageName = parts.some((p) => /^(?:首页|主页|网站首页)$|网$|频道$|栏目$/.test(p));
  return located || strongSeparator || parts.length >= 3 || pageName;
}

const TOKEN_SPLIT_RE = /[\s|｜丨【】[\]（）()「」<>《》:：·、,，/]+/;
const IMAGE_LINE_RE = /^(?:[^\s]{1,120}\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg)\s*)+$/i;
const COPYRIGHT_RE = /版权所有|copyright|©|icp[备证]|未经(?:授权|许可).{0,12}(?:转载|使用|复制)|违法和不良信息举报|不良信息举报/i;

/**
 * Web boilerplate (a whole line): navigation crumbs, share/back-to-top/print widgets,
 * font-size switches, 上一篇/下一篇, 听新闻, image file names, lone numbers, lines without
 * any letter or digit, copyright footers. Credit lines (责编/编辑/记者) are content: kept.
 * Works on simplified or traditional text.
 */
export function isBoilerplateLine(rawLine: string): boolean {
  const line = rawLine.trim();
  if (line.length > 200) return false;
  return isBoilerplateSimplified(line.length <= 100 ? simplifyShort(line) : line);
}

/** isBoilerplateLine for a trimmed line that is already simplified (normalize's own lines). */
function isBoilerplateSimplified(simple: string): boolean {
  if (simple.length === 0) return true;
  if (simple.length > 200) return false;
  if (!/[\p{L}\p{N}]/u.test(simple)) return true; // "...", "——", "|"
  if (/^\d{1,4}$/.test(simple)) return true; // comment counters, page numbers
  if (IMAGE_LINE_RE.test(simple)) return true;
  if (isCrumbLine(simple)) return true;
  if (/^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]/.test(simple)) return true;
  if (/^(?:分享到|分享至|字号|字体)\s*[:：]/.test(simple) && simple.length <= 40) {
    const rest = simple.replace(/^[^:：]*[:：]/, '').split(TOKEN_SPLIT_RE).filter(Boolean);
    if (rest.every((t) => WIDGET_TOKENS.has(t.toLowerCase()) || t.length <= 4)) return true;
  }
  const tokens = simple.split(TOKEN_SPLIT_RE).filter(Boolean);
  if (tokens.length > 0 && tokens.every((t) => WIDGET_TOKENS.has(t.toLowerCase()))) return true;
  if (simple.length <= 120 && COPYRIGHT_RE.test(simple)) return true;
  if (simple.length <= 30 && CALL_TO_ACTION_RE.test(simple)) return true;
  return false;
}

/** t -> cn for a short string (no offsets needed). */
let plainT2s: ((s: string) => string) | undefined;
function simplifyShort(s: string): string {
  const convert = (plainT2s ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(s);
}

// ------------------------------------------------------------------ the stage

/** Will the ASCII punctuation at i become full-width? (same test as in cleanLine, for the space before it) */
function isFullWidthAfterMapping(u: Uint16Array, i: number, to: number, prev: number): boolean {
  const c = u[i];
  if (!(c === 0x2c || c === 0x3a || c === 0x3b || c === 0x21 || c === 0x3f)) return false;
  let k = i + 1;
  while (k < to && spaceClass(u[k]) !== Space.No) k++;
  const next = k < to ? mapChar(u[k]) : 0;
  return (isCjkContext(prev) || isCjkContext(next)) && !(isDigit(prev) && isDigit(next));
}

/**
 * Cleans units [from, to) of one line and appends them to out: drops invisible characters,
 * collapses spaces (none kept at either end), maps characters (full-width ASCII, quotes,
 * dots) and unifies punctuation by context. flags[k] receives the damage flag of the k-th
 * appended unit; rawFlags is scratch. Returns the number of units appended.
 */
function cleanLine(run: Run, from: number, to: number, out: Run, flags: Uint8Array, rawFlags: Uint8Array): number {
  damageFlags(run, from, to, rawFlags);
  const u = run.units;
  const base = out.length;
  let pendingSpace = -1; // index in run of a space to emit before the next visible char
  const parens: boolean[] = [];
  let quoteOpen = false;
  for (let i = from; i < to; i++) {
    const raw = u[i];
    const sc = spaceClass(raw);
    if (sc === Space.Drop) continue;
    if (sc !== Space.No) {
      if (out.length > base && pendingSpace === -1) pendingSpace = i;
      continue;
    }
    const last = out.length > base ? out.units[out.length - 1] : 0;
    // A space next to full-width punctuation is typographic only ("援疆; 项目" -> "援疆；项目").
    if (pendingSpace !== -1 && (isCjkPunct(mapChar(raw)) || isCjkPunct(last) || isFullWidthAfterMapping(u, i, to, last))) {
      pendingSpace = -1;
    }
    if (pendingSpace !== -1) {
      flags[out.length - base] = Damage.None;
      out.push(0x20, run.starts[pendingSpace], run.ends[pendingSpace]);
      pendingSpace = -1;
    }
    let c = mapChar(raw);
    const prev = out.length > base ? out.units[out.length - 1] : 0;
    if (c < 0x80 && (c === 0x2c || c === 0x3a || c === 0x3b || c === 0x21 || c === 0x3f || c === 0x28 || c === 0x29 || c === 0x22)) {
      let k = i + 1;
      while (k < to && spaceClass(u[k]) !== Space.No) k++;
      const next = k < to ? mapChar(u[k]) : 0;
      const cjk = isCjkContext(prev) || isCjkContext(next);
      if (c === 0x28) {
        parens.push(cjk);
        if (cjk) c = 0xff08;
      } else if (c === 0x29) {
        const convert = parens.length > 0 ? parens.pop()! : cjk;
        if (convert) c = 0xff09;
      } else if (c === 0x22) {
        if (cjk) {
          c = quoteOpen ? 0x201d : 0x201c;
          quoteOpen = !quoteOpen;
        }
      } else if (cjk && !(isDigit(prev) && isDigit(next))) {
        c = HALF_TO_FULL[c];
      }
    } else if (c === 0xff08) parens.push(true);
    else if (c === 0xff09) parens.pop();
    flags[out.length - base] = rawFlags[i - from];
    out.push(c, run.starts[i], run.ends[i]);
  }
  return out.length - base;
}

/**
 * Normalizes one article (see the module comment). Offsets: text[i] came from file range
 * [offsets[i], ends[i]); offsets[text.length] is the end of the last char.
 */
export function normalizeArticle(raw: RawArticle): NormalizedArticle {
  let run = Run.fromString(raw.text, raw.start);
  if (raw.format === 'html') run = stripHtml(run, raw.text);
  else if (isMarkdownFile(raw.file)) run = stripMarkdown(run);
  run = removeGlosses(run);
  run = toSimplified(run);

  const out = new Run(run.length);
  const damaged: Span[] = [];
  const seen = new Set<string>();
  const n = run.length;
  const u = run.units;
  // Longest line decides the size of the per-line flag scratch.
  let longest = 0;
  for (let s = 0, i = 0; i <= n; i++) {
    if (i === n || spaceClass(u[i]) === Space.Newline) {
      longest = Math.max(longest, i - s);
      s = i + 1;
    }
  }
  const flags = new Uint8Array(longest + 1);
  const rawFlags = new Uint8Array(longest + 1);
  let separator: [number, number] | undefined; // file range of the newline after the last kept line

  for (let lineStart = 0; lineStart <= n; ) {
    let lineEnd = lineStart;
    while (lineEnd < n && spaceClass(u[lineEnd]) !== Space.Newline) lineEnd++;
    // The line goes straight into out, after its separator; it is rolled back if dropped.
    const rollback = out.length;
    if (out.length > 0 && separator) out.push(0x0a, separator[0], separator[1]);
    const base = out.length;
    const len = cleanLine(run, lineStart, lineEnd, out, flags, rawFlags);
    let keep = len > 0;
    if (keep) {
      const lineText = out.toString(base, out.length);
      if (isBoilerplateSimplified(lineText) || seen.has(lineText)) keep = false;
      else {
        seen.add(lineText);
        for (const span of damagedSpans(out.units.subarray(base, out.length), flags, len)) {
          damaged.push({ start: base + span.start, end: base + span.end });
        }
      }
    }
    if (!keep) out.length = rollback;
    else if (lineEnd < n) separator = [run.starts[lineEnd], run.ends[lineEnd]];
    lineStart = lineEnd + 1;
  }

  const text = out.toString();
  const offsets = new Int32Array(out.length + 1);
  offsets.set(out.starts.subarray(0, out.length));
  offsets[out.length] = out.length > 0 ? out.ends[out.length - 1] : raw.start;
  const ends = out.ends.slice(0, out.length);

  const article: NormalizedArticle = {
    id: raw.id,
    file: raw.file,
    index: raw.index,
    ...(raw.title ? { title: normalizeTitle(raw.title) } : {}),
    text,
    offsets,
    ends,
    original: raw.text,
    originalStart: raw.start,
    damaged,
    messages: [],
  };
  article.messages = damaged.map((span) => mojibakeMessage(article, span));
  return article;
}

function mojibakeMessage(article: NormalizedArticle, span: Span): Message {
  const file = toFileSpan(article, span.start, span.end);
  const excerpt = article.original.slice(file.start - article.originalStart, file.end - article.originalStart);
  const shown = [...excerpt.slice(0, 40)]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      return strongDamageUnit(cp) || cp < 0x20 ? `\\u{${cp.toString(16)}}` : ch;
    })
    .join('');
  return {
    file: article.file,
    article: article.id,
    ruleId: 'mojibake',
    reason: `damaged text (mojibake), nothing extracted from it: "${shown}"`,
    start: file.start,
    end: file.end,
    fatal: false,
  };
}

/** The normalized (simplified, cleaned) form of a headline; no offsets kept. */
export function normalizeTitle(title: string): string {
  let run = Run.fromString(title, 0);
  run = removeGlosses(run);
  run = toSimplified(run);
  const out = new Run(run.length);
  const flags = new Uint8Array(run.length + 1);
  const rawFlags = new Uint8Array(run.length + 1);
  for (let s = 0, i = 0; i <= run.length; i++) {
    if (i === run.length || spaceClass(run.units[i]) === Space.Newline) {
      if (cleanLine(run, s, i, out, flags, rawFlags) > 0 && i < run.length) out.push(0x20, 0, 0);
      s = i + 1;
    }
  }
  return out.toString().trim();
}

/**
 * Normalized span [start, end) -> file span. Always use this to quote evidence: the last
 * char may come from several original characters (an HTML entity, a removed gloss before
 * the next char, a phrase whose length changed in t -> cn).
 */
export function toFileSpan(article: NormalizedArticle, start: number, end: number): Span {
  const len = article.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  const fileStart = article.offsets[s];
  if (e === s) return { start: fileStart, end: fileStart };
  let fileEnd: number;
  if (article.ends) fileEnd = article.ends[e - 1];
  else if (e === len) fileEnd = article.offsets[len];
  else {
    // Without the per-char ends (an article built by hand), one original unit per char.
    const last = article.offsets[e - 1];
    const c = article.original.charCodeAt(last - article.originalStart);
    fileEnd = last + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  }
  return { start: fileStart, end: Math.max(fileStart, fileEnd) };
}
