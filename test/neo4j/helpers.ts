// Shared helpers of the Neo4j tests: run the real CLI, read the database back.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { toPlain } from '../../src/neo4j/query.js';
import type { GraphExport } from '../../src/neo4j/plan.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'src', 'cli.js');
export const FIXTURE = join(ROOT, 'test', 'neo4j', 'fixtures', 'small-graph.json');
export const QUERIES = join(ROOT, 'cypher', 'queries');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/cli.js ...args` (built by `npm run build`, which `npm test` runs first). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, onStart?: (pid: number) => void): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does) before the Neo4j tests`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', NEO4J_URI: '', NEO4J_USER: '', NEO4J_PASSWORD: '', NEO4J_DATABASE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    if (child.pid !== undefined) onStart?.(child.pid);
  });
}

/** The shared server of this run (global-setup.ts) as CLI flags. */
export function serverArgs(): string[] {
  return ['--uri', inject('neo4jUri'), '--user', inject('neo4jUser'), '--password', inject('neo4jPassword')];
}

export function sharedDriver(): Driver {
  return neo4j.driver(inject('neo4jUri'), neo4j.auth.basic(inject('neo4jUser'), inject('neo4jPassword')));
}

export async function rows(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const result = await driver.executeQuery(query, params);
  return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}

export async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const [n] = await rows(driver, 'MATCH (n) RETURN count(n) AS c');
  const [r] = await rows(driver, 'MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: n!.c as number, relationships: r!.c as number };
}

/** Everything in the database, sorted: two dumps are equal iff nothing changed. */
export async function dump(driver: Driver): Promise<string> {
  const nodes = await rows(driver, 'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id');
  for (const node of nodes) (node.labels as string[]).sort();
  const relationships = await rows(
    driver,
    'MATCH (a)-[r]->(b) RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props ORDER BY r.key, source, target',
  );
  return JSON.stringify({ nodes, relationships });
}

export function readGraph(path: string): GraphExport {
  return JSON.parse(readFileSync(path, 'utf8')) as GraphExport;
}

/** Counts by type from graph.json: the oracle the database must match. */
export function graphCounts(graph: GraphExport): { nodes: Record<string, number>; relationships: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const n of graph.nodes) nodes[n.attributes!.type as string] = (nodes[n.attributes!.type as string] ?? 0) + 1;
  for (const e of graph.edges) relationships[e.attributes!.type as string] = (relationships[e.attributes!.type as string] ?? 0) + 1;
  return { nodes, relationships };
}

export async function databaseCountsByType(driver: Driver): Promise<{ nodes: Record<string, number>; relationships: Record<string, number> }> {
  const nodes: Record<string, number> = {};
  for (const row of await rows(driver, 'MATCH (n) RETURN n.type AS type, count(n) AS c')) nodes[row.type as string] = row.c as number;
  const relationships: Record<string, number> = {};
  for (const row of await rows(driver, 'MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS c')) relationships[row.type as string] = row.c as number;
  return { nodes, relationships };
}

/** Every node and edge of graph.json is in the database with its properties (evidence as parallel lists). */
export async function expectGraphInDatabase(driver: Driver, graph: GraphExport): Promise<string[]> {
  const mismatches: string[] = [];
  const dbNodes = new Map((await rows(driver, 'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p')).map((r) => [r.id as string, r]));
  for (const node of graph.nodes) {
    const row = dbNodes.get(node.key);
    const a = node.attributes!;
    if (!row) {
      mismatches.push(`node ${node.key} missing`);
      continue;
    }
    const p = row.p as Record<string, unknown>;
    const labels = (row.labels as string[]).sort();
    const expectedLabels = a.type === 'Article' ? ['Article'] : ['Entity', a.type as string].sort();
    if (JSON.stringify(labels) !== JSON.stringify(expectedLabels)) mismatches.push(`node ${node.key} labels ${labels}`);
    if (p.name !== a.label) mismatches.push(`node ${node.key} name ${String(p.name)}`);
    for (const key of Object.keys(a)) {
      if (key === 'label') continue;
      if (JSON.stringify(p[key]) !== JSON.stringify(a[key])) mismatches.push(`node ${node.key} ${key}: ${JSON.stringify(p[key])} != ${JSON.stringify(a[key])}`);
    }
  }
  const dbEdges = new Map(
    (await rows(driver, 'MATCH (a)-[r]->(b) RETURN r.key AS key, type(r) AS type, a.id AS s, b.id AS t, properties(r) AS p')).map((r) => [r.key as string, r]),
  );
  for (const edge of graph.edges) {
    const row = dbEdges.get(edge.key!);
    const a = edge.attributes!;
    if (!row) {
      mismatches.push(`edge ${edge.key} missing`);
      continue;
    }
    const p = row.p as Record<string, unknown>;
    if (row.type !== a.type || row.s !== edge.source || row.t !== edge.target) mismatches.push(`edge ${edge.key} endpoints/type`);
    const evidence = a.evidence as { article: string; sentence: string; start: number; end: number }[];
    const expected: Record<string, unknown> = {
      evidence_articles: evidence.map((e) => e.article),
      evidence_sentences: evidence.map((e) => e.sentence),
      evidence_starts: evidence.map((e) => e.start),
      evidence_ends: evidence.map((e) => e.end),
    };
    for (const key of Object.keys(a)) if (key !== 'type' && key !== 'evidence') expected[key] = a[key];
    for (const [key, value] of Object.entries(expected)) {
      if (JSON.stringify(p[key]) !== JSON.stringify(value)) mismatches.push(`edge ${edge.key} ${key}: ${JSON.stringify(p[key])} != ${JSON.stringify(value)}`);
    }
  }
  return mismatches;
}

/** Runs a query file through the CLI with --json and returns its rows. */
export async function queryRows(file: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>[]> {
  const args = ['query', join(QUERIES, file), '--json', ...serverArgs()];
  for (const [k, v] of Object.entries(params)) args.push('--param', `${k}=${v}`);
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`yjkg query ${file} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>[];
}
