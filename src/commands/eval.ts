// `yjkg eval`: scores a graph (or a fresh in-memory extraction) against a gold file.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { evaluate, formatEvalReport, predictionsFromGraphJson, predictionsFromResults, type GoldFile } from '../eval.js';
import type { ArticleResult } from '../types.js';
import { unreadableReason, UsageError } from './errors.js';

interface EvalOptions {
  gold: string;
  graph?: string;
  inputs?: string[];
  json?: boolean;
  show: string;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('precision, recall and F1 per entity and relation type against a gold file')
    .requiredOption('--gold <file>', '[path] gold annotation in the format of seeds.gold.json')
    .option('--graph <file>', '[path] graph.json to score (default: out/graph.json, unless --inputs is given)')
    .option('--inputs <paths...>', '[paths] extract these files/folders in memory and score the result instead of a graph.json')
    .option('--show <types>', '[list] relation/entity types whose missed and invented items are listed, comma-separated, or "all"', 'SUPPORTS')
    .option('--json', '[boolean] print the report as JSON', false)
    .action(async (options: EvalOptions) => {
      process.exitCode = await runEval(options);
    });
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read ${what} (${unreadableReason(error, 'eval scores a build of annotated articles against their gold file')})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: ${what} is not valid JSON`);
  }
}

export async function runEval(options: EvalOptions): Promise<number> {
  const gold = (await readJson(options.gold, 'gold file')) as GoldFile;
  if (!gold || !Array.isArray(gold.documents)) throw new UsageError(`${options.gold}: not a gold file (no "documents" array)`);
  let predictions;
  if (options.inputs && options.inputs.length > 0) {
    const { listInputFiles, loadDocument } = await import('../ingest.js');
    const { extractDocument } = await import('../pipeline.js');
    const { files, problems } = await listInputFiles(options.inputs);
    for (const p of problems) process.stderr.write(`yjkg: ${p.file}: ${p.reason ?? p.status}\n`);
    const results: ArticleResult[] = [];
    for (const file of files) {
      const doc = await loadDocument(file);
      if ('status' in doc) {
        process.stderr.write(`yjkg: ${doc.file}: ${doc.reason ?? doc.status}\n`);
        continue;
      }
      results.push(...extractDocument(doc));
    }
    if (results.length === 0) {
      // A table of zeros would read as a score: say there is nothing to score, and fail.
      process.stderr.write(`yjkg: eval: no article extracted from ${options.inputs.join(', ')}; nothing to score\n`);
      return 1;
    }
    predictions = predictionsFromResults(results);
  } else {
    const graphFile = options.graph ?? 'out/graph.json';
    const graph = (await readJson(graphFile, 'graph')) as Parameters<typeof predictionsFromGraphJson>[0];
    if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) throw new UsageError(`${graphFile}: not a graphology export (no nodes/edges arrays)`);
    predictions = predictionsFromGraphJson(graph);
  }
  const report = evaluate(gold, predictions);
  if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    const show = options.show === 'all' ? Object.keys(report.missed) : options.show.split(',').map((s) => s.trim()).filter(Boolean);
    process.stdout.write(formatEvalReport(report, { show }) + '\n');
  }
  return 0;
}
