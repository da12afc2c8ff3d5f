// The plain data that flows between pipeline stages (see DESIGN.md, "Data flow").
// Every stage is a function from one of these shapes to the next; nothing here holds
// behaviour, so results cross worker_threads boundaries by structured clone.
//
// Offsets: UTF-16 code-unit offsets, end-exclusive (vfile convention).
//   - "file offsets" index SourceDocument.text (the decoded original file);
//   - "normalized offsets" index NormalizedArticle.text.
// NormalizedArticle.offsets maps the second to the first.

export const ENTITY_TYPES = ['Person', 'Province', 'Prefecture', 'County', 'Project', 'Organization', 'Article'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/** Entity types an extractor can find in text (Article nodes are provenance). */
export type NamedEntityType = Exclude<EntityType, 'Article'>;
export const REGION_TYPES = ['Province', 'Prefecture', 'County'] as const;
export type RegionType = (typeof REGION_TYPES)[number];

export const RELATION_TYPES = [
  'SUPPORTS',
  'PART_OF',
  'LOCATED_IN',
  'FUNDS',
  'HOLDS_POSITION',
  'VISITS',
  'COOPERATES_WITH',
  'MENTIONS',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** A content problem attached to a file or article (vfile message style): never an exception. */
export interface Message {
  file: string;
  article?: string;
  ruleId: string; // e.g. 'mojibake', 'empty-file', 'encoding'
  reason: string; // one line, human readable
  start?: number; // file offsets, when the problem has a place
  end?: number;
  fatal: boolean; // true: the file produced nothing
}

// ---------------------------------------------------------------- ingest

/** One input file, decoded. `file` is the path relative to the working directory, POSIX separators. */
export interface SourceDocument {
  file: string;
  encoding: string; // 'utf-8', 'utf-8-bom', 'utf-16le', 'gb18030', 'big5', ...
  bytes: number;
  format: 'text' | 'html'; // html: markup is still in `text`; normalize removes it (offsets stay exact)
  text: string; // the decoded original text: evidence offsets index this string
}

/** One article inside a SourceDocument. text === document.text.slice(start, end). */
export interface RawArticle {
  id: string; // `${file}#${index}`
  file: string;
  index: number; // 0-based position in the file
  start: number; // file offsets
  end: number;
  text: string;
  format: 'text' | 'html';
  title?: string; // headline when one was recognised (original characters)
}

// ---------------------------------------------------------------- normalize

export interface Span {
  start: number;
  end: number;
}

export interface NormalizedArticle {
  id: string;
  file: string;
  index: number;
  title?: string; // normalized (simplified) headline
  /** Simplified, cleaned text: pinyin glosses, boilerplate and repeated paragraphs removed. */
  text: string;
  /** offsets[i] = file offset of normalized char i; length text.length + 1 (last = end of the last char). */
  offsets: Int32Array;
  /** ends[i] = file offset just after the original chars that produced normalized char i (normalize sets it;
   *  read it through toFileSpan). Optional so that hand-built test articles need not carry it. */
  ends?: Int32Array;
  /** The article's original characters and where they start in the file, to quote evidence. */
  original: string;
  originalStart: number;
  /** Normalized spans inside damaged (mojibake) text: nothing is extracted from them. */
  damaged: Span[];
  messages: Message[];
}

// ---------------------------------------------------------------- segment

/**
 * One jieba word: its text is `article.text.slice(start, end)`. What the recognition rules are
 * handed when they ask for a token (recognize/context.ts); an article keeps its tokens in a
 * TokenTable instead.
 */
export interface Token {
  tag: string; // jieba POS tag or a lexicon tag (e.g. 'ns', 'nr', 'PROV', 'PREF', 'CNTY', 'XPCC', 'TITLE')
  start: number; // normalized offsets
  end: number;
}

/**
 * An article's tokens in text order, as parallel typed arrays rather than an object per token
 * (or a copy of each word): a worker holds every token of the chunk it extracts, tens of
 * thousands, and as objects they were most of what each young-generation collection had to
 * copy. Token k is [starts[k], ends[k]) with tag tagNames[tagIds[k]].
 */
export interface TokenTable {
  starts: Int32Array;
  ends: Int32Array;
  tagIds: Uint16Array;
  /** Tag names by id (shared by the thread's articles). */
  tagNames: readonly string[];
}

export interface Sentence {
  index: number;
  start: number; // normalized offsets
  end: number;
  /** The sentence's tokens are [tokenStart, tokenEnd) of the article's TokenTable. */
  tokenStart: number;
  tokenEnd: number;
}

export interface SegmentedArticle extends NormalizedArticle {
  sentences: Sentence[];
  tokens: TokenTable;
}

// ---------------------------------------------------------------- recognize

/** What a mention is: an entity type, or a value/cue used by relate. */
export type MentionKind = NamedEntityType | 'Money' | 'Date' | 'Title' | 'Pronoun';

export interface Mention {
  kind: MentionKind;
  text: string; // normalized surface form
  start: number; // normalized offsets
  end: number;
  sentence: number; // Sentence.index
  rule: string; // which rule found it
  /** Money: amount in yuan; Date: year (or yyyymmdd when a full date is given). */
  value?: number;
  /** Free-form extra facts, e.g. { role: '记者' } for a byline, { date: '2023-04-23' }. */
  attrs?: Record<string, string>;
}

export interface RecognizedArticle extends SegmentedArticle {
  mentions: Mention[];
}

// ---------------------------------------------------------------- resolve

export interface EntityRef {
  key: string; // `${type}:${label}`
  type: NamedEntityType;
  label: string; // canonical, simplified, full official name
}

export interface ResolvedMention extends Mention {
  entity?: EntityRef; // undefined for Money / Date / Title, and for mentions that could not be resolved
}

/** One entity as seen in one article (merged across articles by the graph stage). */
export interface EntityRecord extends EntityRef {
  aliases: string[]; // surface forms seen (normalized), sorted, without the label itself
  level?: string; // 'province' | 'prefecture' | 'county' | 'xpcc-division' | 'xpcc-regiment' ...
  code?: string; // GB/T 2260 code when the lexicon has one
  mentions: number; // mention count in this article
  attrs?: Record<string, string>; // e.g. { role: '记者' }
}

export interface ResolvedArticle extends RecognizedArticle {
  mentions: ResolvedMention[];
  entities: EntityRecord[];
  /** The article's own province or city (for 我省/我市/本省), inferred from the text. */
  home?: EntityRef;
}

// ---------------------------------------------------------------- relate

export interface Evidence {
  article: string; // RawArticle.id
  sentence: string; // the ORIGINAL characters: SourceDocument.text.slice(start, end)
  start: number; // file offsets
  end: number;
}

export interface RelationAttrs {
  title?: string; // HOLDS_POSITION
  amount_yuan?: number; // FUNDS
  since?: number; // SUPPORTS (year)
  date?: string; // VISITS (ISO-like, as precise as stated)
}

export interface RelationRecord {
  type: RelationType;
  source: string; // entity key
  target: string; // entity key
  attrs: RelationAttrs;
  evidence: Evidence;
  confidence: number; // [0, 1]
  rule: string;
}

/** What extraction returns for one article: small, plain, structured-clone friendly. */
export interface ArticleResult {
  article: { id: string; file: string; index: number; title?: string; characters: number };
  entities: EntityRecord[];
  relations: RelationRecord[];
  messages: Message[];
}

// ---------------------------------------------------------------- report

export type FileStatus = 'ok' | 'skipped' | 'error';

export interface FileReport {
  file: string;
  status: FileStatus;
  reason?: string;
  encoding?: string;
  bytes: number;
  articles: number;
  characters: number;
  messages: Message[];
  timings_ms: Record<string, number>;
}

export function entityKey(type: EntityType, label: string): string {
  return `${type}:${label}`;
}
