// Loader throughput for `npm run bench`: a synthetic graph shaped like a real build (entities
// of every type, articles with MENTIONS, evidence on every knowledge relation) loaded into a
// real Neo4j, first into an empty database, then again (the idempotent no-op re-load). Both
// loads stream it from a graph.json file, as `yjkg load` does (graph-file.ts + loadItems).
//
// The server: NEO4J_BENCH_URI when set (its :Entity/:Article nodes are WIPED first: never point
// it at data you care about), otherwise a private test server (src/neo4j/test-server.ts) on
// NEO4J_BENCH_PORT (default 7695), stopped afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITY_TYPES } from '../types.js';
import { connect, resolveConnection } from './connection.js';
import { readGraphItems } from './graph-file.js';
import { applySchema, loadItems, loadPlan, wipe } from './load.js';
import { planLoad, type GraphExport, type GraphExportEdge, type GraphExportNode } from './plan.js';
import { startTestServer, type TestServer } from './test-server.js';
import { prng } from '../util/prng.js';


export interface SyntheticGraphOptions {
  /** Relationships to generate (default 100,000); about 1/5 as many entities and 1/40 as many articles. */
  relationships?: number;
  seed?: number;
}

const KNOWLEDGE_TYPES = ['SUPPORTS', 'PART_OF', 'LOCATED_IN', 'FUNDS', 'HOLDS_POSITION', 'VISITS', 'COOPERATES_WITH'] as const;
const TITLES = ['书记', '副书记', '指挥长', '副指挥长', '县长', '副县长', '院长', '校长', '总经理'];

/** A graphology export with exactly `relationships` edges (about half of them MENTIONS). */
export function syntheticGraph(options: SyntheticGraphOptions = {}): GraphExport {
  const total = options.relationships ?? 100_000;
  const random = prng(options.seed ?? 20240601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const entityTypes = ENTITY_TYPES.filter((t) => t !== 'Article');
  const entityCount = Math.max(10, Math.ceil(total / 5));
  const articleCount = Math.max(2, Math.ceil(total / 40));

  const nodes: GraphExportNode[] = [];
  const articles: string[] = [];
  for (let i = 0; i < articleCount; i++) {
    const id = `bench/news-${String(Math.floor(i / 10)).padStart(5, '0')}.txt#${i % 10}`;
    articles.push(id);
    nodes.push({
      key: `Article:${id}`,
      attributes: { label: `援疆新闻 ${i}`, type: 'Article', file: id.split('#')[0], index: i % 10, characters: 800 + (i % 700), title: `援疆新闻 ${i}` },
    });
  }
  const entities: string[] = [];
  for (let i = 0; i < entityCount; i++) {
    const type = entityTypes[i % entityTypes.length]!;
    const label = `${type === 'Person' ? '张' : '合成'}${i.toString(36)}${type === 'County' ? '县' : type === 'Project' ? '项目' : ''}`;
    const key = `${type}:${label}`;
    entities.push(key);
    nodes.push({
      key,
      attributes: {
        label,
        type,
        aliases: i % 3 === 0 ? [`别名${i.toString(36)}`] : [],
        mentions: 1 + (i % 9),
        articles: [pick(articles), pick(articles)].sort(),
      },
    });
  }

  const edges: GraphExportEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < total) {
    const mentions = random() < 0.5;
    const type = mentions ? 'MENTIONS' : pick(KNOWLEDGE_TYPES);
    const source = mentions ? `Article:${pick(articles)}` : pick(entities);
    const target = pick(entities);
    const title = type === 'HOLDS_POSITION' ? pick(TITLES) : undefined;
    const key = `${type}|${source}|${target}${title ? `|${title}` : ''}`;
    if (seen.has(key) || source === target) continue;
    seen.add(key);
    const evidenceCount = mentions ? 0 : 1 + Math.floor(random() * 3);
    const evidence = Array.from({ length: evidenceCount }, () => {
      const start = Math.floor(random() * 5000);
      return { article: pick(articles), sentence: `合成证据句子，编号${start}，用于测量装载速度。`, start, end: start + 24 };
    });
    edges.push({
      key,
      source,
      target,
      attributes: {
        type,
        weight: mentions ? 1 + Math.floor(random() * 4) : evidenceCount,
        confidence: mentions ? 1 : Math.round(random() * 1000) / 1000,
        rule: mentions ? 'mention' : 'synthetic',
        evidence,
        ...(title ? { title } : {}),
        ...(type === 'FUNDS' && random() < 0.5 ? { amount_yuan: 10_000 * (1 + Math.floor(random() * 10_000)) } : {}),
        ...(type === 'SUPPORTS' && random() < 0.3 ? { since: 2010 + Math.floor(random() * 14) } : {}),
      },
    });
  }
  return { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes, edges };
}

