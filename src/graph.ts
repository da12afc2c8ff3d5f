// The graph stage: merges per-article extraction results into one graphology
// MultiDirectedGraph (DESIGN.md, "Entity types" and "Relation types").
//
// Determinism: results are merged in the order they are given (the build feeds them in
// input-file order, then article order, whatever the number of workers), every list is
// sorted, and nodes and edges are inserted in sorted key order, so `graph.export()` is
// byte-stable for the same input.
//
// Memory: the accumulator keeps one compact record per entity and per relation, never article
// text; articles are referred to by their ordinal, evidence rows live in typed arrays and
// evidence sentences in a temp file (SentenceStore), read back when the graph is written.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { Lexicon } from './lexicon/api.js';
import {
  ENTITY_TYPES,
  REGION_TYPES,
  RELATION_TYPES,
  type ArticleResult,
  type EntityType,
  type Evidence,
  type RelationRecord,
} from './types.js';

export type KnowledgeGraph = MultiDirectedGraph;

/** What addLexiconHierarchy needs from the lexicon (src/lexicon/api.ts). */
export type RegionLookup = Pick<Lexicon, 'regionByName'>;

export interface BuildGraphOptions {
  /** When given, PART_OF edges from the lexicon are added for every region node (see addLexiconHierarchy). */
  lexicon?: RegionLookup | null;
}

/** Node attributes of an entity node (plus `x`, `y` from the layout in graph.json). */
export interface EntityNodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[]; // surface forms seen, code-unit sorted, unique, without the label
  level?: string; // conflicting values across articles: the smallest (order independent)
  code?: string;
  mentions: number; // summed over articles
  articles: string[]; // ids in input order (file order, then article index), unique
}

/** Edge attributes of every edge (MENTIONS included, so consumers see one shape). */
export interface RelationEdgeAttributes {
  type: string;
  weight: number;
  confidence: number;
  rule: string;
  evidence: Evidence[];
  title?: string;
  amount_yuan?: number;
  since?: number;
  date?: string;
}

const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const REGION_TYPE_SET = new Set<string>(REGION_TYPES);
const RELATION_TYPE_SET = new Set<string>(RELATION_TYPES);

/** Code-unit order: locale independent, the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface EntityAccumulator {
  id: number; // its index in GraphAccumulator.entityList, used in compact relation keys
  key: string;
  label: string;
  type: EntityType;
  // Distinct surface forms, arrival order; created on the first alias. An entity has a handful:
  // a small array costs a fraction of a Set, and there are hundreds of thousands of entities.
  aliases?: string[];
  level?: string;
  code?: string;
  mentions: number;
  // Its articles: rows of the build's ArticleRefStore (ordinals ascending, as articles arrive in order).
  firstArticle: number;
  lastArticle: number;
}

type GrowableArray = Int32Array | Uint16Array | Uint32Array | Float64Array;

/** A typed array of the same kind, twice the length, holding `old`'s values (the stores grow by doubling). */
function doubled<T extends GrowableArray>(old: T): T {
  const array = new (old.constructor as new (n: number) => T)(old.length * 2);
  array.set(old);
  return array;
}

// Largest temp file of evidence sentences read back whole when the graph is written (a
// 200 MiB corpus quotes ~40 MB of them).
const READ_BACK_LIMIT = 256 << 20;

/**
 * Evidence sentences, off the heap: a large corpus quotes millions of them (on a 200 MiB corpus
 * they and their index were a large share of the main thread's memory), and they are only
 * needed again when the graph is written. Each is appended, as UTF-16 code units (exact for
 * any string, 2 bytes per CJK character), to a buffer that spills to an unlinked temp file
 * once it fills up; the store keeps only offsets and lengths. Small builds never touch disk.
 */
class SentenceStore {
  count = 0;
  private offset = new Float64Array(1024); // byte offset in file + buffer (can exceed 2^31)
  private length = new Int32Array(1024); // in code units
  private buffer: Buffer;
  private used = 0; // bytes in `buffer`, which follow the `flushed` bytes already in the file
  private flushed = 0;
  private fd = -1;
  private scratch = Buffer.allocUnsafe(0);
  // The whole temp file, read back in one go at the first read (writing the graph reads every
  // sentence, some many times; one readSync each cost ~1.5 s on the 50 MiB bench corpus).
  // Dropped when more is spilled; files over READ_BACK_LIMIT are read sentence by sentence.
  private readBack: Buffer | null = null;
  private readonly closer = { fd: -1 };

  constructor(
    private readonly bufferSize = 4 << 20,
    private readonly readBackLimit = READ_BACK_LIMIT,
  ) {
    this.buffer = Buffer.allocUnsafe(0);
  }

  add(sentence: string): number {
    if (this.count === this.offset.length) {
      this.offset = doubled(this.offset);
      this.length = doubled(this.length);
    }
    const bytes = sentence.length * 2;
    if (this.used + bytes > this.buffer.length) {
      if (this.buffer.length < this.bufferSize) {
        // Grow in memory first (small builds stay there), up to bufferSize.
        const grown = Buffer.allocUnsafe(Math.min(this.bufferSize, Math.max(this.buffer.length * 2, 64 << 10, this.used + bytes)));
        this.buffer.copy(grown, 0, 0, this.used);
        this.buffer = grown;
      }
      if (this.used + bytes > this.buffer.length) this.spill();
    }
    const id = this.count++;
    this.offset[id] = this.flushed + this.used;
    this.length[id] = sentence.length;
    if (bytes > this.buffer.length) {
      // Longer than the whole buffer (after spill() emptied it): straight to the file.
      this.writeFile(Buffer.from(sentence, 'utf16le'));
    } else {
      this.used += this.buffer.write(sentence, this.used, 'utf16le');
    }
    return id;
  }

