// Stage "ingest": input paths -> files -> decoded SourceDocuments -> RawArticles.
//
// Bad input never throws: every problem becomes a FileReport with a one-line reason
// (vfile-style), so that one broken file never loses the good ones.
import { promises as fsp } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { FileReport, FileStatus, Message, RawArticle, SourceDocument } from './types.js';
// (withoutGlosses: a headline's own length and words, without the pinyin glued after its characters)
import { isBoilerplateLine, withoutGlosses } from './normalize.js';

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm'];
/** Larger files are skipped: V8 strings top out near 512 M code units and the pipeline keeps several copies. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

// ------------------------------------------------------------------ reports

function fileReport(file: string, status: FileStatus, reason: string, ruleId: string, bytes = 0): FileReport {
  const message: Message = { file, ruleId, reason, fatal: true };
  return { file, status, reason, bytes, articles: 0, characters: 0, messages: [message], timings_ms: {} };
}

/** Path relative to the working directory with POSIX separators (the `file` of every record). */
export function toRelativePosix(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute) || '.';
  return rel.split(path.sep).join('/');
}

/** One line, no stack: what a user needs to fix the input. */
export function describeFsError(error: unknown): { reason: string; ruleId: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'no such file or directory', ruleId: 'missing-file' };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'permission denied', ruleId: 'unreadable-file' };
    case 'EISDIR':
      return { reason: 'is a directory, not a file', ruleId: 'unreadable-file' };
    case 'ELOOP':
      return { reason: 'too many levels of symbolic links', ruleId: 'unreadable-file' };
    case 'EMFILE':
    case 'ENFILE':
      return { reason: 'too many open files', ruleId: 'unreadable-file' };
    default: {
      const text = error instanceof Error ? error.message : String(error);
      return { reason: `could not read (${code ?? text.split('\n')[0]})`, ruleId: 'unreadable-file' };
    }
  }
}

