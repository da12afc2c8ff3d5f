// `npm run bench`: speed and memory of yjkg on a generated corpus (a benchmark, not a test).
// Prints a table and writes bench/results.json (numbers only; null where a part has not
// landed) and bench/results.md (the table and the machine, for the README).
//
// Every measurement runs in a fresh child process (`node dist/bench/run.js --child ...`) so
// that peak resident memory (process.resourceUsage().maxRSS, worker threads included) belongs
// to that measurement alone.
//
// Environment: BENCH_SMALL_MB (default 50), BENCH_LARGE_MB (default 200),
// BENCH_EXPORT_NODES / BENCH_EXPORT_EDGES (default 100000 / 500000), BENCH_STAGES_MB (default 10:
// how much of the small corpus the per-stage breakdown reads), BENCH_PAIRS (default 5: rounds of a
// plain jieba run, a 1-worker and a 2-worker build of the small corpus, for both ratios).
// BENCH_ONLY=memory: only the 2-worker build of the large corpus (peak RSS, main-thread heap
// and CPU); prints its numbers and leaves bench/results.* alone.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';
import { DEFAULT_WORKER_HEAP_MB, HEAP_GROWING_PERCENT } from '../src/build.js';
import { BUILD_NODE_FLAGS } from '../src/runtime.js';

const MiB = 1 << 20;
const here = fileURLToPath(new URL('.', import.meta.url)); // dist/bench/
const repo = join(here, '..', '..');
const benchDir = join(repo, 'bench');
const corpusRoot = join(benchDir, 'corpus');

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

// ---------------------------------------------------------------- child tasks

interface ChildResult {
  seconds: number;
  max_rss_mb: number;
  [key: string]: unknown;
}

/**
 * CPU seconds per thread of this process (Linux /proc; empty elsewhere), sampled: a worker thread's
 * entry is gone once it exits, so the last value seen is kept (it may miss up to one sampling
 * interval of that thread's CPU).
 */