  get(id: number): string {
    const bytes = this.length[id]! * 2;
    const at = this.offset[id]! - this.flushed;
    if (at >= 0) return this.buffer.toString('utf16le', at, at + bytes);
    if (this.readBack === null && this.flushed <= this.readBackLimit) this.readBack = this.readFile(0, this.flushed, Buffer.allocUnsafe(this.flushed));
    if (this.readBack !== null) return this.readBack.toString('utf16le', this.offset[id]!, this.offset[id]! + bytes);
    if (this.scratch.length < bytes) this.scratch = Buffer.allocUnsafe(Math.max(bytes, 64 << 10));
    return this.readFile(this.offset[id]!, bytes, this.scratch).toString('utf16le', 0, bytes);
  }

  /** `bytes` bytes of the temp file from `position`, into the start of `into`. */
  private readFile(position: number, bytes: number, into: Buffer): Buffer {
    let done = 0;
    while (done < bytes) {
      const n = readSync(this.fd, into, done, bytes - done, position + done);
      if (n <= 0) throw new Error('evidence sentence store: unexpected end of its temp file');
      done += n;
    }
    return into;
  }

  /** Closes the temp file (already unlinked); the store is unusable afterwards. */
  dispose(): void {
    this.readBack = null;
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = this.closer.fd = -1;
    sentenceFiles.unregister(this);
  }

  private spill(): void {
    if (this.used === 0) return;
    this.writeFile(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeFile(data: Buffer): void {
    if (this.fd < 0) this.open();
    this.readBack = null;
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.flushed + done);
    this.flushed += data.length;
  }

  private open(): void {
    const path = join(tmpdir(), `yjkg-evidence-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.tmp`);
    this.fd = openSync(path, 'wx+', 0o600);
    this.closer.fd = this.fd;
    // Unlinked at once: the open descriptor keeps the data, and the kernel frees it when the
    // descriptor closes or the process ends, on error or crash alike.
    try {
      unlinkSync(path);
    } catch {
      // Platforms that cannot unlink an open file: remove it on exit instead.
      process.once('exit', () => {
        try {
          closeSync(this.closer.fd);
        } catch {}
        try {
          unlinkSync(path);
        } catch {}
      });
    }
    sentenceFiles.register(this, this.closer, this);
  }
}

// Closes a store's temp file descriptor once its accumulator is garbage (builds in a long-lived process).
const sentenceFiles = new FinalizationRegistry<{ fd: number }>((closer) => {
  if (closer.fd < 0) return;
  try {
    closeSync(closer.fd);
  } catch {}
});

/**
 * Every piece of evidence of the build, one row each in growable typed arrays (a corpus has
 * millions: as JS arrays of numbers they were most of the main thread's heap and GC time).
 * A relation's rows form a singly linked list (head .. tail through `next`), in arrival order.
 */
class EvidenceStore {
  count = 0;
  ordinal = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  sentence = new Int32Array(1024);
  next = new Int32Array(1024);
  // Confidences come from a handful of rule values: each row holds an index into `values`
  // (2 bytes, 4 past 65,536 distinct values) instead of a float64.
  private level: Uint16Array | Uint32Array = new Uint16Array(1024);
  private readonly values: number[] = [];
  private readonly valueIndex = new Map<number, number>();
  /** Rows whose article id is not an article of the build (rare): row -> id. */
  readonly extraArticle = new Map<number, string>();

  confidence(row: number): number {
    return this.values[this.level[row]!]!;
  }

  push(ordinal: number, start: number, end: number, confidence: number, sentence: number): number {
    if (this.count === this.ordinal.length) this.grow();
    const row = this.count++;
    this.ordinal[row] = ordinal;
    this.start[row] = start;
    this.end[row] = end;
    let level = this.valueIndex.get(confidence);
    if (level === undefined) {
      level = this.values.length;
      this.values.push(confidence);
      this.valueIndex.set(confidence, level);
      if (level === 0x10000 && this.level instanceof Uint16Array) this.level = Uint32Array.from(this.level);
    }
    this.level[row] = level;
    this.sentence[row] = sentence;
    this.next[row] = -1;
    return row;
  }

  private grow(): void {
    this.ordinal = doubled(this.ordinal);
    this.start = doubled(this.start);
    this.end = doubled(this.end);
    this.sentence = doubled(this.sentence);
    this.next = doubled(this.next);
    this.level = doubled(this.level);
  }
}

/** Entity -> article ordinals, as singly linked rows in typed arrays (one row per entity and article). */
class ArticleRefStore {
  count = 0;
  ordinal = new Int32Array(1024);
  next = new Int32Array(1024);

  push(ordinal: number): number {
    if (this.count === this.ordinal.length) {
      this.ordinal = doubled(this.ordinal);
      this.next = doubled(this.next);
    }
    const row = this.count++;
    this.ordinal[row] = ordinal;
    this.next[row] = -1;
    return row;
  }