function extensionOf(file: string): string {
  return path.extname(file).toLowerCase();
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ------------------------------------------------------------------ listInputFiles

/**
 * Expands files and folders (recursively) into the supported input files, sorted by their
 * POSIX relative path. Hidden entries (".git", ".DS_Store") inside folders are not visited;
 * a path given explicitly is always reported on.
 */
export async function listInputFiles(paths: string[]): Promise<{ files: string[]; problems: FileReport[] }> {
  const files = new Set<string>();
  const problems = new Map<string, FileReport>();
  const visitedDirs = new Set<string>();

  const addProblem = (report: FileReport) => {
    if (!problems.has(report.file)) problems.set(report.file, report);
  };

  const visitFile = (absolute: string, stats: Stats) => {
    const rel = toRelativePosix(absolute);
    if (!stats.isFile()) {
      addProblem(fileReport(rel, 'error', 'not a regular file (FIFO, socket or device)', 'unreadable-file'));
      return;
    }
    const ext = extensionOf(absolute);
    if (!SUPPORTED_EXTENSIONS.includes(ext)) {
      const reason = ext ? `unsupported extension ${ext}` : 'unsupported extension (none)';
      addProblem(fileReport(rel, 'skipped', reason, 'unsupported-extension', stats.size));
      return;
    }
    files.add(rel);
  };

  const visit = async (absolute: string): Promise<void> => {
    let stats: Stats;
    try {
      stats = await fsp.stat(absolute);
    } catch (error) {
      const { reason, ruleId } = describeFsError(error);
      // A dangling symlink found while walking is as much a problem as a missing argument.
      addProblem(fileReport(toRelativePosix(absolute), 'error', reason, ruleId));
      return;
    }
    if (!stats.isDirectory()) {
      visitFile(absolute, stats);
      return;
    }
    let real = absolute;
    try {
      real = await fsp.realpath(absolute);
    } catch {
      /* keep the absolute path */
    }
    if (visitedDirs.has(real)) return; // symlink loops, or the same folder given twice
    visitedDirs.add(real);
    let entries: Dirent[];
    try {
      entries = await fsp.readdir(absolute, { withFileTypes: true });
    } catch (error) {
      const { reason, ruleId } = describeFsError(error);
      addProblem(fileReport(toRelativePosix(absolute), 'error', reason, ruleId));
      return;
    }
    entries.sort((a, b) => byCodeUnits(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      await visit(path.join(absolute, entry.name));
    }
  };

  for (const p of paths) await visit(path.resolve(p));

  return {
    files: [...files].sort(byCodeUnits),
    problems: [...problems.values()].sort((a, b) => byCodeUnits(a.file, b.file)),
  };
}

// ------------------------------------------------------------------ decoding

export interface DecodedText {
  text: string;
  encoding: string;
  messages: { ruleId: string; reason: string }[];
}

const BINARY_SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'ZIP archive or Office document' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'legacy Office document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: '7-Zip archive' },
];

function startsWithBytes(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Characters that are not text: C0 controls other than tab, newlines, form feed and escape. */
function controlByteRatio(buf: Uint8Array): number {
  const n = Math.min(buf.length, 65536);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls / n;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * A few invalid sequences in a long, otherwise valid text are damage to report, not a wrong
 * guess. One bad byte can yield up to 4 U+FFFD (a broken multi-byte char around it), so we
 * count runs of U+FFFD against the valid non-ASCII characters.
 */
function toleratedDamage(text: string): boolean {
  let replacements = 0;
  let runs = 0;
  let validNonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      replacements++;
      if (text.charCodeAt(i - 1) !== 0xfffd) runs++;
    } else if (c > 0x7f) validNonAscii++;
  }
  if (replacements === 0) return true;
  const allowedRuns = Math.max(3, validNonAscii * 0.005);
  return runs <= allowedRuns && replacements <= 4 * allowedRuns && validNonAscii >= runs * 20;
}

/**
 * Bytes -> text. Order: BOMs (UTF-8, UTF-16, UTF-32), binary signatures and NUL bytes,
 * strict UTF-8, then the legacy Chinese encodings proposed by chardet (GB18030, Big5)
 * accepted only when iconv-lite decodes them without replacement characters.
 * Returns a reason string when the bytes are not usable text.
 */
export function decodeBytes(buf: Uint8Array): DecodedText | { status: FileStatus; reason: string; ruleId: string } {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length === 0) return { status: 'skipped', reason: 'empty file', ruleId: 'empty-file' };

  // Byte order marks first: they are unambiguous and UTF-16 text is full of NUL bytes.
  if (startsWithBytes(b, [0xff, 0xfe, 0x00, 0x00])) return legacy(b.subarray(4), 'utf32le', 'utf-32le');
  if (startsWithBytes(b, [0x00, 0x00, 0xfe, 0xff])) return legacy(b.subarray(4), 'utf32be', 'utf-32be');
  if (startsWithBytes(b, [0xef, 0xbb, 0xbf])) return utf8(b.subarray(3), 'utf-8-bom');
  if (startsWithBytes(b, [0xff, 0xfe])) return legacy(b.subarray(2), 'utf16le', 'utf-16le');
  if (startsWithBytes(b, [0xfe, 0xff])) return legacy(b.subarray(2), 'utf16be', 'utf-16be');

  for (const sig of BINARY_SIGNATURES) {
    if (startsWithBytes(b, sig.bytes)) return { status: 'error', reason: `binary file (${sig.name})`, ruleId: 'binary-file' };
  }

  if (b.indexOf(0) !== -1) {
    // UTF-16 without a BOM is the only text with NUL bytes worth trying (chardet needs the BOM).
    if (b.length % 2 === 0) {
      for (const [iconvName, encoding] of [['utf16le', 'utf-16le'], ['utf16be', 'utf-16be']] as const) {
        const text = iconv.decode(b, iconvName, { stripBOM: false });
        if (plausibleChineseText(text)) return { text, encoding, messages: [] };
      }
    }
    return { status: 'error', reason: 'binary file (NUL bytes)', ruleId: 'binary-file' };
  }
  if (controlByteRatio(b) > 0.02) {
    return { status: 'error', reason: 'binary file (control characters)', ruleId: 'binary-file' };
  }

  try {
    return { text: utf8Strict.decode(b), encoding: 'utf-8', messages: [] };
  } catch {
    /* not (clean) UTF-8: try the legacy encodings, then damaged UTF-8 */
  }

  const analysis = chardet.analyse(b.subarray(0, 1 << 20));
  const candidates: string[] = [];
  for (const match of analysis) {
    if ((match.name === 'GB18030' || match.name === 'Big5') && !candidates.includes(match.name)) candidates.push(match.name);
  }
  for (const name of ['GB18030', 'Big5']) if (!candidates.includes(name)) candidates.push(name);

  // Korean and Japanese multi-byte text often decodes "cleanly" as GB18030: trust chardet's
  // language statistics when they clearly prefer another CJK encoding.
  const top = analysis[0];
  const bestChinese = Math.max(0, ...analysis.filter((m) => m.name === 'GB18030' || m.name === 'Big5').map((m) => m.confidence));
  const otherCjk = top && /^(?:EUC-KR|EUC-JP|Shift_JIS|ISO-2022-(?:JP|KR|CN))$/.test(top.name) && top.confidence >= 50 && top.confidence >= bestChinese + 15;

  const damagedUtf8 = utf8Lenient.decode(b);
  const utf8Replacements = countChar(damagedUtf8, '\ufffd');
  if (toleratedDamage(damagedUtf8)) {
    return {
      text: damagedUtf8,
      encoding: 'utf-8',
      messages: [{ ruleId: 'encoding', reason: `invalid UTF-8 bytes: ${utf8Replacements} character(s) replaced by U+FFFD` }],
    };
  }

  for (const name of otherCjk ? [] : candidates) {
    const text = iconv.decode(b, name === 'GB18030' ? 'gb18030' : 'big5');
    const replacements = countChar(text, '\ufffd');
    if (replacements === 0 && hasHan(text)) return { text, encoding: name.toLowerCase(), messages: [] };
  }
  for (const name of otherCjk ? [] : candidates) {
    const text = iconv.decode(b, name === 'GB18030' ? 'gb18030' : 'big5');
    const replacements = countChar(text, '\ufffd');
    if (toleratedDamage(text) && hasHan(text)) {
      return {
        text,
        encoding: name.toLowerCase(),
        messages: [{ ruleId: 'encoding', reason: `${replacements} invalid ${name} byte sequence(s) replaced by U+FFFD` }],
      };
    }
  }
  const hint = top && top.name !== 'GB18030' && top.name !== 'Big5' && top.confidence >= 50 ? ` (looks like ${top.name})` : '';
  return { status: 'error', reason: `could not decode as UTF-8, GB18030 or Big5${hint}`, ruleId: 'encoding' };

  function utf8(bytes: Buffer, encoding: string): DecodedText {
    try {
      return { text: utf8Strict.decode(bytes), encoding, messages: [] };
    } catch {
      const text = utf8Lenient.decode(bytes);
      const n = countChar(text, '\ufffd');
      return { text, encoding, messages: [{ ruleId: 'encoding', reason: `${n} invalid UTF-8 byte sequence(s) replaced by U+FFFD` }] };
    }
  }

  function legacy(bytes: Buffer, iconvName: string, encoding: string): DecodedText {
    const text = iconv.decode(bytes, iconvName, { stripBOM: false });
    const n = countChar(text, '\ufffd');
    return n === 0
      ? { text, encoding, messages: [] }
      : { text, encoding, messages: [{ ruleId: 'encoding', reason: `${n} invalid ${encoding} sequence(s) replaced by U+FFFD` }] };
  }
}