function threadCpuSampler(intervalMs = 200): { stop(): Map<number, number> } {
  const taskDir = '/proc/self/task';
  const start = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = (into: Map<number, number>) => {
    if (!existsSync(taskDir)) return;
    for (const tid of readdirSync(taskDir)) {
      try {
        const fields = readFileSync(`${taskDir}/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        into.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, USER_HZ 100
      } catch {
        // the thread ended between readdir and read
      }
    }
  };
  sample(start);
  const timer = setInterval(() => sample(last), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample(last);
      const used = new Map<number, number>();
      for (const [tid, cpu] of last) used.set(tid, cpu - (start.get(tid) ?? 0));
      return used;
    },
  };
}

/**
 * Splits a build's CPU by thread role: the main thread (tid = pid: merging and writing), the
 * `workers` busiest other threads (the extraction workers), and the rest: the graph.gexf
 * writer thread (src/export/gexf-worker.ts), V8's helper threads (the optimizing compiler,
 * which each isolate needs for itself) and libuv's.
 */
function cpuByRole(used: Map<number, number>, workers: number): { main: number; workers: number; helpers: number } | null {
  if (used.size === 0) return null;
  const main = used.get(process.pid) ?? 0;
  const others = [...used.entries()].filter(([tid]) => tid !== process.pid).map(([, cpu]) => cpu).sort((a, b) => b - a);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { main: round(main), workers: round(sum(others.slice(0, workers))), helpers: round(sum(others.slice(workers))) };
}

/** The middle element by `key` (the upper one of an even count). */
function medianBy<T>(xs: readonly T[], key: (x: T) => number): T {
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;
}

function maxRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10; // maxRSS is in KiB
}

async function childBuild(args: { inputs: string[]; out: string; workers: number; workerHeapMb?: number }): Promise<ChildResult> {
  const { build } = await import('../src/build.js');
  // The main thread's share (merge + output), sampled; maxRSS covers the worker threads too.
  let mainHeapPeak = 0;
  const sampler = setInterval(() => (mainHeapPeak = Math.max(mainHeapPeak, process.memoryUsage().heapUsed)), 250);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const threads = threadCpuSampler();
  const summary = await build({ inputs: args.inputs, outDir: args.out, workers: args.workers, html: false, ...(args.workerHeapMb === undefined ? {} : { workerHeapMb: args.workerHeapMb }) });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const byRole = cpuByRole(threads.stop(), args.workers);
  clearInterval(sampler);
  const report = JSON.parse(readFileSync(join(args.out, 'report.json'), 'utf8'));
  const processCpu = (cpu.user + cpu.system) / 1e6;
  const mainCpu = byRole?.main ?? null;
  return {
    seconds,
    max_rss_mb: maxRssMb(),
    main_heap_peak_mb: Math.round(mainHeapPeak / MiB),
    // All threads (workers, GC helpers) vs the main thread (merge + output).
    process_cpu_s: round(processCpu),
    main_thread_cpu_s: mainCpu === null ? null : round(mainCpu),
    main_thread_cpu_share: mainCpu === null || processCpu === 0 ? null : round(mainCpu / processCpu, 3),
    workers_cpu_s: byRole?.workers ?? null,
    helper_threads_cpu_s: byRole?.helpers ?? null,
    summary,
    totals: report.totals,
    timings_ms: report.timings_ms,
  };
}

async function childJieba(args: { inputs: string[] }): Promise<ChildResult> {
  const { tagPlain, initSegmenter } = await import('../src/segment.js');
  initSegmenter();
  let seconds = 0;
  let bytes = 0;
  let characters = 0;
  let words = 0;
  for (const dir of args.inputs) {
    for (const name of (await readdir(dir)).sort()) {
      if (!name.endsWith('.txt')) continue;
      const buffer = await readFile(join(dir, name));
      const text = buffer.toString('utf8');
      bytes += buffer.length;
      characters += text.length;
      const t0 = performance.now();
      // Line by line, as jieba is usually fed (TOOLING.md measured it this way).
      for (const line of text.split('\n')) if (line) words += tagPlain(line).length;
      seconds += (performance.now() - t0) / 1000;
    }
  }
  return { seconds, max_rss_mb: maxRssMb(), bytes, characters, words };
}

/**
 * Where a worker's time goes: the stages of src/pipeline.ts timed one by one over the first
 * `mib` MiB of the corpus, in one thread (CPU-bound, so wall time ~ CPU time).
 */
async function childStages(args: { inputs: string[]; mib: number }): Promise<ChildResult> {
  const { loadDocument, splitArticles } = await import('../src/ingest.js');
  const { normalizeArticle } = await import('../src/normalize.js');
  const { initSegmenter, segmentArticle } = await import('../src/segment.js');
  const { recognizeArticle } = await import('../src/recognize.js');
  const { resolveDocument } = await import('../src/resolve.js');
  const { relateArticle } = await import('../src/relate.js');
  const { boundedArticles } = await import('../src/pipeline.js');
  initSegmenter();
  const stages = { ingest: 0, normalize: 0, segment: 0, recognize: 0, resolve: 0, relate: 0 };
  let bytes = 0;
  let t = performance.now();
  const lap = (stage: keyof typeof stages) => {
    const now = performance.now();
    stages[stage] += (now - t) / 1000;
    t = now;
  };
  const files: string[] = [];
  for (const dir of args.inputs) for (const name of (await readdir(dir)).sort()) if (name.endsWith('.txt')) files.push(join(dir, name));
  for (const file of files) {
    if (bytes >= args.mib * MiB) break;
    t = performance.now();
    const doc = await loadDocument(file);
    if (!('text' in doc)) continue;
    bytes += doc.bytes;
    const raws = boundedArticles(splitArticles(doc));
    lap('ingest');
    const normalized = raws.map(normalizeArticle);
    lap('normalize');
    const segmented = normalized.map(segmentArticle);
    lap('segment');
    const recognized = segmented.map(recognizeArticle);
    lap('recognize');
    const resolved = resolveDocument(recognized);
    lap('resolve');
    for (const article of resolved) relateArticle(article);
    lap('relate');
  }
  const seconds = Object.values(stages).reduce((a, b) => a + b, 0);
  return { seconds, max_rss_mb: maxRssMb(), bytes, stages };
}

async function childExport(args: { nodes: number; edges: number; out: string }): Promise<ChildResult> {
  const { syntheticKnowledgeGraph } = await import('./export.js');
  const { assignLayout } = await import('../src/export/layout.js');
  const { writeGraphJson } = await import('../src/export/json.js');
  const { writeGexf } = await import('../src/export/gexf.js');
  const g0 = performance.now();
  const graph = syntheticKnowledgeGraph(args.nodes, args.edges);
  const t0 = performance.now();
  const iterations = assignLayout(graph);
  const t1 = performance.now();
  await writeGraphJson(graph, join(args.out, 'graph.json'));
  const t2 = performance.now();
  await writeGexf(graph, join(args.out, 'graph.gexf'));
  const t3 = performance.now();
  // What `yjkg build` runs: graph.json on this thread, graph.gexf on a second one (src/export/files.ts).
  const { writeGraphFiles } = await import('../src/export/files.js');
  await writeGraphFiles(graph, { json: join(args.out, 'graph.json'), gexf: join(args.out, 'graph.gexf') });
  const t4 = performance.now();
  return {
    seconds: (t4 - t3) / 1000,
    separate_s: (t3 - t1) / 1000,
    max_rss_mb: maxRssMb(),
    generate_s: (t0 - g0) / 1000,
    layout_s: (t1 - t0) / 1000,
    layout_iterations: iterations,
    json_s: (t2 - t1) / 1000,
    gexf_s: (t3 - t2) / 1000,
    order: graph.order,
    size: graph.size,
  };
}

/**
 * What this machine itself gives two threads, without any of yjkg's coordination: the same
 * work in one worker thread, then in two at once (each does all of it; the ratio is 2 × one's
 * time / both's time). `pipeline` is yjkg's own extraction (src/pipeline.ts) of the first
 * `mib` MiB of the corpus, with no merging or writing, timed on a first (cold: V8 still
 * compiling) and a second (warm) pass over the same files; `compute` is arithmetic only.
 */
async function childCeiling(args: { kernel: 'pipeline' | 'compute'; rounds: number; inputs: string[]; mib: number }): Promise<ChildResult> {
  const { Worker } = await import('node:worker_threads');
  const files: string[] = [];
  let bytes = 0;
  for (const dir of args.inputs)
    for (const name of (await readdir(dir)).sort()) {
      if (!name.endsWith('.txt') || bytes >= args.mib * MiB) continue;
      const path = join(dir, name);
      const size = (await readFile(path)).length;
      if (size > 2 * MiB) continue; // whole files only, none that dominates
      files.push(path);
      bytes += size;
    }
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      if (workerData.kernel === 'compute') {
        const t = performance.now(); let x = 0; for (let i = 0; i < 4e8; i++) x = (x * 31 + i) | 0;
        const span = performance.now() - t + (x & 0);
        parentPort.postMessage([span, span]);
        return;
      }
      const { loadDocument } = await import(workerData.ingest);
      const { extractDocument } = await import(workerData.pipeline);
      const { initSegmenter } = await import(workerData.segment);
      initSegmenter();
      const docs = [];
      for (const file of workerData.files) docs.push(await loadDocument(file));
      // Twice over the same files: the first pass includes warming up (V8 compiling the hot
      // functions, once per isolate); the second is the extraction's steady state.
      const spans = [];
      for (let pass = 0; pass < 2; pass++) {
        const t = performance.now();
        for (const doc of docs) extractDocument(doc);
        spans.push(performance.now() - t);
      }
      parentPort.postMessage(spans);
    })();`;
  const data = {
    kernel: args.kernel,
    files,
    ingest: new URL('../src/ingest.js', import.meta.url).href,
    pipeline: new URL('../src/pipeline.js', import.meta.url).href,
    segment: new URL('../src/segment.js', import.meta.url).href,
  };
  // Only the work is timed (each thread reports its own spans); both threads start together.
  const runThreads = async (n: number) => {
    const spans = await Promise.all(
      Array.from({ length: n }, () => new Promise<number[]>((resolve, reject) => new Worker(source, { eval: true, workerData: data }).once('message', resolve).once('error', reject))),
    );
    return [0, 1].map((pass) => Math.max(...spans.map((s) => s[pass]!)));
  };
  const runs: { cold: number; warm: number; one: number; two: number }[] = [];
  for (let i = 0; i < args.rounds; i++) {
    const one = await runThreads(1);
    const two = await runThreads(2);
    runs.push({ cold: (2 * one[0]!) / two[0]!, warm: (2 * one[1]!) / two[1]!, one: one[1]!, two: two[1]! });
  }
  const warm = medianBy(runs, (r) => r.warm);
  return { seconds: 0, max_rss_mb: maxRssMb(), bytes, speedup: warm.warm, speedup_cold: medianBy(runs, (r) => r.cold).cold, one_thread_s: warm.one / 1000, two_threads_s: warm.two / 1000 };
}

const CHILD_TASKS: Record<string, (args: never) => Promise<ChildResult>> = {
  ceiling: childCeiling,
  build: childBuild,
  jieba: childJieba,
  export: childExport,
  stages: childStages,
};

const MARK = 'BENCH_RESULT ';

function runChild(task: string, args: object): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      // The V8 flags `yjkg build` runs with (the CLI relaunches itself with them, src/runtime.ts).
      [...BUILD_NODE_FLAGS, fileURLToPath(import.meta.url), '--child', task, JSON.stringify(args)],
      { cwd: repo, maxBuffer: 64 * MiB, env: { ...process.env, CI: process.env.CI ?? '' } },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(MARK));
        if (error || !line) return reject(new Error(`${task} failed: ${error?.message ?? 'no result'}\n${stderr.slice(-2000)}`));
        resolve(JSON.parse(line.slice(MARK.length)) as ChildResult);
      },
    );
  });
}