export interface Neo4jLoadBench {
  server: string; // 'NEO4J_BENCH_URI' or 'test launcher'
  nodes: number;
  relationships: number;
  rows: number;
  batchSize: number;
  /** The headline number: rows (nodes + relationships) per second of the first load. */
  rowsPerSecond: number;
  /** Into an empty database. */
  firstLoad: { seconds: number; rowsPerSecond: number };
  /** The same graph again: nothing changes (idempotent MERGE). */
  secondLoad: { seconds: number; rowsPerSecond: number; nodesCreated: number; relationshipsCreated: number };
}

export interface BenchNeo4jLoadOptions extends SyntheticGraphOptions {
  batchSize?: number;
  /** Called with short progress lines (e.g. 'starting Neo4j'). */
  log?: (line: string) => void;
}

export async function benchNeo4jLoad(options: BenchNeo4jLoadOptions = {}): Promise<Neo4jLoadBench> {
  const log = options.log ?? (() => undefined);
  const graph = syntheticGraph(options);
  const plan = planLoad(graph);
  const dir = mkdtempSync(join(tmpdir(), 'yjkg-bench-neo4j-'));
  const file = join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(graph));
  let server: TestServer | undefined;
  let uri = process.env.NEO4J_BENCH_URI;
  try {
    if (!uri) {
      log('starting a private Neo4j 5.26 (test/neo4j launcher)');
      server = await startTestServer({ port: Number(process.env.NEO4J_BENCH_PORT || 7695) });
      uri = server.uri;
    }
    const connection = resolveConnection({ uri });
    const driver = await connect(connection);
    try {
      await applySchema(driver, connection.database);
      const batchSize = options.batchSize ?? 1000;
      const database = connection.database ? { database: connection.database } : {};
      const wipeAll = async () => {
        const session = driver.session(database);
        try {
          await wipe(session);
        } finally {
          await session.close();
        }
      };
      // A fresh JVM compiles the Cypher runtime as it goes: warm it up on a small graph so the
      // number measures the loader, not the JIT.
      log('warming up Neo4j');
      await wipeAll();
      await loadPlan(driver, planLoad(syntheticGraph({ relationships: 20_000, seed: 1 })), { batchSize, ...database });
      await wipeAll();
      log(`loading ${plan.nodes} nodes and ${plan.relationships} relationships`);
      const first = await loadItems(driver, readGraphItems(file), { batchSize, ...database });
      log('loading the same graph again');
      const second = await loadItems(driver, readGraphItems(file), { batchSize, ...database });
      if (first.nodes !== plan.nodes || first.relationships !== plan.relationships) throw new Error(`bench: loaded ${first.nodes}/${first.relationships} rows of ${plan.nodes}/${plan.relationships}`);
      return {
        server: server ? 'test launcher' : 'NEO4J_BENCH_URI',
        nodes: plan.nodes,
        relationships: plan.relationships,
        rows: plan.nodes + plan.relationships,
        batchSize,
        rowsPerSecond: first.rowsPerSecond,
        firstLoad: { seconds: first.ms / 1000, rowsPerSecond: first.rowsPerSecond },
        secondLoad: {
          seconds: second.ms / 1000,
          rowsPerSecond: second.rowsPerSecond,
          nodesCreated: second.nodesCreated,
          relationshipsCreated: second.relationshipsCreated,
        },
      };
    } finally {
      await driver.close();
    }
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