/**
 * Bytes decoded with a guessed encoding read like Chinese text: almost only Han, CJK
 * punctuation, printable ASCII and whitespace, no controls or lone surrogates. Random binary
 * read as UTF-16 scatters over Hangul, Yi, surrogates and the PUA and fails this.
 */
function plausibleChineseText(text: string): boolean {
  const n = Math.min(text.length, 65536);
  if (n === 0 || hasLoneSurrogates(text.slice(0, n))) return false;
  let good = 0;
  let han = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isHanCode(c)) {
      han++;
      good++;
    } else if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d) good++;
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x206f)) good++;
  }
  return han > 0 && good >= n * 0.95;
}

function hasLoneSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Han ideographs (BMP blocks and the supplementary planes 2-3 via their high surrogates). */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    (c >= 0xd840 && c <= 0xd8bf)
  );
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) return true;
  return false;
}

/** Counts used to decide whether a decoded text is Chinese at all. */
function scriptCounts(text: string): { han: number; latin: number; visible: number } {
  let han = 0;
  let latin = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    visible++;
    if (isHanCode(c)) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return { han, latin, visible };
}

/** Clearly HTML: a doctype/html root, or markup dense enough that no plain text looks like it. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536);
  if (/^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)?<(?:!doctype\s+html|html[\s>])/i.test(head)) return true;
  const tags = head.match(/<\/?(?:p|div|br|span|a|table|tr|td|li|ul|script|style|body|head|meta|img|h[1-6])\b[^<>]{0,500}>/gi);
  return (tags?.length ?? 0) >= 10 && /<\/[a-z]/i.test(head);
}

// ------------------------------------------------------------------ loadDocument

/**
 * Reads and decodes one file. Returns a SourceDocument, or a FileReport (status 'skipped' or
 * 'error') whose reason is one line. Never throws for bad input.
 */