// ---------------------------------------------------------------- optional parts (other helpers)

async function optionalNumber(label: string, load: () => Promise<unknown>): Promise<{ value: number | null; note: string }> {
  try {
    const value = await load();
    const number =
      typeof value === 'number'
        ? value
        : value && typeof value === 'object'
          ? Number(Object.values(value as Record<string, unknown>).find((v) => typeof v === 'number'))
          : NaN;
    if (!Number.isFinite(number)) return { value: null, note: `${label}: returned no number (${JSON.stringify(value)})` };
    return { value: number, note: '' };
  } catch (error) {
    return { value: null, note: `${label}: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}` };
  }
}

async function neo4jRowsPerSecond(): Promise<{ value: number | null; note: string }> {
  return optionalNumber('neo4j', async () => {
    const mod = (await import(new URL('../src/neo4j/bench.js', import.meta.url).href)) as {
      benchNeo4jLoad(): Promise<number | { rows_per_s?: number; rowsPerSecond?: number }>;
    };
    const result = await mod.benchNeo4jLoad();
    if (typeof result === 'object' && result) return result.rows_per_s ?? result.rowsPerSecond ?? result;
    return result;
  });
}

async function viewerInteractiveMs(): Promise<{ value: number | null; note: string }> {
  return optionalNumber('viewer', async () => {
    const mod = (await import(new URL('./viewer.js', import.meta.url).href)) as { measureViewerInteractive(): Promise<number> };
    return mod.measureViewerInteractive();
  });
}

