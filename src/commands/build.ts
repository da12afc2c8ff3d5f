// `yjkg build`: the main job. Argument parsing and the closing summary only; the work is src/build.ts.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { build, DEFAULT_WORKER_HEAP_MB, type BuildSummary } from '../build.js';
import { UsageError } from './errors.js';

interface BuildOptions {
  out: string;
  workers: string;
  workerHeap: string;
  progress: boolean;
  quiet: boolean;
}

export function register(program: Command): void {
  program
    .command('build')
    .description('extract a knowledge graph from Chinese news files and folders (.txt .md .html)')
    .argument('[paths...]', '[paths] files or folders to read, recursively (default: seeds/)')
    .option('-o, --out <dir>', '[path] output folder for graph.json, graph.gexf, report.json, index.html', 'out')
    .option('-w, --workers <n>', `[number] worker threads for extraction (default: ${availableParallelism()}, the number of cores)`, String(availableParallelism()))
    .option(
      '--worker-heap <mb>',
      '[number] hard cap on each worker thread\'s heap in MB (at least 64; raised for a large input file): a file that needs more fails alone, with a reason; 0 = no cap (heap growth is limited anyway)',
      String(DEFAULT_WORKER_HEAP_MB),
    )
    .option('--no-progress', '[boolean] show no progress (on a terminal: a progress bar, then a status line; in a log or pipe: a line every 30 s of a long build)')
    .option('-q, --quiet', '[boolean] print no summary, only warnings', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 success (warnings allowed), 1 nothing usable (no input produced an article), 2 bad arguments or crash.',
    )
    .action(async (paths: string[], options: BuildOptions) => {
      process.exitCode = await runBuild(paths, options);
    });
}

export async function runBuild(paths: string[], options: BuildOptions): Promise<number> {
  const workers = Number(options.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new UsageError(`--workers must be a whole number from 1 to 256 (got ${options.workers})`);
  const workerHeapMb = Number(options.workerHeap);
  if (!Number.isInteger(workerHeapMb) || workerHeapMb < 0 || (workerHeapMb > 0 && workerHeapMb < 64)) {
    throw new UsageError(`--worker-heap must be 0 (no limit) or a whole number of MB from 64 up (got ${options.workerHeap})`);
  }
  const inputs = paths.length > 0 ? paths : ['seeds'];
  const summary = await build({
    inputs,
    outDir: options.out,
    workers,
    workerHeapMb,
    progress: options.progress,
    onWarning: (line) => process.stderr.write(`${line}\n`),
  });
  if (!options.quiet) process.stdout.write(formatSummary(summary, options.out) + '\n');
  return summary.articles > 0 ? 0 : 1;
}

function formatSummary(summary: BuildSummary, outDir: string): string {
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  return [
    `files: ${summary.files.ok} ok, ${summary.files.skipped} skipped, ${summary.files.error} with errors; articles: ${summary.articles}`,
    `entities: ${counts(summary.entities)}`,
    `relations: ${counts(summary.relations)}`,
    `warnings: ${summary.warnings}`,
    `wrote ${outDir}/${summary.written.join(', ')}`,
  ].join('\n');
}