  ids(first: number, articleIds: string[]): string[] {
    const ids: string[] = [];
    for (let row = first; row >= 0; row = this.next[row]!) ids.push(articleIds[this.ordinal[row]!]!);
    return ids;
  }
}

interface RelationAccumulator {
  type: string;
  source: string;
  target: string;
  title: string | undefined;
  rule: string; // the first rule seen ('' when none)
  moreRules?: string[]; // further distinct rules, rare
  // Evidence rows in the EvidenceStore (-1: none); relinked in output order once deduplicated.
  head: number;
  tail: number;
  deduped: boolean;
  // The attribute value chosen so far and the (confidence, ordinal, start) it came from.
  amount?: { value: number; rank: [number, number, number] };
  since?: { value: number; rank: [number, number, number] };
  date?: { value: string; rank: [number, number, number] };
}

interface ArticleNode {
  key: string;
  label: string;
  file: string;
  index: number;
  characters: number;
  title?: string;
  // MENTIONS edges: entity keys (sorted; the canonical key strings of the entity map, not
  // per-article copies) and their mention counts, as two flat arrays.
  mentionKeys: string[];
  mentionCounts: number[];
}

/** `${type}|${source}|${target}[|${title}]`: one edge per (source, type, target[, title]). */
export function relationKey(type: string, source: string, target: string, title?: string): string {
  return title ? `${type}|${source}|${target}|${title}` : `${type}|${source}|${target}`;
}

/** Splits an entity key `${type}:${label}`; undefined when the type is unknown. */
export function parseEntityKey(key: string): { type: EntityType; label: string } | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const type = key.slice(0, colon);
  const label = key.slice(colon + 1);
  if (!ENTITY_TYPE_SET.has(type) || !label) return undefined;
  return { type: type as EntityType, label };
}

// Higher confidence wins; then the earlier evidence (article order, then offset).
function outranks(a: [number, number, number], b: [number, number, number]): boolean {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  return a[2] < b[2];
}

/**
 * Merges ArticleResults one at a time (the build streams them in) and materialises the
 * graph at the end. Feed results in a deterministic order; the output depends only on it.
 */
export class GraphAccumulator {
  private readonly entities = new Map<string, EntityAccumulator>();
  private readonly entityList: EntityAccumulator[] = [];
  // Keyed by compactRelationKey (a few code units), not by the long relationKey string: there
  // are hundreds of thousands of relations. Full keys are built when the graph is written.
  private relations = new Map<string, RelationAccumulator>();
  // Set once a part with a '|' shows up: from then on (and retroactively) the map is keyed by
  // relationKey itself, as different parts could then join to one key (and so one edge).
  private fullKeys = false;
  private readonly titleIds = new Map<string, number>();
  private readonly titleList: string[] = [];
  private readonly rules = new Map<string, string>();
  private readonly articleIds: string[] = [];
  private readonly articleOrdinal = new Map<string, number>();
  private readonly articleNodes: ArticleNode[] = [];
  private readonly files = new Map<string, string>();
  // Evidence sentences live in the SentenceStore; several relations of an article quote the
  // same sentence, so each is stored once per article (this map is reset for every article).
  private readonly sentences: SentenceStore;
  private articleSentences = new Map<string, number>();
  private readonly evidence = new EvidenceStore();
  private readonly articleRefs = new ArticleRefStore();
  /** Relations dropped because an endpoint key was malformed or the type unknown. */
  droppedRelations = 0;

  /**
   * `sentenceBuffer`: bytes of evidence sentences kept in memory before spilling to disk;
   * `sentenceReadBack`: the largest spilled file read back whole for writing (tests).
   */
  constructor(options: { sentenceBuffer?: number; sentenceReadBack?: number } = {}) {
    this.sentences = new SentenceStore(options.sentenceBuffer, options.sentenceReadBack);
  }

  /** Releases the evidence sentences' temp file at once (else: when the accumulator is collected). */
  dispose(): void {
    this.sentences.dispose();
  }

  get articleCount(): number {
    return this.articleIds.length;
  }

  add(result: ArticleResult): void {
    const { article } = result;
    let ordinal = this.articleOrdinal.get(article.id);
    if (ordinal === undefined) {
      ordinal = this.articleIds.length;
      this.articleIds.push(article.id);
      this.articleOrdinal.set(article.id, ordinal);
    } else {
      // The same article twice (e.g. a path given twice): count it once.
      return;
    }

    this.articleSentences = new Map();
    const mentionCounts = new Map<string, number>();
    for (const record of result.entities) {
      if (!ENTITY_TYPE_SET.has(record.type) || (record.type as string) === 'Article' || !record.label) continue;
      const key = record.key || `${record.type}:${record.label}`;
      const entity = this.entity(key, record.type, record.label);
      for (const alias of record.aliases ?? []) {
        if (!entity.aliases) entity.aliases = [alias];
        else if (!entity.aliases.includes(alias)) entity.aliases.push(alias);
      }
      // Conflicting level/code across articles: keep the smallest, independent of order.
      if (record.level && (!entity.level || record.level < entity.level)) entity.level = record.level;
      if (record.code && (!entity.code || record.code < entity.code)) entity.code = record.code;
      const count = Math.max(0, record.mentions | 0);
      entity.mentions += count;
      if (entity.lastArticle < 0 || this.articleRefs.ordinal[entity.lastArticle] !== ordinal) {
        const row = this.articleRefs.push(ordinal);
        if (entity.lastArticle < 0) entity.firstArticle = row;
        else this.articleRefs.next[entity.lastArticle] = row;
        entity.lastArticle = row;
      }
      mentionCounts.set(entity.key, (mentionCounts.get(entity.key) ?? 0) + count);
    }

    let file = this.files.get(article.file);
    if (file === undefined) this.files.set(article.file, (file = article.file));
    this.articleNodes.push({
      key: `Article:${article.id}`,
      label: article.title || article.id,
      file, // one string per input file, not one per article
      index: article.index,
      characters: article.characters,
      ...(article.title ? { title: article.title } : {}),
      mentionKeys: [...mentionCounts.keys()].sort(compareStrings),
      mentionCounts: [],
    });

    const node = this.articleNodes[this.articleNodes.length - 1]!;
    node.mentionCounts = node.mentionKeys.map((k) => mentionCounts.get(k)!);
    for (const relation of result.relations) this.addRelation(relation, ordinal);
  }

