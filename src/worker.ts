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
import type { ArticleResult, FileReport, SourceDocument } from './types.js';

export interface ExtractModules {
  loadDocument(file: string): Promise<SourceDocument | FileReport>;
  extractDocument(doc: SourceDocument): ArticleResult[];
}

/** What one file produced. `results` is empty unless status is 'ok'. */
export interface FileOutcome {
  report: FileReport;
  results: ArticleResult[];
}

export interface WorkerRequest {
  seq: number;
  file: string;
}
export interface WorkerResponse extends FileOutcome {
  seq: number;
}
export interface WorkerInit {
  role: 'yjkg-extract';
  /** URL of a module exporting extractDocument (and optionally loadDocument); default ./pipeline.js. */
  extractModule?: string;
}

/** Loads the stage modules. The extract module may override loadDocument too (tests). */
export async function loadExtractModules(extractModule?: string): Promise<ExtractModules> {
  const pipeline = (await import(extractModule ?? new URL('./pipeline.js', import.meta.url).href)) as Partial<ExtractModules>;
  if (typeof pipeline.extractDocument !== 'function') throw new Error(`${extractModule ?? 'pipeline'} exports no extractDocument`);
  const loadDocument =
    pipeline.loadDocument ?? ((await import(new URL('./ingest.js', import.meta.url).href)) as ExtractModules).loadDocument;
  return { loadDocument, extractDocument: pipeline.extractDocument };
}

function isFileReport(value: SourceDocument | FileReport): value is FileReport {
  return 'status' in value;
}

function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'unknown error';
}

/** Never throws: every failure becomes a FileReport with status 'error' and a reason. */
export async function processFile(file: string, modules: ExtractModules): Promise<FileOutcome> {
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
  let results: ArticleResult[];
  try {
    results = doc.text.length === 0 ? [] : modules.extractDocument(doc);
  } catch (error) {
    const report = errorReport(file, `extraction failed: ${errorReason(error)}`, doc.bytes, {
      load: loaded - started,
      extract: performance.now() - loaded,
    });
    report.encoding = doc.encoding;
    report.characters = doc.text.length;
    return { report, results: [] };
  }
  const extracted = performance.now();
  const messages = results.flatMap((r) => r.messages ?? []);
  const report: FileReport = {
    file: doc.file,
    status: results.length > 0 ? 'ok' : 'skipped',
    ...(results.length > 0 ? {} : { reason: 'no article found' }),
    encoding: doc.encoding,
    bytes: doc.bytes,
    articles: results.length,
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
  // Requests are handled one at a time, in arrival order.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    chain = chain.then(async () => {
      let outcome: FileOutcome;
      try {
        outcome = await processFile(request.file, await modulesPromise);
      } catch (error) {
        outcome = { report: errorReport(request.file, `cannot start extraction: ${errorReason(error)}`, 0, {}), results: [] };
      }
      port.postMessage({ seq: request.seq, ...outcome } satisfies WorkerResponse);
    });
  });
}
