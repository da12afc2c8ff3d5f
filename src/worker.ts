// Extraction of one input file: load (ingest) then extractDocument (pipeline). Runs inside a
// worker_threads worker (one jieba dictionary per thread, loaded once by initSegmenter) or,
// when no compiled worker is available (vitest running the .ts sources), in the main thread.
//
// The unit of work is a whole file, or one chunk of a large one: resolve uses the file (or the
// chunk) as context (我省 / 本市 in a newspaper page), and evidence offsets index the file's
// decoded text. A worker holds one file's text at a time and sends back only the small, plain
// ArticleResults; the main thread never sees article text.
//
// Chunks of one large file are independent (each is extracted from the file's own article
// list, whoever extracts it), so the build hands them to every worker and merges them in
// chunk order: one big file uses all cores, and the output is the same for any number of them.
// The worker that split the file says where each chunk's bytes are (ChunkSpan, UTF-8 files), so
// the others read those bytes only; otherwise they read and split the file themselves.
import { closeSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { ArticleResult, FileReport, Message, RawArticle, SourceDocument } from './types.js';

export interface ExtractModules {
  loadDocument(file: string): Promise<SourceDocument | FileReport>;
  /** With `articles`, extracts only those (a chunk of the file); see CHUNK_CHARS. */
  extractDocument(doc: SourceDocument, articles?: RawArticle[]): ArticleResult[];
  /** The file's articles as extractDocument would split them (absent: no chunking). */
  splitDocument?(doc: SourceDocument): RawArticle[];
  /**
   * extractDocument reads nothing of the document but the articles it is given, and files are
   * read by ingest: another worker may then read a chunk's own bytes only (ChunkSpan).
   */
  rangedChunks?: boolean;
}

/** What one file produced. `results` is empty unless status is 'ok'. */
export interface FileOutcome {
  report: FileReport;
  results: ArticleResult[];
}

/**
 * Files longer than this are extracted a chunk of whole articles at a time, each chunk's
 * results sent to the main thread on their own, so a 50 MB file needs the memory of one
 * chunk, not of the file, and its chunks can run on several workers at once. The price:
 * resolve (我省, 本市) sees the chunk, some hundred articles, rather than the whole file as
 * context. Smaller files are one unit.
 */
export const CHUNK_CHARS = 100_000;

/** 'file': a whole input file; 'chunk': chunk `chunk` of a file another worker found large. */
export type WorkerRequest =
  | { kind: 'file'; unit: number; seq: number; file: string }
  | { kind: 'chunk'; unit: number; seq: number; file: string; chunk: number; chunks: number; span?: ChunkSpan };

/**
 * Where a chunk of a UTF-8 file lies (bytes and characters) and its articles without their
 * text: a worker given a chunk of a file another worker split reads only these bytes, where it
 * used to read and split the whole file (a 50 MiB file: ~1 s and ~100 MB more per worker).
 */
export interface ChunkSpan {
  byteStart: number;
  byteEnd: number;
  charStart: number;
  charEnd: number;
  articles: Omit<RawArticle, 'text'>[];
}

/**
 * 'done': a whole file's report and results (a small file, or one that failed to load);
 * 'plan': the file is large and comes in `chunks` chunks (`report` is its report so far: the
 * load), the first of them from this worker; 'chunk': one chunk's outcome. 'done' and 'chunk'
 * end the request `unit`. Results travel packed (packResults): reading one string costs the
 * main thread a fraction of what structured clone's object-by-object deserialisation does,
 * and a packed chunk waiting in the reorder buffer is one compact string rather than
 * thousands of objects.
 */
export type WorkerResponse =
  | { kind: 'done'; unit: number; seq: number; report: FileReport; packed: PackedResults }
  | { kind: 'plan'; unit: number; seq: number; chunks: number; report: FileReport; spans?: ChunkSpan[] }
  | { kind: 'chunk'; unit: number; seq: number; chunk: number; outcome: ChunkOutcome<PackedResults> };

/** One chunk extracted, or why not (`reason` is the file's reason: 'extraction failed: ...'). */
export type ChunkOutcome<R> =
  | { ok: true; results: R; articles: number; messages: Message[]; extractMs: number }
  | { ok: false; reason: string; extractMs: number };

/** ArticleResults as one JSON string, every evidence sentence once in a table (`[sentences, results]`). */
export type PackedResults = string;

/**
 * Packs results for the trip to the main thread. Evidence sentences (the bulk of the bytes: a
 * sentence is quoted by every relation found in it) are replaced by their index in a table.
 * Consumes `results`: their evidence objects are rewritten in place.
 */
export function packResults(results: ArticleResult[]): PackedResults {
  const index = new Map<string, number>();
  const sentences: string[] = [];
  for (const result of results) {
    for (const relation of result.relations) {
      const evidence = relation.evidence as { sentence: string | number } | undefined;
      if (!evidence || typeof evidence.sentence !== 'string') continue;
      let id = index.get(evidence.sentence);
      if (id === undefined) {
        id = sentences.length;
        sentences.push(evidence.sentence);
        index.set(evidence.sentence, id);
      }
      evidence.sentence = id;
    }
  }
  return JSON.stringify([sentences, results]);
}

/** The inverse of packResults (JSON round trip: the accumulator reads plain data only). */
export function unpackResults(packed: PackedResults): ArticleResult[] {
  const [sentences, results] = JSON.parse(packed) as [string[], ArticleResult[]];
  for (const result of results) {
    for (const relation of result.relations) {
      const evidence = relation.evidence as { sentence: string | number } | undefined;
      if (evidence && typeof evidence.sentence === 'number') evidence.sentence = sentences[evidence.sentence]!;
    }
  }
  return results;
}
export interface WorkerInit {
  role: 'yjkg-extract';
  /** URL of a module exporting extractDocument (and optionally loadDocument); default ./pipeline.js. */
  extractModule?: string;
}

/** Loads the stage modules. The extract module may override loadDocument too (tests). */
export async function loadExtractModules(extractModule?: string): Promise<ExtractModules> {
  const pipeline = (await import(extractModule ?? new URL('./pipeline.js', import.meta.url).href)) as Partial<ExtractModules> & {
    boundedArticles?: (articles: RawArticle[]) => RawArticle[];
  };
  if (typeof pipeline.extractDocument !== 'function') throw new Error(`${extractModule ?? 'pipeline'} exports no extractDocument`);
  const ingest = (await import(new URL('./ingest.js', import.meta.url).href)) as ExtractModules & {
    splitArticles(doc: SourceDocument): RawArticle[];
  };
  const bounded = pipeline.boundedArticles;
  return {
    loadDocument: pipeline.loadDocument ?? ingest.loadDocument,
    extractDocument: pipeline.extractDocument,
    rangedChunks: extractModule === undefined,
    // Chunking needs the pipeline's own article list (src/pipeline.ts: boundedArticles ∘ splitArticles).
    ...(pipeline.splitDocument
      ? { splitDocument: pipeline.splitDocument }
      : bounded
        ? { splitDocument: (doc: SourceDocument) => bounded(ingest.splitArticles(doc)) }
        : {}),
  };
}

/** Consecutive runs of whole articles of about CHUNK_CHARS characters each. */
export function chunkArticles(articles: RawArticle[], chunkChars = CHUNK_CHARS): RawArticle[][] {
  const chunks: RawArticle[][] = [];
  let current: RawArticle[] = [];
  let size = 0;
  for (const article of articles) {
    if (current.length > 0 && size + article.text.length > chunkChars) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(article);
    size += article.text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The byte stretch of each chunk of a UTF-8 file, or undefined when character offsets do not map
 * onto the file's bytes exactly: another encoding, bytes replaced in decoding (U+FFFD), or
 * articles that are not plain slices of the text.
 */
export function chunkSpans(doc: SourceDocument, chunks: RawArticle[][]): ChunkSpan[] | undefined {
  const bom = doc.encoding === 'utf-8-bom' ? 3 : doc.encoding === 'utf-8' ? 0 : -1;
  if (bom < 0 || doc.text.includes('\ufffd') || bom + Buffer.byteLength(doc.text, 'utf8') !== doc.bytes) return undefined;
  const spans: ChunkSpan[] = [];
  let charAt = 0;
  let byteAt = bom;
  for (const chunk of chunks) {
    const charStart = chunk[0]!.start;
    const charEnd = chunk[chunk.length - 1]!.end;
    if (charStart < charAt || charEnd < charStart) return undefined;
    for (const a of chunk) if (a.start < charStart || a.end > charEnd || doc.text.slice(a.start, a.end) !== a.text) return undefined;
    byteAt += Buffer.byteLength(doc.text.slice(charAt, charStart), 'utf8');
    const byteStart = byteAt;
    byteAt += Buffer.byteLength(doc.text.slice(charStart, charEnd), 'utf8');
    charAt = charEnd;
    spans.push({ byteStart, byteEnd: byteAt, charStart, charEnd, articles: chunk.map(({ text: _text, ...meta }) => meta) });
  }
  return spans;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A chunk's articles read from its own bytes (chunkSpans), or why not. Never throws. */
export function readChunkArticles(file: string, span: ChunkSpan): RawArticle[] | string {
  const changed = 'the file changed while it was being read';
  let text: string;
  try {
    const buffer = Buffer.allocUnsafe(span.byteEnd - span.byteStart);
    const fd = openSync(file, 'r');
    try {
      let got = 0;
      for (let n = 1; got < buffer.length && n > 0; got += n) n = readSync(fd, buffer, got, buffer.length - got, span.byteStart + got);
      if (got < buffer.length) return changed;
    } finally {
      closeSync(fd);
    }
    text = utf8Strict.decode(buffer);
  } catch (error) {
    // an fs error names its system call; a decoding error means the bytes moved
    return (error as NodeJS.ErrnoException).syscall ? `cannot read: ${errorReason(error)}` : changed;
  }
  if (text.length !== span.charEnd - span.charStart) return changed;
  return span.articles.map((meta) => ({ ...meta, text: text.slice(meta.start - span.charStart, meta.end - span.charStart) }));
}

function isFileReport(value: SourceDocument | FileReport): value is FileReport {
  return 'status' in value;
}

/** An error's first line (the one-line reasons of FileReport). */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'unknown error';
}

/** A file read for extraction, whole (`chunks` null) or as consecutive chunks of whole articles. */
export interface LoadedFile {
  doc: SourceDocument;
  chunks: RawArticle[][] | null;
  /** Its report so far: read, nothing extracted yet (status 'ok', the load time). */
  report: FileReport;
}

/**
 * Reads a file; with `chunked`, a file longer than CHUNK_CHARS is split into chunks. A file
 * with nothing to extract (unreadable, empty, binary...) comes back as its FileOutcome.
 * Never throws.
 */
export async function loadFile(file: string, modules: ExtractModules, chunked: boolean): Promise<LoadedFile | FileOutcome> {
  const started = performance.now();
  let doc: SourceDocument | FileReport;
  try {
    doc = await modules.loadDocument(file);
  } catch (error) {
    return { report: errorReport(file, `cannot read: ${errorReason(error)}`, 0, { load: performance.now() - started }), results: [] };
  }
  const load = performance.now() - started;
  if (isFileReport(doc)) return { report: { ...doc, timings_ms: { ...doc.timings_ms, load: ms(load) } }, results: [] };
  const report: FileReport = {
    file: doc.file,
    status: 'ok',
    encoding: doc.encoding,
    bytes: doc.bytes,
    articles: 0,
    characters: doc.text.length,
    messages: [],
    timings_ms: { load: ms(load) },
  };
  let chunks: RawArticle[][] | null = null;
  if (chunked && doc.text.length > CHUNK_CHARS && modules.splitDocument) {
    const splitting = performance.now();
    try {
      chunks = chunkArticles(modules.splitDocument(doc));
    } catch (error) {
      return { report: failedReport(report, `extraction failed: ${errorReason(error)}`, 0, performance.now() - splitting), results: [] };
    }
    if (chunks.length === 0) chunks = null;
  }
  return { doc, chunks, report };
}

/** Extracts a file that is not chunked. Never throws. */
export function extractWhole(loaded: LoadedFile, modules: ExtractModules): FileOutcome {
  const started = performance.now();
  let results: ArticleResult[] = [];
  try {
    if (loaded.doc.text.length > 0) results = modules.extractDocument(loaded.doc);
  } catch (error) {
    return { report: failedReport(loaded.report, `extraction failed: ${errorReason(error)}`, 0, performance.now() - started), results: [] };
  }
  return { report: finishedReport(loaded.report, results.length, messagesOf(results), performance.now() - started), results };
}

/** Extracts chunk `chunk` of a chunked file. Never throws. */
export function extractChunk(loaded: LoadedFile, chunk: number, modules: ExtractModules): ChunkOutcome<ArticleResult[]> {
  return extractArticles(loaded.doc, loaded.chunks![chunk]!, modules);
}

/** A chunk read on its own (readChunkArticles): the document is only where its articles come from. */
export function extractSpan(file: string, span: ChunkSpan, modules: ExtractModules): ChunkOutcome<ArticleResult[]> {
  const started = performance.now();
  const articles = readChunkArticles(file, span);
  if (typeof articles === 'string') return { ok: false, reason: articles, extractMs: performance.now() - started };
  const doc: SourceDocument = { file: articles[0]?.file ?? file, encoding: 'utf-8', bytes: 0, format: articles[0]?.format ?? 'text', text: '' };
  return extractArticles(doc, articles, modules, started);
}

function extractArticles(doc: SourceDocument, articles: RawArticle[], modules: ExtractModules, started = performance.now()): ChunkOutcome<ArticleResult[]> {
  try {
    const results = modules.extractDocument(doc, articles);
    return { ok: true, results, articles: results.length, messages: messagesOf(results), extractMs: performance.now() - started };
  } catch (error) {
    return { ok: false, reason: `extraction failed: ${errorReason(error)}`, extractMs: performance.now() - started };
  }
}

function messagesOf(results: ArticleResult[]): Message[] {
  const messages: Message[] = [];
  for (const r of results) if (r.messages?.length) messages.push(...r.messages);
  return messages;
}

/** The report of a file extracted to the end. */
function finishedReport(loaded: FileReport, articles: number, messages: Message[], extractMs: number): FileReport {
  const { reason: _none, ...base } = loaded;
  return {
    ...base,
    status: articles > 0 ? 'ok' : 'skipped',
    ...(articles > 0 ? {} : { reason: 'no article found' }),
    articles,
    messages,
    timings_ms: { ...loaded.timings_ms, extract: ms(extractMs) },
  };
}

/** The report of a file whose extraction stopped; the `articles` before the failure stay in the graph, and it says so. */
function failedReport(loaded: FileReport, reason: string, articles: number, extractMs: number): FileReport {
  return {
    file: loaded.file,
    status: 'error',
    reason: articles > 0 ? `${reason} (after ${articles} articles)` : reason,
    ...(loaded.encoding ? { encoding: loaded.encoding } : {}),
    bytes: loaded.bytes,
    articles,
    characters: loaded.characters,
    messages: [],
    timings_ms: { ...loaded.timings_ms, extract: ms(extractMs) },
  };
}

/**
 * The chunks of one file, whose outcomes arrive in any order (several workers extract them),
 * released in chunk order: what merges is the same as one worker going through the file.
 * The first failed chunk ends the file: the chunks before it stay, the ones after it are dropped.
 */
export class ChunkedFile<R> {
  private readonly arrived = new Map<number, ChunkOutcome<R>>();
  private next = 0;
  private articles = 0;
  private readonly messages: Message[] = [];
  private extractMs = 0;
  finished = false;

  constructor(
    /** The report from loading the file (LoadedFile.report). */
    private readonly loaded: FileReport,
    readonly chunks: number,
  ) {}

  /** Chunk `chunk`'s outcome: returns the results now next in chunk order and, once the file is done (or failed), its report. */
  add(chunk: number, outcome: ChunkOutcome<R>): { ready: R[]; report?: FileReport } {
    const ready: R[] = [];
    if (this.finished) return { ready };
    this.arrived.set(chunk, outcome);
    for (let next = this.arrived.get(this.next); next; next = this.arrived.get(this.next)) {
      this.arrived.delete(this.next++);
      this.extractMs += next.extractMs;
      if (!next.ok) return this.finish(ready, failedReport(this.loaded, next.reason, this.articles, this.extractMs));
      this.articles += next.articles;
      this.messages.push(...next.messages);
      ready.push(next.results);
      if (this.next === this.chunks) return this.finish(ready, finishedReport(this.loaded, this.articles, this.messages, this.extractMs));
    }
    return { ready };
  }

  private finish(ready: R[], report: FileReport): { ready: R[]; report: FileReport } {
    this.finished = true;
    this.arrived.clear();
    return { ready, report };
  }
}

/**
 * One file from start to end, in this thread. Never throws: every failure becomes a FileReport
 * with status 'error' and a reason. With `onPart`, a large file goes chunk by chunk, each
 * chunk's results handed to `onPart` (one of `chunks` chunks) and none in the outcome;
 * without it, everything comes back in the outcome.
 */
export async function processFile(
  file: string,
  modules: ExtractModules,
  onPart?: (results: ArticleResult[], chunks: number) => void,
): Promise<FileOutcome> {
  const loaded = await loadFile(file, modules, Boolean(onPart));
  if (!('doc' in loaded)) return loaded;
  if (!loaded.chunks || !onPart) return extractWhole(loaded, modules);
  const chunks = new ChunkedFile<ArticleResult[]>(loaded.report, loaded.chunks.length);
  for (let index = 0; ; index++) {
    const { ready, report } = chunks.add(index, extractChunk(loaded, index, modules));
    for (const results of ready) onPart(results, loaded.chunks.length);
    if (report) return { report, results: [] };
  }
}

function ms(value: number): number {
  return Math.round(value);
}

/** The report of a file that gave nothing, with its reason. */
export function errorReport(file: string, reason: string, bytes = 0, timings: Record<string, number> = {}): FileReport {
  const timings_ms: Record<string, number> = {};
  for (const [k, v] of Object.entries(timings)) timings_ms[k] = ms(v);
  return { file, status: 'error', reason, bytes, articles: 0, characters: 0, messages: [], timings_ms };
}

// ---------------------------------------------------------------- worker thread entry

function packedOutcome(outcome: ChunkOutcome<ArticleResult[]>): ChunkOutcome<PackedResults> {
  return outcome.ok ? { ...outcome, results: packResults(outcome.results) } : outcome;
}

const init = workerData as WorkerInit | undefined;
if (!isMainThread && parentPort && init?.role === 'yjkg-extract') {
  const port = parentPort;
  const modulesPromise = loadExtractModules(init.extractModule);
  // The chunked file this worker read last: the build hands out a file's chunks in order, so
  // a worker usually gets several in a row and reads the file once.
  let current: { file: string; loaded: LoadedFile } | undefined;

  const extractFile = async (request: Extract<WorkerRequest, { kind: 'file' }>, modules: ExtractModules) => {
    const { unit, seq } = request;
    const loaded = await loadFile(request.file, modules, true);
    if (!('doc' in loaded)) return port.postMessage({ kind: 'done', unit, seq, report: loaded.report, packed: packResults([]) } satisfies WorkerResponse);
    if (!loaded.chunks) {
      const outcome = extractWhole(loaded, modules);
      return port.postMessage({ kind: 'done', unit, seq, report: outcome.report, packed: packResults(outcome.results) } satisfies WorkerResponse);
    }
    current = { file: request.file, loaded };
    const spans = modules.rangedChunks ? chunkSpans(loaded.doc, loaded.chunks) : undefined;
    port.postMessage({ kind: 'plan', unit, seq, chunks: loaded.chunks.length, report: loaded.report, ...(spans ? { spans } : {}) } satisfies WorkerResponse);
    port.postMessage({ kind: 'chunk', unit, seq, chunk: 0, outcome: packedOutcome(extractChunk(loaded, 0, modules)) } satisfies WorkerResponse);
  };

  const extractOneChunk = async (request: Extract<WorkerRequest, { kind: 'chunk' }>, modules: ExtractModules) => {
    const { unit, seq, chunk } = request;
    const reply = (outcome: ChunkOutcome<PackedResults>) => port.postMessage({ kind: 'chunk', unit, seq, chunk, outcome } satisfies WorkerResponse);
    // Another worker's file: read this chunk's bytes only, when the plan says where they are.
    if (current?.file !== request.file && request.span) return reply(packedOutcome(extractSpan(request.file, request.span, modules)));
    if (current?.file !== request.file) {
      current = undefined;
      const loaded = await loadFile(request.file, modules, true);
      if (!('doc' in loaded)) return reply({ ok: false, reason: loaded.report.reason ?? 'cannot read', extractMs: 0 });
      // Another worker split it into request.chunks: a different count means the file changed.
      if (loaded.chunks?.length !== request.chunks) return reply({ ok: false, reason: 'the file changed while it was being read', extractMs: 0 });
      current = { file: request.file, loaded };
    }
    reply(packedOutcome(extractChunk(current.loaded, chunk, modules)));
  };

  // Requests are handled one at a time, in arrival order (the pool queues the next one while
  // this one runs, so the thread never waits for the main thread).
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    chain = chain.then(async () => {
      let modules: ExtractModules;
      try {
        modules = await modulesPromise;
      } catch (error) {
        const reason = `cannot start extraction: ${errorReason(error)}`;
        if (request.kind === 'chunk') {
          port.postMessage({ kind: 'chunk', unit: request.unit, seq: request.seq, chunk: request.chunk, outcome: { ok: false, reason, extractMs: 0 } } satisfies WorkerResponse);
        } else {
          port.postMessage({ kind: 'done', unit: request.unit, seq: request.seq, report: errorReport(request.file, reason), packed: packResults([]) } satisfies WorkerResponse);
        }
        return;
      }
      await (request.kind === 'file' ? extractFile(request, modules) : extractOneChunk(request, modules));
    });
  });
}