  /** One string per distinct rule name. */
  private rule(rule: string): string {
    let canonical = this.rules.get(rule);
    if (canonical === undefined) this.rules.set(rule, (canonical = rule));
    return canonical;
  }

  /** Whether a relation (type, source, target, no title) was merged. */
  private hasRelation(type: string, source: string, target: string): boolean {
    const from = this.entities.get(source);
    const to = this.entities.get(target);
    return from !== undefined && to !== undefined && this.relations.has(this.relationMapKey(type, from, to, undefined, 0));
  }

  /** The relations map's key: compact (see compactRelationKey) unless a '|' forced full keys. */
  private relationMapKey(type: string, source: EntityAccumulator, target: EntityAccumulator, title: string | undefined, titleId: number): string {
    if (!this.fullKeys && (source.key.includes('|') || target.key.includes('|') || (title !== undefined && title.includes('|')))) {
      this.fullKeys = true;
      const relations = new Map<string, RelationAccumulator>();
      for (const relation of this.relations.values()) relations.set(fullRelationKey(relation), relation);
      this.relations = relations;
    }
    return this.fullKeys ? relationKey(type, source.key, target.key, title) : compactRelationKey(type, source.id, target.id, titleId);
  }

  private entity(key: string, type: EntityType, label: string): EntityAccumulator {
    let entity = this.entities.get(key);
    if (!entity) {
      entity = { id: this.entityList.length, key, label, type, mentions: 0, firstArticle: -1, lastArticle: -1 };
      this.entities.set(key, entity);
      this.entityList.push(entity);
    }
    return entity;
  }

  private addRelation(relation: RelationRecord, fallbackOrdinal: number): void {
    if (!RELATION_TYPE_SET.has(relation.type) || relation.type === 'MENTIONS') {
      this.droppedRelations++;
      return;
    }
    const source = parseEntityKey(relation.source);
    const target = parseEntityKey(relation.target);
    if (!source || !target || source.type === 'Article' || target.type === 'Article') {
      this.droppedRelations++;
      return;
    }
    // An endpoint the entity list did not carry still becomes a node (0 mentions).
    // The entity map's own key strings, not this article's copies (one string per entity).
    const sourceKey = this.entity(relation.source, source.type, source.label).key;
    const targetKey = this.entity(relation.target, target.type, target.label).key;

    const title = relation.attrs?.title || undefined;
    let titleId = 0;
    if (title) {
      titleId = this.titleIds.get(title) ?? 0;
      if (titleId === 0) {
        this.titleList.push(title);
        titleId = this.titleList.length; // 0: no title
        this.titleIds.set(title, titleId);
      }
    }
    const key = this.relationMapKey(relation.type, this.entities.get(sourceKey)!, this.entities.get(targetKey)!, title, titleId);
    let acc = this.relations.get(key);
    const rule = relation.rule ? this.rule(relation.rule) : '';
    if (!acc) {
      acc = {
        type: relation.type,
        source: sourceKey,
        target: targetKey,
        title: titleId > 0 ? this.titleList[titleId - 1] : undefined,
        rule,
        head: -1,
        tail: -1,
        deduped: false, // set here, not later: a property added afterwards costs a backing store per relation
      };
      this.relations.set(key, acc);
    }
    if (rule && rule !== acc.rule) {
      if (!acc.rule) acc.rule = rule;
      else if (!acc.moreRules) acc.moreRules = [rule];
      else if (!acc.moreRules.includes(rule)) acc.moreRules.push(rule);
    }
    const confidence = Number.isFinite(relation.confidence) ? Math.min(1, Math.max(0, relation.confidence)) : 0;
    const evidence = relation.evidence;
    const known = evidence ? this.articleOrdinal.get(evidence.article) : undefined;
    const ordinal = known ?? fallbackOrdinal;
    const start = evidence?.start ?? 0;
    if (evidence) {
      let sentenceId = this.articleSentences.get(evidence.sentence);
      if (sentenceId === undefined) {
        sentenceId = this.sentences.add(evidence.sentence);
        this.articleSentences.set(evidence.sentence, sentenceId);
      }
      const row = this.evidence.push(ordinal, evidence.start, evidence.end, confidence, sentenceId);
      if (known === undefined) this.evidence.extraArticle.set(row, evidence.article);
      if (acc.tail < 0) acc.head = row;
      else this.evidence.next[acc.tail] = row;
      acc.tail = row;
    }
    const attrs = relation.attrs;
    if (!attrs) return;
    const rank: [number, number, number] = [confidence, ordinal, start];
    if (typeof attrs.amount_yuan === 'number' && Number.isFinite(attrs.amount_yuan)) {
      if (!acc.amount || outranks(rank, acc.amount.rank) || (sameRank(rank, acc.amount.rank) && attrs.amount_yuan < acc.amount.value))
        acc.amount = { value: attrs.amount_yuan, rank };
    }
    if (typeof attrs.since === 'number' && Number.isFinite(attrs.since)) {
      if (!acc.since || outranks(rank, acc.since.rank) || (sameRank(rank, acc.since.rank) && attrs.since < acc.since.value))
        acc.since = { value: attrs.since, rank };
    }
    if (typeof attrs.date === 'string' && attrs.date) {
      if (!acc.date || outranks(rank, acc.date.rank) || (sameRank(rank, acc.date.rank) && attrs.date < acc.date.value))
        acc.date = { value: attrs.date, rank };
    }
  }

