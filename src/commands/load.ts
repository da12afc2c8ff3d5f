// `yjkg load`: graph.json into Neo4j. Argument parsing, progress and the closing line only;
// the work is src/neo4j/.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DEFAULT_BATCH_SIZE, DEFAULT_PASSWORD, DEFAULT_URI, DEFAULT_USER, loadGraph, Neo4jProblem, type LoadGraphResult } from '../neo4j/index.js';

export interface LoadCommandOptions {
  graph: string;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  wipe: boolean;
  batchSize: string;
  maxRetryTime: string;
  progress: boolean;
  quiet: boolean;
  verbose: boolean;
}

export function register(program: Command): void {
  program
    .command('load')
    .description('load graph.json into Neo4j (idempotent: loading the same graph again changes nothing)')
    .option('-g, --graph <file>', '[path] graph written by yjkg build', 'out/graph.json')
    .option('--uri <uri>', `[string] Bolt URI of the server (default: $NEO4J_URI or ${DEFAULT_URI})`)
    .option('--user <name>', `[string] user name (default: $NEO4J_USER or ${DEFAULT_USER})`)
    .option('--password <password>', `[string] password (default: $NEO4J_PASSWORD or '${DEFAULT_PASSWORD}', as in docker-compose.yml)`)
    .option('--database <name>', "[string] database (default: $NEO4J_DATABASE or the server's default, neo4j)")
    .option('--wipe', '[boolean] first delete every :Entity and :Article node and their relationships', false)
    .option('--batch-size <n>', `[number] rows per transaction`, String(DEFAULT_BATCH_SIZE))
    .option('--max-retry-time <seconds>', '[number] how long to retry transient errors such as a lost connection', '30')
    .option('--no-progress', '[boolean] never show the progress bar (it only shows when stderr is a terminal and CI is unset)')
    .option('-q, --quiet', '[boolean] print no closing line', false)
    .option('--verbose', '[boolean] print the stack trace of an error', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 loaded, 1 loaded but some nodes or edges were skipped (unknown type or endpoint),\n' +
        '2 bad arguments, unreadable graph, or Neo4j unreachable / wrong password / unknown database.\n' +
        '\nExample: docker compose up -d && yjkg build seeds && yjkg load',
    )
    .action(async (options: LoadCommandOptions) => {
      process.exitCode = await runLoad(options);
    });
}

function number(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Neo4jProblem(`--${name} must be a number ≥ ${min} (got ${raw})`, 'input');
  return value;
}

export async function runLoad(options: LoadCommandOptions): Promise<number> {
  let bar: cliProgress.SingleBar | undefined;
  let rows = 0;
  try {
    const batchSize = Math.floor(number('batch-size', options.batchSize, 1));
    const maxRetryTimeMs = number('max-retry-time', options.maxRetryTime, 0) * 1000;
    const showProgress = options.progress && Boolean(process.stderr.isTTY) && !process.env.CI;
    const result = await loadGraph(
      options.graph,
      {
        ...(options.uri !== undefined ? { uri: options.uri } : {}),
        ...(options.user !== undefined ? { user: options.user } : {}),
        ...(options.password !== undefined ? { password: options.password } : {}),
        ...(options.database !== undefined ? { database: options.database } : {}),
        maxRetryTimeMs,
      },
      {
        batchSize,
        wipe: options.wipe,
        // graph.json is streamed: the bar follows the bytes read, and says how many rows are in
        onProgress: (done) => {
          rows = done;
        },
        onBytes: (read, total) => {
          // Only worth a bar for a file that takes more than a moment (~50k rows or more).
          if (!showProgress || total < 20 * MB) return;
          if (!bar) {
            bar = new cliProgress.SingleBar(
              {
                stream: process.stderr,
                format: 'loading [{bar}] {percentage}% of {size} MB read, {rows} rows written, eta {eta}s',
                hideCursor: true,
                clearOnComplete: true,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(total, read, { size: Math.round(total / MB), rows: integer.format(rows) });
          } else bar.update(read, { rows: integer.format(rows) });
        },
      },
    );
    bar?.stop();
    for (const problem of result.problems.slice(0, 20)) process.stderr.write(`yjkg load: ${options.graph}: ${problem}\n`);
    if (result.skipped > 20) process.stderr.write(`yjkg load: ${options.graph}: ... ${result.skipped - 20} more skipped\n`);
    if (!options.quiet) process.stdout.write(closingLine(options.graph, result) + '\n');
    return result.skipped > 0 ? 1 : 0;
  } catch (error) {
    bar?.stop();
    const message = error instanceof Neo4jProblem ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`yjkg load: ${message}\n`);
    if (options.verbose) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    else if (!(error instanceof Neo4jProblem)) process.stderr.write('yjkg load: run again with --verbose for the stack trace\n');
    return 2;
  }
}

const integer = new Intl.NumberFormat('en-US');
const MB = 1e6;

export function closingLine(graph: string, r: LoadGraphResult): string {
  const database = r.connection.database ?? 'default database';
  const wiped = r.nodesDeleted > 0 || r.relationshipsDeleted > 0 ? `; wiped ${integer.format(r.nodesDeleted)} nodes first` : '';
  return (
    `loaded ${graph} into ${r.connection.uri} (${database}): ` +
    `${integer.format(r.nodes)} nodes (${integer.format(r.nodesCreated)} new), ` +
    `${integer.format(r.relationships)} relationships (${integer.format(r.relationshipsCreated)} new)${wiped} ` +
    `in ${(r.ms / 1000).toFixed(2)} s, ${integer.format(r.rowsPerSecond)} rows/s`
  );
}