export async function loadDocument(file: string): Promise<SourceDocument | FileReport> {
  const absolute = path.resolve(file);
  const rel = toRelativePosix(absolute);
  let stats: Stats;
  try {
    stats = await fsp.stat(absolute);
  } catch (error) {
    const { reason, ruleId } = describeFsError(error);
    return fileReport(rel, 'error', reason, ruleId);
  }
  if (stats.isDirectory()) return fileReport(rel, 'error', 'is a directory, not a file', 'unreadable-file');
  // Reading a FIFO would block forever; sockets and devices are not documents either.
  if (!stats.isFile()) return fileReport(rel, 'error', 'not a regular file (FIFO, socket or device)', 'unreadable-file');
  if (stats.size > MAX_FILE_BYTES) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    return fileReport(rel, 'skipped', `file too large (${mb(stats.size)} > ${mb(MAX_FILE_BYTES)})`, 'too-large', stats.size);
  }

  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(absolute);
  } catch (error) {
    const { reason, ruleId } = describeFsError(error);
    return fileReport(rel, 'error', reason, ruleId, stats.size);
  }

  const decoded = decodeBytes(bytes);
  if (!('text' in decoded)) return fileReport(rel, decoded.status, decoded.reason, decoded.ruleId, bytes.length);
  const { text, encoding } = decoded;

  const counts = scriptCounts(text);
  if (counts.visible === 0) {
    return withEncoding(fileReport(rel, 'skipped', 'empty file (whitespace only)', 'empty-file', bytes.length), encoding);
  }
  if (counts.han === 0 || (counts.han < 10 && counts.han * 50 < counts.latin)) {
    const what = counts.latin * 2 >= counts.visible ? 'English only' : 'no Han characters';
    return withEncoding(fileReport(rel, 'skipped', `no Chinese text (${what})`, 'no-chinese', bytes.length), encoding);
  }

  const ext = extensionOf(absolute);
  const format: SourceDocument['format'] = ext === '.html' || ext === '.htm' || looksLikeHtml(text) ? 'html' : 'text';
  return { file: rel, encoding, bytes: bytes.length, format, text };
}

function withEncoding(report: FileReport, encoding: string): FileReport {
  return { ...report, encoding };
}

// ------------------------------------------------------------------ splitArticles

interface Line {
  start: number; // file offset of the first non-blank char
  end: number; // file offset after the last non-blank char
  lineStart: number; // file offset of the line (before indentation)
  text: string; // trimmed; only the first 400 chars of a long line (classifiers need no more)
  last: string; // the line's last non-blank char
}

const SPACE_RE = /[\s\u00a0\u3000\ufeff]/;

function isBlank(c: string): boolean {
  return SPACE_RE.test(c);
}

