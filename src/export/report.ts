// report.json: one entry per input file (status, reason, encoding, articles, characters,
// timings) and totals. Key order is fixed here so the file diffs cleanly between runs; it
// holds timings, so unlike graph.json / graph.gexf it is not byte-identical between runs.
import type { FileReport, Message } from '../types.js';
import type { GraphStats } from '../graph.js';
import { compareStrings } from '../graph.js';
import { writeTextAtomic } from './io.js';

export interface BuildReport {
  inputs: string[];
  workers: number;
  files: FileReport[];
  totals: {
    files: number;
    ok: number;
    skipped: number;
    error: number;
    bytes: number;
    articles: number;
    characters: number;
    messages: number;
  };
  graph: GraphStats & { layout_iterations: number };
  outputs: Record<string, string>;
  timings_ms: Record<string, number>;
  /** What ran the build: Node version and the V8 settings that shape its speed and memory. */
  runtime: { node: string; node_flags: string[]; heap_growing_percent: number | null };
}

function orderedMessage(m: Message): Message {
  return {
    file: m.file,
    ...(m.article !== undefined ? { article: m.article } : {}),
    ruleId: m.ruleId,
    reason: m.reason,
    ...(m.start !== undefined ? { start: m.start } : {}),
    ...(m.end !== undefined ? { end: m.end } : {}),
    fatal: m.fatal,
  };
}

/** A FileReport with its keys in the documented order. */
export function orderedFileReport(r: FileReport): FileReport {
  return {
    file: r.file,
    status: r.status,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.encoding !== undefined ? { encoding: r.encoding } : {}),
    bytes: r.bytes ?? 0,
    articles: r.articles ?? 0,
    characters: r.characters ?? 0,
    messages: (r.messages ?? []).map(orderedMessage),
    timings_ms: r.timings_ms ?? {},
  };
}

export function fileTotals(files: FileReport[]): BuildReport['totals'] {
  const totals = { files: files.length, ok: 0, skipped: 0, error: 0, bytes: 0, articles: 0, characters: 0, messages: 0 };
  for (const f of files) {
    totals[f.status]++;
    totals.bytes += f.bytes ?? 0;
    totals.articles += f.articles ?? 0;
    totals.characters += f.characters ?? 0;
    totals.messages += f.messages?.length ?? 0;
  }
  return totals;
}

export function sortFileReports(files: FileReport[]): FileReport[] {
  return files.map(orderedFileReport).sort((a, b) => compareStrings(a.file, b.file));
}

export function reportJsonText(report: BuildReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function writeReport(report: BuildReport, path: string): Promise<void> {
  return writeTextAtomic(path, reportJsonText(report));
}