  private entityAttributes(entity: EntityAccumulator): Record<string, unknown> {
    return {
      label: entity.label,
      type: entity.type,
      aliases: (entity.aliases ?? []).filter((alias) => alias !== entity.label).sort(compareStrings),
      ...(entity.level ? { level: entity.level } : {}),
      ...(entity.code ? { code: entity.code } : {}),
      mentions: entity.mentions,
      articles: this.articleRefs.ids(entity.firstArticle, this.articleIds),
    };
  }

  private static articleAttributes(article: ArticleNode): Record<string, unknown> {
    return {
      label: article.label,
      type: 'Article',
      file: article.file,
      index: article.index,
      characters: article.characters,
      ...(article.title ? { title: article.title } : {}),
    };
  }

  private static mentionAttributes(count: number): RelationEdgeAttributes {
    return { type: 'MENTIONS', weight: count, confidence: 1, rule: 'mention', evidence: [] };
  }

  private relationAttributes(relation: RelationAccumulator): RelationEdgeAttributes {
    const ev = this.evidence;
    let rows: number[] = [];
    for (let row = relation.head; row >= 0; row = ev.next[row]!) rows.push(row);
    if (!relation.deduped) {
      // Once sorted and deduplicated, the list is relinked in that order (later passes: as is).
      rows = this.dedupeEvidence(rows);
      for (let i = 0; i < rows.length; i++) ev.next[rows[i]!] = i + 1 < rows.length ? rows[i + 1]! : -1;
      relation.head = rows.length > 0 ? rows[0]! : -1;
      relation.tail = rows.length > 0 ? rows[rows.length - 1]! : -1;
      relation.deduped = true;
    }
    const confidences: number[] = new Array(rows.length);
    const evidence: Evidence[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      confidences[i] = ev.confidence(row);
      evidence[i] = { article: this.evidenceArticle(row), sentence: this.sentences.get(ev.sentence[row]!), start: ev.start[row]!, end: ev.end[row]! };
    }
    return {
      type: relation.type,
      weight: rows.length,
      confidence: noisyOr(confidences),
      rule: (relation.moreRules ? [relation.rule, ...relation.moreRules].sort(compareStrings) : relation.rule ? [relation.rule] : []).join(','),
      evidence,
      ...(relation.title ? { title: relation.title } : {}),
      ...(relation.amount ? { amount_yuan: relation.amount.value } : {}),
      ...(relation.since ? { since: relation.since.value } : {}),
      ...(relation.date ? { date: relation.date.value } : {}),
    };
  }

  /** The article id of an evidence row. */
  private evidenceArticle(row: number): string {
    const extra = this.evidence.extraArticle.size > 0 ? this.evidence.extraArticle.get(row) : undefined;
    return extra ?? this.articleIds[this.evidence.ordinal[row]!]!;
  }

  /**
   * Evidence rows in article order, then offset; the same place quoted twice (two rules on one
   * sentence) counts once, with the higher confidence.
   */
  private dedupeEvidence(rows: number[]): number[] {
    const ev = this.evidence;
    const extra = ev.extraArticle;
    const extraOf = (row: number) => (extra.size > 0 ? (extra.get(row) ?? '') : '');
    rows.sort(
      (a, b) =>
        ev.ordinal[a]! - ev.ordinal[b]! ||
        ev.start[a]! - ev.start[b]! ||
        ev.end[a]! - ev.end[b]! ||
        compareStrings(extraOf(a), extraOf(b)) ||
        ev.confidence(b) - ev.confidence(a) ||
        (ev.sentence[a] === ev.sentence[b] ? 0 : compareStrings(this.sentences.get(ev.sentence[a]!), this.sentences.get(ev.sentence[b]!))),
    );
    const out: number[] = [];
    for (const row of rows) {
      const last = out.length > 0 ? out[out.length - 1]! : -1;
      if (last >= 0 && ev.ordinal[last] === ev.ordinal[row] && ev.start[last] === ev.start[row] && ev.end[last] === ev.end[row] && extra.get(last) === extra.get(row)) continue;
      out.push(row);
    }
    return out;
  }