// ---------------------------------------------------------------- main

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function sameBytes(a: string, b: string): boolean {
  return readFileSync(a).equals(readFileSync(b));
}

async function main(): Promise<void> {
  const smallMb = envNumber('BENCH_SMALL_MB', 50);
  const largeMb = envNumber('BENCH_LARGE_MB', 200);
  const exportNodes = envNumber('BENCH_EXPORT_NODES', 100_000);
  const exportEdges = envNumber('BENCH_EXPORT_EDGES', 500_000);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const notes: string[] = [];

  if (process.env.BENCH_ONLY === 'memory') {
    const large = await generateCorpus(join(corpusRoot, `c${largeMb}`), largeMb * MiB, 2, join(repo, 'seeds'));
    log(`memory only: pipeline, 2 workers, ${round(large.bytes / MiB)} MiB corpus`);
    const big = await runChild('build', { inputs: [large.dir], out: join(corpusRoot, 'out-large'), workers: 2 });
    const { summary: _summary, totals: _totals, ...numbers } = big;
    process.stdout.write(`${JSON.stringify(numbers)}\n`);
    return;
  }
  log(`generating corpora (${smallMb} MB and ${largeMb} MB) in bench/corpus/`);
  const small = await generateCorpus(join(corpusRoot, `c${smallMb}`), smallMb * MiB, 1, join(repo, 'seeds'));
  const large = await generateCorpus(join(corpusRoot, `c${largeMb}`), largeMb * MiB, 2, join(repo, 'seeds'));
  log(`small: ${small.files} files, ${round(small.bytes / MiB)} MiB; large: ${large.files} files, ${round(large.bytes / MiB)} MiB`);

  log('plain jieba POS tagging of the small corpus (the baseline for the stage costs)');
  const jieba = await runChild('jieba', { inputs: [small.dir] });
  log(`  ${round(jieba.seconds)} s`);
  const jiebaMiB = (jieba.bytes as number) / MiB;
  const stagesMib = envNumber('BENCH_STAGES_MB', 10);
  log(`pipeline stages one by one, first ${stagesMib} MiB of the small corpus`);
  const stageRun = await runChild('stages', { inputs: [small.dir], mib: stagesMib });
  log(`  ${round(stageRun.seconds)} s`);
  // 1 and 2 workers in alternation, several times: the machine's speed drifts by 20-30%
  // within minutes (other tenants), and alternating puts both sides through the same drift.
  const pairs = Math.round(envNumber('BENCH_PAIRS', 5));
  // Plain jieba runs right before each 1-worker build, so that the throughput ratio, too, is taken
  // within one stretch of the machine's drift (two single runs an hour apart gave 0.169 and 0.195,
  // while jieba alone read 10.96 and 9.0 MiB/s).
  const jiebaRuns: ChildResult[] = [];
  const w1Runs: ChildResult[] = [];
  const w2Runs: ChildResult[] = [];
  /** A 1-worker then a 2-worker build of `dir` into out-<name>-w1 / -w2, logged as `what`. */
  const buildPair = async (dir: string, name: string, what: string, into: [ChildResult[], ChildResult[]], count: string) => {
    for (const workers of [1, 2]) {
      log(`pipeline, ${workers} worker${workers === 1 ? '' : 's'}, ${what} (${count})`);
      const run = await runChild('build', { inputs: [dir], out: join(corpusRoot, `out-${name}w${workers}`), workers });
      into[workers - 1]!.push(run);
      log(`  ${round(run.seconds)} s, ${run.max_rss_mb} MB`);
    }
  };
  for (let pair = 1; pair <= pairs; pair++) {
    log(`plain jieba POS tagging (${pair} of ${pairs})`);
    jiebaRuns.push(await runChild('jieba', { inputs: [small.dir] }));
    log(`  ${round(jiebaRuns.at(-1)!.seconds)} s`);
    await buildPair(small.dir, '', 'small corpus', [w1Runs, w2Runs], `${pair} of ${pairs}`);
  }
  // The median run of each (by time) stands for it; the pairs' own ratios show the spread.
  const w1 = medianBy(w1Runs, (run) => run.seconds);
  const w2 = medianBy(w2Runs, (run) => run.seconds);
  const pairRatios = w1Runs.map((run, i) => run.seconds / w2Runs[i]!.seconds);
  const middleOf = (xs: number[]) => medianBy(xs, (x) => x);
  // Merging and writing after the extraction (the serial tail of a build), in seconds.
  const tailSeconds = (run: ChildResult) => {
    const ms = run.timings_ms as Record<string, number>;
    return round((ms.merge! + ms.write_graph!) / 1000, 2);
  };
  const jiebaMibS = jiebaRuns.map((run) => (run.bytes as number) / MiB / run.seconds);
  const throughputRatios = w1Runs.map((run, i) => small.bytes / MiB / run.seconds / jiebaMibS[i]!);
  // The same text as one file (a dump or an export): its chunks are what the workers share.
  const singleDir = join(corpusRoot, 'single');
  mkdirSync(singleDir, { recursive: true });
  const smallFiles = readdirSync(small.dir).filter((name) => name.endsWith('.txt')).sort();
  writeFileSync(join(singleDir, 'all.txt'), Buffer.concat(smallFiles.map((name) => readFileSync(join(small.dir, name)))));
  const singlePairs = Math.round(envNumber('BENCH_SINGLE_PAIRS', 3));
  const single1Runs: ChildResult[] = [];
  const single2Runs: ChildResult[] = [];
  for (let pair = 1; pair <= singlePairs; pair++) {
    await buildPair(singleDir, 'single-', 'the small corpus as one file', [single1Runs, single2Runs], `${pair} of ${singlePairs}`);
  }
  const singleRatios = single1Runs.map((run, i) => run.seconds / single2Runs[i]!.seconds);
  log('this machine with two threads: the extraction alone (no merging, no writing), and arithmetic');
  const ceilingPipeline = await runChild('ceiling', { kernel: 'pipeline', rounds: 3, inputs: [small.dir], mib: 4 });
  const ceilingCompute = await runChild('ceiling', { kernel: 'compute', rounds: 3, inputs: [], mib: 0 });
  log(`  extraction ${round(ceilingPipeline.speedup_cold as number, 2)}× on a first pass, ${round(ceilingPipeline.speedup as number, 2)}× on a second; arithmetic ${round(ceilingCompute.speedup as number, 2)}×`);
  const identical = ['', 'single-'].every((name) =>
    ['graph.json', 'graph.gexf'].every((file) => sameBytes(join(corpusRoot, `out-${name}w1`, file), join(corpusRoot, `out-${name}w2`, file))),
  );
  if (!identical) notes.push('WARNING: graph files differ between 1 and 2 workers');
  log('pipeline, 2 workers, large corpus');
  const big = await runChild('build', { inputs: [large.dir], out: join(corpusRoot, 'out-large'), workers: 2 });
  log(`  ${round(big.seconds)} s, ${big.max_rss_mb} MB`);
  log(`export of ${exportNodes} nodes / ${exportEdges} edges`);
  const exp = await runChild('export', { nodes: exportNodes, edges: exportEdges, out: join(corpusRoot, 'out-export') });
  log(`  ${round(exp.seconds)} s`);
  log('neo4j load (src/neo4j/bench.ts)');
  const neo4j = await neo4jRowsPerSecond();
  if (neo4j.note) notes.push(neo4j.note);
  log('explorer time to interactive (bench/viewer.ts)');
  const viewer = await viewerInteractiveMs();
  if (viewer.note) notes.push(viewer.note);

  const smallMiB = small.bytes / MiB;
  const chars = (w1.totals as { characters: number }).characters;
  const results = {
    pipeline_mib_s: round(smallMiB / w1.seconds, 3),
    pipeline_chars_s: Math.round(chars / w1.seconds),
    jieba_tag_mib_s: round(middleOf(jiebaMibS), 3),
    jieba_tag_chars_s: Math.round(middleOf(jiebaRuns.map((run) => (run.characters as number) / run.seconds))),
    // The median of the per-pair ratios (each 1-worker build against the jieba run just before it).
    pipeline_over_jieba: round(middleOf(throughputRatios), 3),
    pipeline_over_jieba_lowest_pair: round(Math.min(...throughputRatios), 3),
    pipeline_over_jieba_highest_pair: round(Math.max(...throughputRatios), 3),
    // Seconds per MiB of each stage, one thread; jieba_tag_s_per_mib is the same unit for the baseline.
    ...Object.fromEntries(
      Object.entries(stageRun.stages as Record<string, number>).map(([stage, s]) => [`stage_${stage}_s_per_mib`, round(s / ((stageRun.bytes as number) / MiB), 4)]),
    ),
    jieba_tag_s_per_mib: round(jieba.seconds / jiebaMiB, 4),
    pipeline_2_workers_mib_s: round(smallMiB / w2.seconds, 3),
    speedup_2_workers: round(w1.seconds / w2.seconds, 3),
    speedup_2_workers_pairs: pairs,
    speedup_2_workers_lowest_pair: round(Math.min(...pairRatios), 3),
    speedup_2_workers_highest_pair: round(Math.max(...pairRatios), 3),
    single_file_build_1_worker_s: round(medianBy(single1Runs, (run) => run.seconds).seconds, 2),
    single_file_build_2_workers_s: round(medianBy(single2Runs, (run) => run.seconds).seconds, 2),
    // The median of the per-pair ratios, like the speed-up above.
    single_file_speedup_2_workers: round(middleOf(singleRatios), 3),
    single_file_speedup_2_workers_lowest_pair: round(Math.min(...singleRatios), 3),
    single_file_speedup_2_workers_highest_pair: round(Math.max(...singleRatios), 3),
    machine_2_threads_extraction: round(ceilingPipeline.speedup as number, 3),
    machine_2_threads_extraction_first_pass: round(ceilingPipeline.speedup_cold as number, 3),
    machine_2_threads_arithmetic: round(ceilingCompute.speedup as number, 3),
    peak_rss_mb_50mb: w2.max_rss_mb,
    peak_rss_mb_200mb: big.max_rss_mb,
    main_heap_peak_mb_50mb: w2.main_heap_peak_mb as number,
    main_heap_peak_mb_200mb: big.main_heap_peak_mb as number,
    peak_rss_mb_50mb_1_worker: w1.max_rss_mb,
    main_thread_cpu_share_2_workers_50mb: w2.main_thread_cpu_share as number | null,
    // CPU seconds of each build by thread role (Linux; null elsewhere): see cpuByRole.
    cpu_s_1_worker_workers: w1.workers_cpu_s as number | null,
    cpu_s_1_worker_main: w1.main_thread_cpu_s as number | null,
    cpu_s_1_worker_helpers: w1.helper_threads_cpu_s as number | null,
    cpu_s_2_workers_workers: w2.workers_cpu_s as number | null,
    cpu_s_2_workers_main: w2.main_thread_cpu_s as number | null,
    cpu_s_2_workers_helpers: w2.helper_threads_cpu_s as number | null,
    build_1_worker_s: round(w1.seconds, 2),
    build_2_workers_s: round(w2.seconds, 2),
    write_1_worker_s: tailSeconds(w1),
    write_2_workers_s: tailSeconds(w2),
    worker_heap_mb: DEFAULT_WORKER_HEAP_MB,
    heap_growing_percent: HEAP_GROWING_PERCENT,
    large_corpus_mib_s: round(large.bytes / MiB / big.seconds, 3),
    export_100k_500k_s: round(exp.seconds, 2),
    export_json_s: round(exp.json_s as number, 2),
    export_gexf_s: round(exp.gexf_s as number, 2),
    neo4j_rows_per_s: neo4j.value === null ? null : Math.round(neo4j.value),
    viewer_interactive_ms_20k: viewer.value === null ? null : Math.round(viewer.value),
    corpus_small_mib: round(smallMiB),
    corpus_large_mib: round(large.bytes / MiB),
    graph_nodes_50mb: (w2.summary as { nodes: number }).nodes,
    graph_edges_50mb: (w2.summary as { edges: number }).edges,
    graph_nodes_200mb: (big.summary as { nodes: number }).nodes,
    graph_edges_200mb: (big.summary as { edges: number }).edges,
    bench_total_s: 0,
  };
  results.bench_total_s = round((performance.now() - started) / 1000, 1);

  const bar = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'pass' : 'FAIL');
  const rows: [string, string, string, string][] = [
    ['pipeline throughput, 1 worker', `${results.pipeline_mib_s} MiB/s (${results.pipeline_chars_s.toLocaleString('en')} chars/s)`, '', ''],
    ['plain jieba POS tagging (@node-rs/jieba tag), same text', `${results.jieba_tag_mib_s} MiB/s (${results.jieba_tag_chars_s.toLocaleString('en')} chars/s; median of ${pairs} runs)`, '', ''],
    [
      'stage cost, seconds per MiB (one thread)',
      Object.entries(stageRun.stages as Record<string, number>)
        .map(([stage, s]) => `${stage} ${round(s / ((stageRun.bytes as number) / MiB), 3)}`)
        .join(', ') + `; jieba tag ${round(jieba.seconds / jiebaMiB, 3)} (measured just before)`,
      '',
      '',
    ],
    [
      'pipeline / jieba',
      `${results.pipeline_over_jieba} (median of ${pairs} pairs, each 1-worker build against a jieba run just before it; single pairs ${results.pipeline_over_jieba_lowest_pair} to ${results.pipeline_over_jieba_highest_pair})`,
      '≥ 0.5',
      bar(results.pipeline_over_jieba >= 0.5),
    ],
    [
      '2 workers over 1',
      `${results.speedup_2_workers}× (median of ${pairs} alternating runs each; single pairs ${results.speedup_2_workers_lowest_pair}× to ${results.speedup_2_workers_highest_pair}×)`,
      '≥ 1.7',
      bar(results.speedup_2_workers >= 1.7),
    ],
    [
      `2 workers over 1, the same text as one ${round(smallMiB, 0)} MiB file`,
      `${results.single_file_speedup_2_workers}× (median of ${singlePairs} pairs, single pairs ${results.single_file_speedup_2_workers_lowest_pair}× to ${results.single_file_speedup_2_workers_highest_pair}×; medians ${results.single_file_build_1_worker_s} s and ${results.single_file_build_2_workers_s} s; the file's chunks go to both workers)`,
      '',
      '',
    ],
    [
      'this machine, 2 threads over 1, each thread doing the same work alone',
      `yjkg's extraction (no merging, no writing) ${results.machine_2_threads_extraction}× once warm (a second pass over the same files), ${results.machine_2_threads_extraction_first_pass}× on the first pass; arithmetic ${results.machine_2_threads_arithmetic}×`,
      '',
      '',
    ],
    [
      `where the time goes, 1 worker; 2 workers (${round(smallMiB, 0)} MiB)`,
      results.cpu_s_2_workers_workers === null
        ? 'n/a'
        : [
            [1, results.build_1_worker_s, results.write_1_worker_s, results.cpu_s_1_worker_workers, results.cpu_s_1_worker_main, results.cpu_s_1_worker_helpers],
            [2, results.build_2_workers_s, results.write_2_workers_s, results.cpu_s_2_workers_workers, results.cpu_s_2_workers_main, results.cpu_s_2_workers_helpers],
          ]
            .map(([n, wall, write, workers, main, helpers]) => `${wall} s wall, of which ${write} s merging and writing after the extraction; CPU: worker${n === 1 ? '' : 's'} ${workers} s, main thread ${main} s, other threads (graph.gexf writer, V8 compiler, libuv) ${helpers} s`)
            .join('; '),
      '',
      '',
    ],
    ['main thread (merge + output) share of CPU, 2 workers', results.main_thread_cpu_share_2_workers_50mb === null ? 'n/a' : `${Math.round(results.main_thread_cpu_share_2_workers_50mb * 100)}%`, '', ''],
    [`peak RSS, ${round(smallMiB, 0)} MiB corpus (2 workers; 1 worker)`, `${results.peak_rss_mb_50mb} MB; ${results.peak_rss_mb_50mb_1_worker} MB (main-thread heap peak ${results.main_heap_peak_mb_50mb} MB)`, '', ''],
    [`peak RSS, ${round(large.bytes / MiB, 0)} MiB corpus (2 workers)`, `${results.peak_rss_mb_200mb} MB (main-thread heap peak ${results.main_heap_peak_mb_200mb} MB)`, '< 1024', bar(results.peak_rss_mb_200mb < 1024)],
    [`graph.json + graph.gexf, ${exportNodes / 1000}k nodes / ${exportEdges / 1000}k edges`, `${results.export_100k_500k_s} s as the build writes them, graph.gexf on a second thread (one after the other on one thread: json ${results.export_json_s} s, gexf ${results.export_gexf_s} s)`, '< 30', bar(results.export_100k_500k_s < 30)],
    ['Neo4j load', results.neo4j_rows_per_s === null ? 'n/a' : `${results.neo4j_rows_per_s.toLocaleString('en')} rows/s`, '', ''],
    ['explorer time to interactive, 20k / 60k', results.viewer_interactive_ms_20k === null ? 'n/a' : `${results.viewer_interactive_ms_20k} ms`, '', ''],
  ];
  const cpu = cpus();
  const machine =
    `${cpu.length} × ${cpu[0]?.model?.trim() ?? 'unknown CPU'}, ${round(totalmem() / 1024 ** 3, 1)} GiB RAM, ${osType()} ${release()}, Node ${process.version}; ` +
    `load average ${round(loadBefore, 1)} at the start and ${round(loadavg()[0]!, 1)} at the end (a shared machine: other jobs compete for the 2 cores)`;
  const table = [
    '| measure | result | bar | |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const extra = [
    `Machine: ${machine}.`,
    `Corpus: ${round(smallMiB)} MiB (${small.files} files) and ${round(large.bytes / MiB)} MiB (${large.files} files) generated by bench/corpus.ts from seeds/ and templates; ` +
      `graph of the small corpus ${results.graph_nodes_50mb} nodes / ${results.graph_edges_50mb} edges, of the large one ${results.graph_nodes_200mb} / ${results.graph_edges_200mb}.`,
    `Builds ran as \`yjkg build\` runs them: node ${BUILD_NODE_FLAGS.join(' ')}, heap growth limited to ${HEAP_GROWING_PERCENT}% (src/runtime.ts, src/build.ts).`,
    `Graph files identical for 1 and 2 workers (the corpus, and the corpus as one file): ${identical ? 'yes' : 'NO'}. Bench wall time ${results.bench_total_s} s.`,
    ...notes.map((n) => `Note: ${n}`),
  ];
  const markdown = `${table}\n\n${extra.join('\n')}\n`;
  process.stdout.write(`\n${markdown}`);
  writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(benchDir, 'results.md'), markdown);
  log('wrote bench/results.json and bench/results.md');
}

if (process.argv[2] === '--child') {
  const task = CHILD_TASKS[process.argv[3] ?? ''];
  if (!task) {
    process.stderr.write(`bench: unknown child task ${process.argv[3]}\n`);
    process.exit(2);
  }
  const result = await task(JSON.parse(process.argv[4] ?? '{}') as never);
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
  process.exit(0);
} else {
  await main();
}
