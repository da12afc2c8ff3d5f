// `yjkg build` as a library call: list inputs, extract every file (in parallel worker
// threads), merge the results in input order, lay out, write DIR/graph.json, graph.gexf,
// report.json and index.html.
//
// Scale (issue 5): each worker processes one file, or one chunk of a large file, at a time,
// and only the small ArticleResults come back (packed, see packResults); the chunks of a large
// file go to every worker. The main thread merges results as soon as they are next in input
// order (file, then chunk: a reorder buffer), and new files are handed out only within a
// window ahead of the oldest unfinished one, so memory grows with the graph, not with the corpus.
// Because merging follows input order whatever finishes first, graph.json and graph.gexf
// are byte-identical for any N.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { GraphAccumulator, graphStats, isGraphSource, type GraphSource, type KnowledgeGraph, type RegionLookup } from './graph.js';
import { assignLayout, layoutIterations, seededLayoutPosition } from './export/layout.js';
import { writeGraphFiles } from './export/files.js';
import { writeTextAtomic } from './export/io.js';
import { createPhaseStatus, type PhaseStatus } from './util/status.js';
import { createProgressBar, createProgressLines, PROGRESS_LINE_INTERVAL_MS, progressMode, type ExtractionProgress, type ProgressMode } from './util/progress.js';
import { fileTotals, sortFileReports, writeReport, type BuildReport } from './export/report.js';
import {
  CHUNK_CHARS,
  ChunkedFile,
  errorReason,
  errorReport,
  loadExtractModules,
  processFile,
  unpackResults,
  type ChunkOutcome,
  type FileOutcome,
  type PackedResults,
  type WorkerInit,
  type WorkerRequest,
  type WorkerResponse,
} from './worker.js';
import type { ArticleResult, FileReport } from './types.js';

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  /** Worker threads for extraction (default: the number of cores). */
  workers?: number;
  /**
   * Show progress on stderr: at a terminal (CI unset), a bar and then a status line; anywhere
   * else, a plain line every 30 s of a long build (src/util/progress.ts).
   */
  progress?: boolean;
  /** Milliseconds between progress lines outside a terminal (default PROGRESS_LINE_INTERVAL_MS). */
  progressIntervalMs?: number;
  /** Receives one line per bad file: `yjkg: <file>: <reason>`. */
  onWarning?: (line: string) => void;
  /** Add PART_OF edges from the lexicon for every region in the graph (default true). */
  hierarchy?: boolean;
  /** Write index.html (default true). */
  html?: boolean;
  /** Module URL exporting extractDocument (and optionally loadDocument) instead of src/pipeline.ts. */
  extractModule?: string;
  /** Write straight from the accumulator (default: only when the graph is too big to lay out). */
  streamOutput?: boolean;
  /**
   * Old-generation heap limit of each worker, in MB (default DEFAULT_WORKER_HEAP_MB; 0: V8's own
   * limit). Raised automatically for a large input file; see workerHeapLimitMb.
   */
  workerHeapMb?: number;
}

/**
 * `--worker-heap MB`: a hard cap on each worker's heap, none by default. A worker's live data is
 * small (the lexicon, jieba's tag table, one chunk of one file: ~60-100 MB); what kept its heap
 * from drifting to ~500 MB is the growth limit (HEAP_GROWING_PERCENT). Since that limit, a cap
 * of 256 MB no longer lowered the 200 MiB build's peak (954 against 948 MB, one bench run), so
 * the cap only serves to bound a worker absolutely: a file that needs more fails alone.
 */
export const DEFAULT_WORKER_HEAP_MB = 0;

/**
 * Each worker's young generation (where V8 allocates first) in MB. V8's default for a worker is
 * ~48 MB; 8 MB took ~70 MB off each worker's resident memory (200 MiB corpus, 2 workers: peak
 * 973 -> 901 MB) for no measurable speed: 1 and 2 workers on the 50 MiB corpus were within
 * run-to-run noise (two alternating runs each, process CPU +1%).
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

/** The limit for this input: never below what one file's text and its articles can need. */
export function workerHeapLimitMb(requestedMb: number, largestFileBytes: number): number | undefined {
  if (!(requestedMb > 0)) return undefined;
  // The decoded text of the file and its article strings stay live while its chunks run.
  return Math.max(requestedMb, 128 + Math.ceil((4 * largestFileBytes) / 1048576));
}

