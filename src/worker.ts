// Extraction of one input file: load (ingest) then extractDocument (pipeline). Runs inside a
// worker_threads worker (one jieba dictionary per thread, loaded once by initSegmenter) or,
// when no compiled worker is available (vitest running the .ts sources), in the main thread.
//
// The unit of work is a whole file, not an article: resolve uses the whole file as context
// (我省 / 本市 in a newspaper page), and evidence offsets index the file's decoded text. A
// worker therefore holds one file's text at a time and sends back only the small, plain
// ArticleResults; the main thread never sees article text.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { ArticleResult, FileReport, RawArticle, SourceDocument } from './types.js';

export interface ExtractModules {
  loadDocument(file: string): Promise<SourceDocument | FileReport>;
  /** With `articles`, extracts only those (a chunk of the file); see CHUNK_CHARS. */
  extractDocument(doc: SourceDocument, articles?: RawArticle[]): ArticleResult[];
  /** The file's articles as extractDocument would split them (absent: no chunking). */
  splitDocument?(doc: SourceDocument): RawArticle[];
}

/** What one file produced. `results` is empty unless status is 'ok'. */
export interface FileOutcome {
  report: FileReport;
  results: ArticleResult[];
}

/**
 * Files longer than this are extracted a chunk of whole articles at a time, each chunk's
 * results sent to the main thread before the next starts, so a 50 MB file needs the memory
 * of one chunk, not of the file. The price: resolve (我省, 本市) sees the chunk, some hundred
 * articles, rather than the whole file as context. Smaller files are one chunk, as before.
 */
export const CHUNK_CHARS = 100_000;

export interface WorkerRequest {
  seq: number;
  file: string;
}
/**
 * 'part': results of one chunk of a large file (more follow); 'done': the file's report and last
 * results. Results travel packed (packResults): reading one string costs the main thread a
 * fraction of what structured clone's object-by-object deserialisation does, and a packed
 * chunk waiting in the reorder buffer is one compact string rather than thousands of objects.
 */
export type WorkerResponse =
  | { kind: 'part'; seq: number; packed: PackedResults }
  | { kind: 'done'; seq: number; report: FileReport; packed: PackedResults };

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

function isFileReport(value: SourceDocument | FileReport): value is FileReport {
  return 'status' in value;
}

function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'unknown error';
}

/**
 * Never throws: every failure becomes a FileReport with status 'error' and a reason.
 * `onPart` receives the results of all but the last chunk of a large file as they are ready
 * (without it, everything comes back in the outcome).
 */
export async function processFile(file: string, modules: ExtractModules, onPart?: (results: ArticleResult[]) => void): Promise<FileOutcome> {
  const started = performance.now();
  let doc: SourceDocument | FileReport;
  try {
    doc = await modules.loadDocument(file);
  } catch (error) {
    return { report: errorReport(file, `cannot read: ${errorReason(error)}`, 0, { load: performance.now() - started }), results: [] };
  }
  const loaded = performance.now();
  if (isFileReport(doc)) {
    return { report: { ...doc, timings_ms: { ...doc.timings_ms, load: ms(loaded - started) } }, results: [] };
  }
  let results: ArticleResult[] = [];
  let articles = 0;
  const messages: FileReport['messages'] = [];
  try {
    if (doc.text.length > CHUNK_CHARS && onPart && modules.splitDocument) {
      const chunks = chunkArticles(modules.splitDocument(doc));
      for (let i = 0; i < chunks.length; i++) {
        results = modules.extractDocument(doc, chunks[i]);
        articles += results.length;
        for (const r of results) if (r.messages?.length) messages.push(...r.messages);
        if (i < chunks.length - 1) {
          onPart(results);
          results = [];
        }
      }
    } else if (doc.text.length > 0) {
      results = modules.extractDocument(doc);
      articles = results.length;
      for (const r of results) if (r.messages?.length) messages.push(...r.messages);
    }
  } catch (error) {
    const report = errorReport(file, `extraction failed: ${errorReason(error)}`, doc.bytes, {
      load: loaded - started,
      extract: performance.now() - loaded,
    });
    report.encoding = doc.encoding;
    report.characters = doc.text.length;
    // Chunks already sent stay in the graph: say so rather than pretend the file gave nothing.
    report.articles = articles - results.length;
    if (report.articles > 0) report.reason += ` (after ${report.articles} articles)`;
    return { report, results: [] };
  }
  const extracted = performance.now();
  const report: FileReport = {
    file: doc.file,
    status: articles > 0 ? 'ok' : 'skipped',
    ...(articles > 0 ? {} : { reason: 'no article found' }),
    encoding: doc.encoding,
    bytes: doc.bytes,
    articles,
    characters: doc.text.length,
    messages,
    timings_ms: { load: ms(loaded - started), extract: ms(extracted - loaded) },
  };
  return { report, results };
}

function ms(value: number): number {
  return Math.round(value);
}

function errorReport(file: string, reason: string, bytes: number, timings: Record<string, number>): FileReport {
  const timings_ms: Record<string, number> = {};
  for (const [k, v] of Object.entries(timings)) timings_ms[k] = ms(v);
  return { file, status: 'error', reason, bytes, articles: 0, characters: 0, messages: [], timings_ms };
}

// ---------------------------------------------------------------- worker thread entry

const init = workerData as WorkerInit | undefined;
if (!isMainThread && parentPort && init?.role === 'yjkg-extract') {
  const port = parentPort;
  const modulesPromise = loadExtractModules(init.extractModule);
  // Requests are handled one at a time, in arrival order (the pool queues the next file while
  // this one runs, so the thread never waits for the main thread between files).
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    chain = chain.then(async () => {
      let outcome: FileOutcome;
      const onPart = (results: ArticleResult[]) => port.postMessage({ kind: 'part', seq: request.seq, packed: packResults(results) } satisfies WorkerResponse);
      try {
        outcome = await processFile(request.file, await modulesPromise, onPart);
      } catch (error) {
        outcome = { report: errorReport(request.file, `cannot start extraction: ${errorReason(error)}`, 0, {}), results: [] };
      }
      port.postMessage({ kind: 'done', seq: request.seq, report: outcome.report, packed: packResults(outcome.results) } satisfies WorkerResponse);
    });
  });
}