  /**
   * Builds the graph: nodes, then edges, each in sorted key order. Consumes the accumulator
   * (each relation is freed once it is an edge, so the peak is not two copies of everything).
   */
  toGraph(options: BuildGraphOptions = {}): KnowledgeGraph {
    const graph = new MultiDirectedGraph();

    const nodes: SourceNode[] = [];
    for (const entity of this.entities.values()) nodes.push({ key: entity.key, attributes: this.entityAttributes(entity) });
    this.entities.clear();
    for (const article of this.articleNodes) nodes.push({ key: article.key, attributes: GraphAccumulator.articleAttributes(article) });
    nodes.sort((a, b) => compareStrings(a.key, b.key));
    for (const node of nodes) graph.addNode(node.key, node.attributes);
    nodes.length = 0;

    // MENTIONS edges by key; relation edges stay in `relations` until their turn.
    const mentions = new Map<string, [string, string, number]>();
    for (const article of this.articleNodes) {
      article.mentionKeys.forEach((entityKey, i) => {
        mentions.set(relationKey('MENTIONS', article.key, entityKey), [article.key, entityKey, article.mentionCounts[i]!]);
      });
      article.mentionKeys = [];
      article.mentionCounts = [];
    }
    const relations = new Map<string, RelationAccumulator>();
    for (const relation of this.relations.values()) relations.set(fullRelationKey(relation), relation);
    this.relations.clear();
    const edgeKeys = [...mentions.keys(), ...relations.keys()].sort(compareStrings);
    for (const key of edgeKeys) {
      const mention = mentions.get(key);
      if (mention) {
        graph.addDirectedEdgeWithKey(key, mention[0], mention[1], GraphAccumulator.mentionAttributes(mention[2]));
        continue;
      }
      const relation = relations.get(key)!;
      relations.delete(key);
      graph.addDirectedEdgeWithKey(key, relation.source, relation.target, this.relationAttributes(relation));
    }

    if (options.lexicon) addLexiconHierarchy(graph, options.lexicon);
    return graph;
  }

  /**
   * The same nodes, edges, attributes and order as toGraph (+ addLexiconHierarchy) would
   * give, plus `x`/`y` from `position`, produced on demand for the writers: a huge graph is
   * written without a graphology copy of every node, edge and evidence list. Read-only; may
   * be iterated several times (graph.json, then graph.gexf).
   */
  toSource(options: BuildGraphOptions & { position: (key: string, order: number) => { x: number; y: number } }): GraphSource & { stats: GraphStats } {
    const articlesByKey = new Map(this.articleNodes.map((a) => [a.key, a]));
    const nodeAttributes = (key: string) => this.entities.get(key) ?? articlesByKey.get(key);
    const hierarchy: HierarchyAdditions = options.lexicon
      ? lexiconHierarchy(
          [...this.entities.values()].filter((e) => REGION_TYPE_SET.has(e.type)).map((e) => e.key),
          (key) => {
            const node = this.entities.get(key);
            return node ? { label: node.label, type: node.type } : articlesByKey.has(key) ? { label: '', type: 'Article' } : undefined;
          },
          (source, target) => this.hasRelation('PART_OF', source, target),
          options.lexicon,
        )
      : { nodes: new Map(), edges: new Map() };

    const nodeKeys = [...this.entities.keys(), ...articlesByKey.keys()].sort(compareStrings);
    const extraNodeKeys = [...hierarchy.nodes.keys()].sort(compareStrings);
    const relationOrder = [...this.relations.values()].sort(compareRelations);
    const extraEdgeKeys = [...hierarchy.edges.keys()].sort(compareStrings);
    const mentionsStart = lowerBound(relationOrder, (relation) => fullRelationKey(relation) < 'MENTIONS|');
    // MENTIONS keys are `MENTIONS|Article:${id}|${entity}`: ordering articles by their key plus
    // '|' and entities within an article gives the order of the full keys (ids without '|').
    const articleOrder = [...this.articleNodes].sort((a, b) => compareStrings(`${a.key}|`, `${b.key}|`));
    // With a '|' in some id that shortcut may not hold: then sort the full keys (more memory).
    const mentionOrder: [ArticleNode, number][] | undefined = articleOrder.some((a) => a.key.includes('|'))
      ? articleOrder
          .flatMap((a) => a.mentionKeys.map((_, i): [ArticleNode, number] => [a, i]))
          .sort((x, y) =>
            compareStrings(relationKey('MENTIONS', x[0].key, x[0].mentionKeys[x[1]]!), relationKey('MENTIONS', y[0].key, y[0].mentionKeys[y[1]]!)),
          )
      : undefined;

    const degree = new Map<string, number>();
    const bump = (key: string) => degree.set(key, (degree.get(key) ?? 0) + 1);
    let mentionCount = 0;
    const edgesByType: Record<string, number> = {};
    for (const article of this.articleNodes) {
      for (const entityKey of article.mentionKeys) {
        bump(article.key);
        bump(entityKey);
        mentionCount++;
      }
    }
    if (mentionCount > 0) edgesByType.MENTIONS = mentionCount;
    for (const relation of this.relations.values()) {
      bump(relation.source);
      bump(relation.target);
      edgesByType[relation.type] = (edgesByType[relation.type] ?? 0) + 1;
    }
    for (const { source, target } of hierarchy.edges.values()) {
      bump(source);
      bump(target);
      edgesByType.PART_OF = (edgesByType.PART_OF ?? 0) + 1;
    }
    const nodesByType: Record<string, number> = {};
    for (const entity of this.entities.values()) nodesByType[entity.type] = (nodesByType[entity.type] ?? 0) + 1;
    if (this.articleNodes.length > 0) nodesByType.Article = this.articleNodes.length;
    for (const node of hierarchy.nodes.values()) nodesByType[node.type as string] = (nodesByType[node.type as string] ?? 0) + 1;

    const order = nodeKeys.length + extraNodeKeys.length;
    const size = mentionCount + relationOrder.length + extraEdgeKeys.length;
    const withPosition = (key: string, attributes: Record<string, unknown>) => {
      const { x, y } = options.position(key, order);
      attributes.x = x;
      attributes.y = y;
      return { key, attributes };
    };
    const self = this;
    return {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      order,
      size,
      stats: { nodes: order, edges: size, nodesByType: sortKeys(nodesByType), edgesByType: sortKeys(edgesByType) },
      degree: (key) => degree.get(key) ?? 0,
      *nodes() {
        for (const key of nodeKeys) {
          const node = nodeAttributes(key)!;
          yield withPosition(key, 'firstArticle' in node ? self.entityAttributes(node) : GraphAccumulator.articleAttributes(node));
        }
        for (const key of extraNodeKeys) yield withPosition(key, { ...hierarchy.nodes.get(key)! });
      },
      *edges() {
        const relationEdge = (relation: RelationAccumulator): SourceEdge => ({
          key: fullRelationKey(relation),
          source: relation.source,
          target: relation.target,
          attributes: self.relationAttributes(relation) as unknown as Record<string, unknown>,
        });
        for (let i = 0; i < mentionsStart; i++) yield relationEdge(relationOrder[i]!);
        const mentionEdge = (article: ArticleNode, i: number): SourceEdge => ({
          key: relationKey('MENTIONS', article.key, article.mentionKeys[i]!),
          source: article.key,
          target: article.mentionKeys[i]!,
          attributes: GraphAccumulator.mentionAttributes(article.mentionCounts[i]!) as unknown as Record<string, unknown>,
        });
        if (mentionOrder) {
          for (const [article, i] of mentionOrder) yield mentionEdge(article, i);
        } else {
          for (const article of articleOrder) {
            for (let i = 0; i < article.mentionKeys.length; i++) yield mentionEdge(article, i);
          }
        }
        for (let i = mentionsStart; i < relationOrder.length; i++) yield relationEdge(relationOrder[i]!);
        for (const key of extraEdgeKeys) {
          const { source, target } = hierarchy.edges.get(key)!;
          yield { key, source, target, attributes: lexiconEdgeAttributes() as unknown as Record<string, unknown> };
        }
      },
    };
  }
}