export interface BuildSummary {
  files: { ok: number; skipped: number; error: number };
  articles: number;
  /** Entity nodes by type (Article nodes excluded). */
  entities: Record<string, number>;
  /** Edges by relation type (MENTIONS included). */
  relations: Record<string, number>;
  warnings: number;
  nodes: number;
  edges: number;
  outDir: string;
  /** Outputs not written and why (e.g. index.html when the explorer is unavailable). */
  notes: string[];
  /** The output files written, in the order written (report.json last). */
  written: string[];
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Compiled worker present? (Not when vitest runs the .ts sources: then extract in-process.) */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** Results as an extractor hands them over: objects (in-process) or packed by a worker thread. */
type Delivered = ArticleResult[] | PackedResults;
interface Delivery {
  report: FileReport;
  results: Delivered;
}

type Extractor = {
  /**
   * `sizes`: each file's size in bytes (0 when it cannot be read), in the order of `files`.
   * A file ends with one `onOutcome`; a large one first sends its chunks' results, in chunk
   * order, to `onPart` (each one of its `chunks` chunks), and its outcome then holds no results.
   */
  run(
    files: string[],
    sizes: number[],
    onOutcome: (seq: number, outcome: Delivery) => void,
    onPart: (seq: number, results: Delivered, chunks: number) => void,
  ): Promise<void>;
};

function inProcessExtractor(extractModule?: string): Extractor {
  return {
    async run(files, _sizes, onOutcome, onPart) {
      let modules: Awaited<ReturnType<typeof loadExtractModules>> | undefined;
      let startError: unknown;
      try {
        modules = await loadExtractModules(extractModule);
      } catch (error) {
        startError = error;
      }
      for (let seq = 0; seq < files.length; seq++) {
        const file = files[seq]!;
        if (!modules) {
          onOutcome(seq, startFailure(file, startError));
          continue;
        }
        onOutcome(seq, await processFile(file, modules, (results, chunks) => onPart(seq, results, chunks)));
      }
    },
  };
}

function startFailure(file: string, error: unknown): FileOutcome {
  return { report: errorReport(file, `cannot start extraction: ${errorReason(error)}`), results: [] };
}

/** Requests each worker holds: the one it works on and the next, queued so it never waits for the main thread. */
const PER_WORKER = 2;
/**
 * Input bytes allowed in flight or waiting for their turn beyond the oldest unfinished file, per
 * worker. Without it one big file (8 MB among 0.4 MB ones) stalls the other workers within a
 * few files; with it, what waits in the reorder buffer stays bounded by input size.
 */
const WINDOW_BYTES_PER_WORKER = 16 << 20;

/** Work order: file by file, chunk by chunk (a whole file before its chunks, which follow from it). */
function requestOrder(a: WorkerRequest, b: WorkerRequest): number {
  return a.seq - b.seq || (a.kind === 'chunk' ? a.chunk : -1) - (b.kind === 'chunk' ? b.chunk : -1);
}

/**
 * N worker threads, each holding up to PER_WORKER requests (processed one at a time, in
 * order). A request is a whole file or, once a worker has found a file large and split it
 * (its 'plan'), one chunk of that file: the chunks go to every worker, before any new file,
 * and their results are put back in chunk order (ChunkedFile), so one big file runs on all
 * cores. A new file is handed out only while it is within a window of the oldest unfinished
 * one (a few files, or WINDOW_BYTES_PER_WORKER × N of input), so results that finish early
 * and wait for their turn (the reorder buffer) stay bounded, however slow one file is. A
 * worker that dies fails only the file (or the chunk: the file from that chunk on) it was
 * working on; its queued requests go to the others and to a fresh worker.
 */
function workerPoolExtractor(count: number, extractModule?: string, heapMb = DEFAULT_WORKER_HEAP_MB): Extractor {
  const windowFiles = Math.max(4, 4 * count);
  const windowBytes = WINDOW_BYTES_PER_WORKER * count;
  return {
    async run(files, sizes, onOutcome, onPart) {
      if (files.length === 0) return;
      const heapLimitMb = workerHeapLimitMb(heapMb, Math.max(...sizes));
      const resourceLimits = { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(heapLimitMb ? { maxOldGenerationSizeMb: heapLimitMb } : {}) } };
      return new Promise<void>((resolve) => {
        let nextFile = 0;
        let nextUnit = 0;
        let done = 0;
        let oldestUnfinished = 0;
        // Bytes of the files in (oldestUnfinished, nextFile): handed out or waiting for their turn.
        let aheadBytes = 0;
        const finished = new Set<number>();
        // Requests to hand out before any new file, in requestOrder: chunks of files being
        // extracted, and requests queued at a worker that died before starting them.
        const waiting: WorkerRequest[] = [];
        const chunked = new Map<number, ChunkedFile<PackedResults>>();
        const slots: { worker: Worker; held: WorkerRequest[] }[] = [];
        // Wait for the threads to end: their jieba dictionaries and heaps are freed before
        // the output phase, which is when the main thread needs its memory.
        const finish = () => {
          void Promise.all(slots.map((slot) => slot.worker.terminate())).then(() => resolve());
        };

        const complete = (seq: number, outcome: Delivery) => {
          onOutcome(seq, outcome);
          done++;
          finished.add(seq);
          while (finished.delete(oldestUnfinished)) {
            oldestUnfinished++;
            if (oldestUnfinished < nextFile) aheadBytes -= sizes[oldestUnfinished]!;
          }
        };
        const enqueue = (requests: WorkerRequest[]) => {
          waiting.push(...requests);
          waiting.sort(requestOrder);
        };
        const take = (): WorkerRequest | undefined => {
          while (waiting.length > 0) {
            const request = waiting.shift()!;
            // The chunks of a file that failed are no longer needed.
            if (request.kind === 'chunk' && chunked.get(request.seq)?.finished !== false) continue;
            return request;
          }
          if (nextFile >= files.length) return undefined;
          const ahead = nextFile - oldestUnfinished;
          if (ahead >= windowFiles && aheadBytes + sizes[nextFile]! > windowBytes) return undefined;
          if (ahead > 0) aheadBytes += sizes[nextFile]!;
          const seq = nextFile++;
          return { kind: 'file', unit: nextUnit++, seq, file: files[seq]! };
        };
        const dispatch = (slot: (typeof slots)[number]) => {
          while (slot.held.length < PER_WORKER) {
            const request = take();
            if (request === undefined) return;
            slot.held.push(request);
            slot.worker.postMessage(request);
          }
        };
        const dispatchAll = () => {
          for (const slot of slots) dispatch(slot);
        };
        /** A chunk's outcome: merges what is now next in order, and ends the file when it is complete or failed. */
        const chunkDone = (seq: number, chunk: number, outcome: ChunkOutcome<PackedResults>) => {
          const file = chunked.get(seq)!;
          const { ready, report } = file.add(chunk, outcome);
          for (const packed of ready) onPart(seq, packed, file.chunks);
          if (report) complete(seq, { report, results: [] });
        };
        const spawn = (): (typeof slots)[number] => {
          const init: WorkerInit = { role: 'yjkg-extract', ...(extractModule ? { extractModule } : {}) };
          const worker = new Worker(WORKER_URL, { workerData: init, ...resourceLimits });
          const slot = { worker, held: [] as WorkerRequest[] };
          worker.on('message', (response: WorkerResponse) => {
            if (response.kind === 'plan') {
              const { seq, chunks } = response;
              chunked.set(seq, new ChunkedFile(response.report, chunks));
              const more: WorkerRequest[] = [];
              for (let chunk = 1; chunk < chunks; chunk++) {
                const span = response.spans?.[chunk];
                more.push({ kind: 'chunk', unit: nextUnit++, seq, file: files[seq]!, chunk, chunks, ...(span ? { span } : {}) });
              }
              enqueue(more);
              return dispatchAll();
            }
            const held = slot.held.findIndex((request) => request.unit === response.unit);
            if (held >= 0) slot.held.splice(held, 1);
            if (response.kind === 'chunk') chunkDone(response.seq, response.chunk, response.outcome);
            else complete(response.seq, { report: response.report, results: response.packed });
            if (done === files.length) return finish();
            dispatchAll();
          });
          const fail = (reason: string) => {
            const index = slots.indexOf(slot);
            if (index < 0) return; // already replaced
            // Requests run in order, so the first held is the one the worker was running.
            const [running, ...queued] = slot.held;
            slot.held = [];
            enqueue(queued);
            if (running !== undefined) {
              const stopped = `worker stopped: ${reason}`;
              if (chunked.has(running.seq)) {
                // A chunk (or the whole file's first chunk, after its plan) ends the file from there on.
                chunkDone(running.seq, running.kind === 'chunk' ? running.chunk : 0, { ok: false, reason: stopped, extractMs: 0 });
              } else {
                complete(running.seq, { report: errorReport(files[running.seq]!, stopped), results: [] });
              }
            }
            if (done === files.length) {
              slots.splice(index, 1);
              return finish();
            }
            slots[index] = spawn();
            dispatchAll();
          };
          worker.on('error', (error) => {
            const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
            const hint = outOfMemory && heapLimitMb ? ` (worker heap limit ${heapLimitMb} MB: raise it with --worker-heap)` : '';
            fail(`${error.message.split('\n')[0] ?? 'error'}${hint}`);
          });
          worker.on('exit', (code) => {
            if (done < files.length) fail(`exit code ${code}`);
          });
          return slot;
        };
        // Fewer files than workers: all of them still start when a file may be split into
        // chunks, which needs over CHUNK_CHARS bytes (no encoding gives more UTF-16 code units
        // than bytes), so the chunks find the workers already started.
        const mayChunk = sizes.some((size) => size > CHUNK_CHARS);
        for (let i = 0; i < (mayChunk ? count : Math.min(count, files.length)); i++) slots.push(spawn());
        dispatchAll();
      });
    },
  };
}