/** Non-blank lines with their trimmed extent (\n, \r\n, \r, U+2028/2029 end a line); linear. */
function nonBlankLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  const breaks = /\r\n?|[\n\u2028\u2029]/g;
  let pos = 0;
  while (pos <= n) {
    breaks.lastIndex = pos;
    const m = breaks.exec(text);
    const lineEnd = m ? m.index : n;
    let s = pos;
    let e = lineEnd;
    while (s < e && isBlank(text[s])) s++;
    while (e > s && isBlank(text[e - 1])) e--;
    if (e > s) {
      lines.push({ start: s, end: e, lineStart: pos, text: text.slice(s, Math.min(e, s + 400)), last: text[e - 1] });
    }
    if (!m) break;
    pos = lineEnd + m[0].length;
  }
  return lines;
}

const SENTENCE_END = '。！？!?；;：:，,、…';

function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHanCode(s.charCodeAt(i))) n++;
  return n;
}

// Datelines. Both simplified and traditional spellings: ingest runs before t2s.
const AGENCY_DATELINE_RE =
  /^[【[（(]?(?:本[报報][^\s，,。]{0,12}?[讯訊电電]|新[华華]社[^\s，,。]{0,16}?[电電]|[\u4e00-\u9fff0-9]{2,20}[讯訊电電](?=[\s\u00a0\u3000]*[（(【[]))/;
const CONTINUATION_RE = /^[（(](?:上接|接上|转自|轉自)[^）)]{0,8}[）)]/;
const DATE_RE =
  /^(?:(?:[发發][布佈])?(?:时间|時間|日期)\s*[:：]\s*)?(?:\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?|\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4})(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/;
const SOURCE_LABEL_RE = /(?:来源|來源|[发發][布佈]时间|[发發][布佈]時間|作者)\s*[:：]/;

/** A line that only carries date/time/source metadata, e.g. `2023年05月03日08:44 | 來源:山西日報`. */
export function isDatelineLine(line: string): boolean {
  if (line.length > 100) return false;
  const date = DATE_RE.exec(line);
  if (date) {
    const rest = line.slice(date[0].length);
    if (rest.length === 0) return true;
    // After the date: a separator or a source label, never prose ("2019年6月3日,全省…").
    if (!/^[\s\u00a0\u3000|｜丨/／]|^(?:来源|來源|作者|[发發][布佈])/.test(rest)) return false;
    return !/[，,。！？!?；;]/.test(rest);
  }
  return line.length <= 80 && SOURCE_LABEL_RE.test(line) && !/[，。！？；]/.test(line) && /^(?:来源|來源|作者|[发發][布佈])/.test(line);
}

/** A paragraph that opens with a news-agency or paper dateline (本报讯, 新华社…电, X网…讯 (记者…). */
export function opensWithAgencyDateline(line: string): boolean {
  return AGENCY_DATELINE_RE.test(line.slice(0, 48));
}

const BYLINE_RE =
  /^(?:本[报報](?:记者|記者|通讯员|通訊員|特约记者|特約記者)|记者|記者|通讯员|通訊員|文\s*[/／]\s*图|文[/／]圖|作者)[\s：:]*[\u4e00-\u9fff·]{2,5}(?:[\s、,，]+(?:(?:本[报報])?(?:记者|記者|通讯员|通訊員))?\s*[\u4e00-\u9fff·]{2,5}){0,5}$/;

/** A byline on its own line under a headline: `本报记者 张三 李四`, `通讯员 王五`. */
export function isBylineLine(line: string): boolean {
  return line.length <= 48 && BYLINE_RE.test(line);
}

function isContinuationLine(line: string): boolean {
  return CONTINUATION_RE.test(line.slice(0, 16));
}

function isSubtitleLine(line: string): boolean {
  return /^(?:——|--|－－|—)/.test(line) && line.length <= 60 && !line.includes('。');
}

/** A short line that reads like a headline: no sentence punctuation at its end, no full stop inside. */
export function isHeadlineLike(line: string): boolean {
  if (line.length < 4 || line.length > 60) return false;
  if (countHan(line) < 4) return false;
  const last = line[line.length - 1];
  if (SENTENCE_END.includes(last)) return false;
  if (line.endsWith('...')) return false;
  if (line.includes('。')) return false;
  if (isDatelineLine(line) || opensWithAgencyDateline(line) || isContinuationLine(line) || isBylineLine(line)) return false;
  if (isBoilerplateLine(line)) return false;
  return true;
}

/** A series headline: `某某日报社论丨…`, `专栏名｜标题`. */
function isSeriesHeadline(line: string): boolean {
  if (!isHeadlineLike(line)) return false;
  const m = /^([^\s丨｜|]{2,20})[丨｜|]([^丨｜|]{4,})$/.exec(line);
  return m !== null && countHan(m[1]) >= 2 && countHan(m[2]) >= 3;
}

function isBodyLine(line: Line): boolean {
  if (line.end - line.start >= 40) return true;
  return SENTENCE_END.includes(line.last) && line.text.length >= 8;
}

const TITLE_LABEL_RE = /^(?:标题|標題|题目|題目|title)\s*[:：]\s*(\S.{1,79})$/i;

/** A headline as shown: Markdown heading marks removed. */
function cleanTitle(line: string): string {
  return withoutGlosses(line).replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').trim();
}


function isSeparatorLine(line: string): boolean {
  return line.length <= 200 && /^([-=*_#~－＝＊])(?:\s*\1){4,}$/.test(line);
}

interface Split {
  line: number; // index into lines
  title?: string;
}

/**
 * Splits a document holding several articles at headline/dateline structure:
 *  A. 1-3 headline-like lines (kicker, title, "——" subtitle) directly before a dateline line
 *     (`2023年05月03日08:44 | 来源:…`, `17.10.2018 06:24`), an agency dateline (`本报讯`, `新华社…电`)
 *     or a continuation mark (`(上接第一版)`);
 *  B. a series headline `栏目丨标题` followed by body text;
 *  C. a line repeating an earlier article's headline (a newspaper continuation);
 *  D. an agency dateline opening a paragraph right after body text (a headless news brief);
 *  E. a field-labelled record `标题：…` (scraper dumps);
 *  F. a separator line (`-----`, `=====`, `*****`) followed by a headline.
 * When none of these is certain the file stays one article. Articles partition the file:
 * text === doc.text.slice(start, end) and nothing between articles is lost.
 */
export function splitArticles(doc: SourceDocument): RawArticle[] {
  const { text } = doc;
  const make = (index: number, start: number, end: number, title?: string): RawArticle => ({
    id: `${doc.file}#${index}`,
    file: doc.file,
    index,
    start,
    end,
    text: text.slice(start, end),
    format: doc.format,
    ...(title ? { title } : {}),
  });

  if (doc.format === 'html') {
    const title = htmlTitle(text);
    return [make(0, 0, text.length, title)];
  }

  const lines = nonBlankLines(text);
  const splits: Split[] = [];
  const titles = new Set<string>();

  // Markdown: several top-level headings (`# 标题`) are several articles.
  if (/\.(?:md|markdown)$/i.test(doc.file)) {
    const h1 = lines.flatMap((l, k) => (/^#\s+\S/.test(l.text) ? [k] : []));
    if (h1.length >= 2) for (const k of h1) splits.push({ line: k, title: cleanTitle(lines[k].text) });
  }
  const headline = lines.map((l) => {
    const bare = withoutGlosses(l.text);
    return bare.length <= 60 && isHeadlineLike(bare);
  });

  for (let k = 0; k < lines.length; k++) {
    const t = lines[k].text;
    // Rule E: a field-labelled record, as scrapers dump them ("标题：…" then 时间/来源/正文).
    const labelled = TITLE_LABEL_RE.exec(t);
    if (labelled) {
      splits.push({ line: k, title: labelled[1] });
      titles.add(labelled[1]);
      continue;
    }
    // Rule F: a separator line (-----, =====, *****) followed by a headline.
    if (isSeparatorLine(t) && headline[k + 1]) {
      splits.push({ line: k + 1, title: cleanTitle(lines[k + 1].text) });
      titles.add(cleanTitle(lines[k + 1].text));
      continue;
    }
    const dateline = isDatelineLine(t) || opensWithAgencyDateline(t) || isContinuationLine(t) || isBylineLine(t);
    if (dateline) {
      // Rule A: walk back over at most 3 headline/subtitle lines.
      let first = -1;
      let title: string | undefined;
      for (let j = k - 1, taken = 0; j >= 0 && taken < 3; j--, taken++) {
        const lt = lines[j].text;
        if (isSubtitleLine(lt)) {
          first = j;
          continue;
        }
        if (!headline[j]) break;
        if (title === undefined) {
          title = cleanTitle(lt);
          first = j;
          continue;
        }
        // A kicker above the title: short and comma-free, unlike the truncated end of a body paragraph.
        if (/[，,、]/.test(lt) || lt.length > 30) break;
        first = j;
        break;
      }
      if (first >= 0 && title !== undefined) {
        splits.push({ line: first, title });
        titles.add(title);
        continue;
      }
      // Rule D: a headless brief opening with an agency dateline after body text.
      if (opensWithAgencyDateline(t) && k > 0 && isBodyLine(lines[k - 1]) && SENTENCE_END.includes(lines[k - 1].last)) {
        splits.push({ line: k });
      }
      continue;
    }
    if (headline[k] && isSeriesHeadline(t)) {
      const next = lines[k + 1];
      if (next && !headline[k + 1] && isBodyLine(next)) {
        splits.push({ line: k, title: cleanTitle(t) });
        titles.add(cleanTitle(t));
        continue;
      }
    }
    // Rule C: a headline already used by an earlier article (the loop runs in line order,
    // so every title in the set belongs to a line before this one).
    if (headline[k] && titles.has(cleanTitle(t))) splits.push({ line: k, title: cleanTitle(t) });
  }

  splits.sort((a, b) => a.line - b.line);
  const unique: Split[] = [];
  for (const s of splits) if (unique.length === 0 || unique[unique.length - 1].line !== s.line) unique.push(s);

  if (unique.length === 0) return [make(0, 0, text.length, leadingTitle(lines))];

  // Text before the first split becomes its own article only if it holds body text
  // (not just a masthead, breadcrumbs or an image name).
  const firstLine = unique[0].line;
  const preface = lines.slice(0, firstLine);
  const articles: RawArticle[] = [];
  let cursor = 0;
  if (preface.some((l) => isBodyLine(l) && !isBoilerplateLine(l.text))) {
    const end = lines[firstLine].lineStart;
    articles.push(make(0, 0, end, leadingTitle(preface)));
    cursor = end;
  }
  for (let i = 0; i < unique.length; i++) {
    const start = articles.length === 0 ? 0 : lines[unique[i].line].lineStart;
    const end = i + 1 < unique.length ? lines[unique[i + 1].line].lineStart : text.length;
    if (end <= start) continue;
    articles.push(make(articles.length, Math.max(start, cursor), end, unique[i].title));
    cursor = end;
  }
  return articles;
}

/** Title of an article without dateline structure: a headline-like first line followed by body. */
function leadingTitle(lines: Line[]): string | undefined {
  let i = 0;
  while (i < lines.length && isBoilerplateLine(lines[i].text)) i++;
  if (i + 1 >= lines.length) return undefined;
  const first = withoutGlosses(lines[i].text);
  return first.length <= 60 && isHeadlineLike(first) ? cleanTitle(first) : undefined;
}

/** The first <h1> or <title> of an HTML document, markup removed. */
function htmlTitle(html: string): string | undefined {
  const head = html.slice(0, 1 << 20);
  // (a CMS page may mark its headline with a class rather than <h1>: <div class="title">)
  for (const re of [/<h1\b[^>]{0,500}>([\s\S]{1,2000}?)<\/h1\s*>/i, /<(div|p|span|h2)\b[^>]{0,200}class=["'][^"']{0,60}\b(?:article-title|news-title|title|headline)\b[^"']{0,60}["'][^>]{0,200}>([\s\S]{1,2000}?)<\/\1\s*>/i, /<title\b[^>]{0,500}>([\s\S]{1,2000}?)<\/title\s*>/i]) {
    const m = re.exec(head);
    if (!m) continue;
    const title = m[m.length - 1]!
      .replace(/<[^>]{0,500}>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
    if (title && countHan(title) > 0) return title;
  }
  return undefined;
}