/** First index whose item is not `before` in a sorted array (`before` holds for a prefix). */
function lowerBound<T>(sorted: T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const RELATION_TYPE_INDEX = new Map<string, number>(RELATION_TYPES.map((type, i) => [type, i]));

/** Type, entity ids and title id in a few code units: a Map key far smaller than relationKey. */
function compactRelationKey(type: string, source: number, target: number, title: number): string {
  return String.fromCharCode(RELATION_TYPE_INDEX.get(type)!, source & 0xffff, source >>> 16, target & 0xffff, target >>> 16, title & 0xffff, title >>> 16);
}

function fullRelationKey(relation: RelationAccumulator): string {
  return relationKey(relation.type, relation.source, relation.target, relation.title);
}

// No relation type is a prefix of another, so comparing types decides the key order outright.
const TYPES_PREFIX_FREE = RELATION_TYPES.every((a) => RELATION_TYPES.every((b) => a === b || !b.startsWith(a)));

/** Whether comparing two parts decides the order of the joined keys: neither is a prefix of the other. */
function decisive(a: string, b: string): boolean {
  return a.length === b.length || !(a.length < b.length ? b.startsWith(a) : a.startsWith(b));
}

/**
 * compareStrings(fullRelationKey(a), fullRelationKey(b)) without building both keys: part by
 * part while a part decides; the full keys only when one part is a prefix of the other.
 */
function compareRelations(a: RelationAccumulator, b: RelationAccumulator): number {
  if (a.type !== b.type) {
    if (TYPES_PREFIX_FREE) return compareStrings(a.type, b.type);
  } else if (a.source !== b.source) {
    if (decisive(a.source, b.source)) return compareStrings(a.source, b.source);
  } else if (a.target !== b.target) {
    if (decisive(a.target, b.target)) return compareStrings(a.target, b.target);
  } else if (a.title !== undefined && b.title !== undefined) {
    return compareStrings(a.title, b.title); // the last part: plain order
  }
  return compareStrings(fullRelationKey(a), fullRelationKey(b));
}

function sameRank(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/**
 * Confidence of a relation stated several times: noisy-OR, 1 - Π(1 - c_i), over its
 * distinct pieces of evidence (each independent support raises it; never above 1).
 * Rounded to 4 decimals so the JSON stays readable and stable.
 */
export function noisyOr(confidences: number[]): number {
  if (confidences.length === 0) return 0;
  let miss = 1;
  for (const c of confidences) miss *= 1 - c;
  return Math.round((1 - miss) * 10000) / 10000;
}

/** Merges per-article results (in the order given) into one graph. */
export function buildGraph(results: Iterable<ArticleResult>, options: BuildGraphOptions = {}): KnowledgeGraph {
  const accumulator = new GraphAccumulator();
  for (const result of results) accumulator.add(result);
  return accumulator.toGraph(options);
}

/** What the lexicon adds: parent nodes missing from the graph and PART_OF edges, by key. */
interface HierarchyAdditions {
  nodes: Map<string, Record<string, unknown>>;
  edges: Map<string, { source: string; target: string }>;
}

/** The walk behind addLexiconHierarchy, over any node store (a graph or an accumulator). */
function lexiconHierarchy(
  regionKeys: string[],
  nodeAttributes: (key: string) => { label: string; type: string } | undefined,
  hasEdge: (source: string, target: string) => boolean,
  lexicon: RegionLookup,
): HierarchyAdditions {
  const pending = [...regionKeys].sort(compareStrings);
  const nodes = new Map<string, Record<string, unknown>>();
  const edges = new Map<string, { source: string; target: string }>();
  const visited = new Set<string>();
  for (let i = 0; i < pending.length; i++) {
    const key = pending[i]!;
    if (visited.has(key)) continue;
    visited.add(key);
    const attrs = (nodes.get(key) ?? nodeAttributes(key)) as { label: string; type: string } | undefined;
    if (!attrs) continue;
    const region = lexicon.regionByName(attrs.label);
    if (!region || region.type !== attrs.type || !region.parent || region.parent === region.name) continue;
    const parent = lexicon.regionByName(region.parent);
    if (!parent) continue;
    const parentKey = `${parent.type}:${parent.name}`;
    if (!nodeAttributes(parentKey) && !nodes.has(parentKey)) {
      nodes.set(parentKey, {
        label: parent.name,
        type: parent.type,
        aliases: [],
        level: parent.level,
        ...(parent.code ? { code: parent.code } : {}),
        mentions: 0,
        articles: [],
      });
    }
    const edgeKey = relationKey('PART_OF', key, parentKey);
    if (!hasEdge(key, parentKey)) edges.set(edgeKey, { source: key, target: parentKey });
    pending.push(parentKey);
  }
  return { nodes, edges };
}

function lexiconEdgeAttributes(): RelationEdgeAttributes {
  return { type: 'PART_OF', weight: 0, confidence: 1, rule: 'lexicon', evidence: [] };
}

/**
 * PART_OF edges from the lexicon: for every region node (Province/Prefecture/County) whose
 * lexicon entry has a parent, adds the parent node when missing (0 mentions, no articles)
 * and a PART_OF edge (rule 'lexicon', confidence 1, no evidence, weight 0) unless the text
 * already gave one. Walks up the chain (county -> prefecture -> province). Additions are
 * appended in sorted key order, so the export stays byte-stable. Returns edges added.
 */
export function addLexiconHierarchy(graph: KnowledgeGraph, lexicon: RegionLookup): number {
  const added = lexiconHierarchy(
    graph.filterNodes((_key, attrs) => REGION_TYPE_SET.has(attrs.type as string)),
    (key) => (graph.hasNode(key) ? (graph.getNodeAttributes(key) as { label: string; type: string }) : undefined),
    (source, target) => graph.hasEdge(relationKey('PART_OF', source, target)),
    lexicon,
  );
  for (const key of [...added.nodes.keys()].sort(compareStrings)) graph.addNode(key, added.nodes.get(key));
  for (const key of [...added.edges.keys()].sort(compareStrings)) {
    const { source, target } = added.edges.get(key)!;
    graph.addDirectedEdgeWithKey(key, source, target, lexiconEdgeAttributes());
  }
  return added.edges.size;
}

// ---------------------------------------------------------------- streaming source

export interface SourceNode {
  key: string;
  attributes: Record<string, unknown>;
}
export interface SourceEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
  undirected?: boolean;
}

/**
 * What the writers need from a graph: nodes and edges in output order, degrees, the
 * serialization header. A graphology graph is one (graphologySource); so is a
 * GraphAccumulator (toSource), which lets a huge graph go to disk without ever existing as a
 * graphology object with every evidence list materialised.
 */
export interface GraphSource {
  options: { type: string; multi: boolean; allowSelfLoops: boolean };
  attributes: Record<string, unknown>;
  order: number;
  size: number;
  nodes(): Iterable<SourceNode>;
  edges(): Iterable<SourceEdge>;
  degree(key: string): number;
}

export function isGraphSource(value: KnowledgeGraph | GraphSource): value is GraphSource {
  return typeof (value as KnowledgeGraph).nodeEntries !== 'function';
}

export function graphologySource(graph: KnowledgeGraph): GraphSource {
  return {
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    attributes: graph.getAttributes(),
    order: graph.order,
    size: graph.size,
    *nodes() {
      for (const { node, attributes } of graph.nodeEntries()) yield { key: node, attributes };
    },
    *edges() {
      for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
        yield { key: edge, source, target, attributes, ...(graph.type === 'mixed' && undirected ? { undirected: true } : {}) };
      }
    },
    degree: (key) => graph.degree(key),
  };
}

export interface GraphStats {
  nodes: number;
  edges: number;
  nodesByType: Record<string, number>;
  edgesByType: Record<string, number>;
}

/** Counts by node type and edge type, keys sorted. */
export function graphStats(graph: KnowledgeGraph | GraphSource): GraphStats {
  if (isGraphSource(graph) && 'stats' in graph) return (graph as GraphSource & { stats: GraphStats }).stats;
  const source = isGraphSource(graph) ? graph : graphologySource(graph);
  const nodesByType: Record<string, number> = {};
  const edgesByType: Record<string, number> = {};
  for (const { attributes } of source.nodes()) {
    const type = String(attributes.type);
    nodesByType[type] = (nodesByType[type] ?? 0) + 1;
  }
  for (const { attributes } of source.edges()) {
    const type = String(attributes.type);
    edgesByType[type] = (edgesByType[type] ?? 0) + 1;
  }
  return { nodes: source.order, edges: source.size, nodesByType: sortKeys(nodesByType), edgesByType: sortKeys(edgesByType) };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compareStrings)) out[key] = record[key]!;
  return out;
}