/** Each file's size in bytes, 0 when it cannot be read (loading it then reports why). */
function fileSizes(files: string[]): Promise<number[]> {
  return Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)));
}

/** The extraction's progress display (see src/util/progress.ts), or none. */
function createProgress(mode: ProgressMode | null, sizes: number[], intervalMs: number): Promise<ExtractionProgress> | undefined {
  const total = { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  if (mode === 'bar') return createProgressBar(process.stderr, total);
  if (mode === 'lines') return Promise.resolve(createProgressLines(process.stderr, total, intervalMs));
  return undefined;
}

function warningFor(report: FileReport): string | undefined {
  if (report.status !== 'ok') return `yjkg: ${report.file}: ${report.reason ?? report.status}`;
  const problems = report.messages.filter((m) => m.ruleId !== 'info');
  if (problems.length === 0) return undefined;
  const more = problems.length > 1 ? ` (+${problems.length - 1} more in report.json)` : '';
  return `yjkg: ${report.file}: ${problems[0]!.reason}${more}`;
}

async function loadLexicon(): Promise<RegionLookup> {
  const mod = (await import(new URL('./lexicon/index.js', import.meta.url).href)) as { getLexicon(): RegionLookup };
  return mod.getLexicon();
}

/** Renders index.html through the explorer's module (src/export/html.ts, viz helper). */
async function renderHtml(graph: KnowledgeGraph): Promise<string> {
  const mod = (await import(new URL('./export/html.js', import.meta.url).href)) as {
    renderExplorerHtml(graphJson: string | object): Promise<string>;
  };
  return mod.renderExplorerHtml(graph.export());
}

/**
 * When allocation is fast, as it is in every extraction worker, V8 lets a heap grow to up to
 * 4× what survived its last full collection: the workers' heaps reached ~500 MB each over
 * ~100 MB of live data, and the 200 MiB bench corpus peaked at ~1.5 GB. Growing by at most
 * 50% kept that build at 950-975 MB (bench/results.md). The flag is process-wide (V8 has no
 * per-isolate setting), so the main thread's heap grows more slowly too.
 */
export const HEAP_GROWING_PERCENT = 50;
let heapGrowingPercent: number | null | undefined;
/** Sets the limit once per process (a user's own `node --heap-growing-percent=N` wins); returns what is in force. */
function limitHeapGrowth(): number | null {
  if (heapGrowingPercent !== undefined) return heapGrowingPercent;
  const own = process.execArgv.find((arg) => /^--heap[-_]growing[-_]percent=/.test(arg));
  if (own) return (heapGrowingPercent = Number(own.split('=')[1]) || null);
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return (heapGrowingPercent = HEAP_GROWING_PERCENT);
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const heapGrowth = limitHeapGrowth();
  const t0 = performance.now();
  const warn = options.onWarning ?? (() => {});
  let warnings = 0;
  let progress: ExtractionProgress | undefined;
  let progressShown = false;
  let status: PhaseStatus | undefined;
  const emit = (line: string) => {
    warnings++;
    progress?.clearLine();
    status?.clearLine();
    warn(line);
  };
  const notes: string[] = [];
  const requested = options.workers ?? availableParallelism();
  const workers = Math.max(1, Math.floor(requested));

  const ingest = (await import(new URL('./ingest.js', import.meta.url).href)) as {
    listInputFiles(paths: string[]): Promise<{ files: string[]; problems: FileReport[] }>;
  };
  const { files, problems } = await ingest.listInputFiles(options.inputs);
  for (const problem of problems) {
    const line = warningFor(problem);
    if (line) emit(line);
  }

  // Merge strictly in input order: outcomes (and chunks of large files) that arrive before
  // their turn wait in `pending` / `pendingParts`.
  const accumulator = new GraphAccumulator();
  const reports: FileReport[] = [...problems];
  const pending = new Map<number, Delivery>();
  const pendingParts = new Map<number, Delivered[]>();
  let nextToMerge = 0;
  const sizes = await fileSizes(files);
  const mode = progressMode(options.progress);
  const intervalMs = options.progressIntervalMs ?? PROGRESS_LINE_INTERVAL_MS;
  progress = await createProgress(mode, sizes, intervalMs);
  // Bytes of each file counted so far by its chunks (the rest is counted when it is done).
  const counted = new Map<number, number>();
  // Packed results are unpacked only when their turn comes: what waits stays one string.
  const mergeAll = (delivered: Delivered) => {
    for (const result of typeof delivered === 'string' ? unpackResults(delivered) : delivered) accumulator.add(result);
  };
  const onPart = (seq: number, results: Delivered, chunks: number) => {
    const share = sizes[seq]! / chunks;
    counted.set(seq, (counted.get(seq) ?? 0) + share);
    progress?.advance(share, false);
    if (seq === nextToMerge) return mergeAll(results);
    const parts = pendingParts.get(seq) ?? [];
    parts.push(results);
    pendingParts.set(seq, parts);
  };
  const onOutcome = (seq: number, outcome: Delivery) => {
    pending.set(seq, outcome);
    for (let ready = pending.get(nextToMerge); ready; ready = pending.get(nextToMerge)) {
      pending.delete(nextToMerge);
      reports.push(ready.report);
      const line = warningFor(ready.report);
      if (line) emit(line);
      mergeAll(ready.results);
      nextToMerge++;
      // The next file's chunks that came early go in now, before its own final results.
      for (const parts of pendingParts.get(nextToMerge) ?? []) mergeAll(parts);
      pendingParts.delete(nextToMerge);
    }
    // After any warning, so the bar redraws below it. (sizes, not report.bytes: the same
    // measure as the total, for files that could not be read too.)
    progress?.advance(sizes[seq]! - (counted.get(seq) ?? 0), true);
    counted.delete(seq);
  };
  const extractor = workers >= 1 && workerAvailable() ? workerPoolExtractor(workers, options.extractModule, options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB) : inProcessExtractor(options.extractModule);
  try {
    await extractor.run(files, sizes, onOutcome, onPart);
  } finally {
    progressShown = progress?.stop() ?? false;
    progress = undefined;
  }
  const tExtract = performance.now();
  // After the bar: what the build is doing now (a large corpus spends minutes merging and
  // writing). In a log, only after a long extraction (a progress line was printed).
  if (mode === 'bar') status = createPhaseStatus(process.stderr);
  else if (mode === 'lines' && progressShown) status = createPhaseStatus(process.stderr, intervalMs, undefined, true);
  status?.phase('merging the extracted results');

  let lexicon: RegionLookup | null = null;
  if (options.hierarchy ?? true) {
    try {
      lexicon = await loadLexicon();
    } catch (error) {
      notes.push(`PART_OF from the lexicon skipped: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  // Graphs too big for any ForceAtlas2 iteration go to disk straight from the accumulator
  // (same bytes as through graphology, see GraphAccumulator.toSource), without a second,
  // graphology copy of every edge and evidence list.
  const source = accumulator.toSource({ lexicon, position: seededLayoutPosition });
  const streamed = options.streamOutput ?? layoutIterations(source.order, source.size) === 0;
  const graph: KnowledgeGraph | GraphSource = streamed ? source : accumulator.toGraph({ lexicon });
  const tMerge = performance.now();
  let layoutRuns = 0;
  if (!isGraphSource(graph)) {
    status?.phase('laying out the graph');
    layoutRuns = assignLayout(graph);
  }
  const tLayout = performance.now();

  const outputs: Record<string, string> = {};
  await writeGraphFiles(graph, { json: join(options.outDir, 'graph.json'), gexf: join(options.outDir, 'graph.gexf') }, {}, (paths) => status?.phase(`writing ${paths.map((path) => basename(path)).join(' and ')}`, paths)).catch((error) => {
    status?.stop(); // the error message then starts on a clean line
    throw error;
  });
  outputs['graph.json'] = 'written';
  outputs['graph.gexf'] = 'written';
  const tWrite = performance.now();
  if (options.html ?? true) {
    try {
      if (isGraphSource(graph)) {
        throw new Error(`graph too large to embed in the explorer (${graph.order} nodes, ${graph.size} edges); graph.json and graph.gexf are complete`);
      }
      status?.phase('writing index.html', [join(options.outDir, 'index.html')]);
      await writeTextAtomic(join(options.outDir, 'index.html'), await renderHtml(graph));
      outputs['index.html'] = 'written';
    } catch (error) {
      const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
      outputs['index.html'] = `not written: ${reason}`;
      notes.push(`index.html not written: ${reason}`);
      emit(`yjkg: index.html: not written: ${reason}`);
    }
  }
  status?.stop();
  const tHtml = performance.now();

  const stats = graphStats(graph);
  const fileReports = sortFileReports(reports);
  const totals = fileTotals(fileReports);
  const report: BuildReport = {
    inputs: [...options.inputs],
    workers,
    files: fileReports,
    totals,
    graph: { ...stats, layout_iterations: layoutRuns },
    outputs: { ...outputs, 'report.json': 'written' },
    timings_ms: {
      extract: Math.round(tExtract - t0),
      merge: Math.round(tMerge - tExtract),
      layout: Math.round(tLayout - tMerge),
      // graph.json, then graph.gexf (src/export/files.ts: renamed into place together).
      write_graph: Math.round(tWrite - tLayout),
      write_html: Math.round(tHtml - tWrite),
      total: Math.round(performance.now() - t0),
    },
    runtime: { node: process.version, node_flags: [...process.execArgv], heap_growing_percent: heapGrowth },
  };
  await writeReport(report, join(options.outDir, 'report.json'));

  const entities: Record<string, number> = {};
  for (const [type, n] of Object.entries(stats.nodesByType)) if (type !== 'Article') entities[type] = n;
  return {
    files: { ok: totals.ok, skipped: totals.skipped, error: totals.error },
    articles: accumulator.articleCount,
    entities,
    relations: stats.edgesByType,
    warnings,
    nodes: stats.nodes,
    edges: stats.edges,
    outDir: options.outDir,
    notes,
    written: [...Object.keys(outputs).filter((name) => outputs[name] === 'written'), 'report.json'],
  };
}
