// The Neo4j loader (DESIGN.md, "Neo4j"), in the manner of neo4j-graphrag's kg_writer: schema
// first, then node batches, then relationship batches, one `UNWIND $rows ... MERGE` query per
// label or relationship type, run in managed transactions (executeWrite) so the driver retries
// transient errors. MERGE on the key plus `SET x = row.props` makes a second load of the same
// graph change nothing. Labels and types are interpolated only after checking them against
// ENTITY_TYPES / RELATION_TYPES; every value travels as a parameter.
import { readFile } from 'node:fs/promises';
import type { Driver, Session } from 'neo4j-driver';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import type { EdgeGroup, LoadPlan, NodeGroup } from './plan.js';
import { projectPath } from './project-files.js';

export const DEFAULT_BATCH_SIZE = 1000;

export interface LoadOptions {
  database?: string;
  /** Rows per transaction (default 1000). */
  batchSize?: number;
  /** Delete every :Entity and :Article node (and their relationships) before loading. */
  wipe?: boolean;
  /** Called after each batch with rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadStats {
  nodes: number; // rows loaded (= nodes in graph.json that have a known type)
  relationships: number;
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  ms: number; // loading time, without the wipe
  rowsPerSecond: number;
}

/** Thrown when a batch fails: how far the load got, and the driver's error as `cause`. */
export class LoadInterrupted extends Error {
  override name = 'LoadInterrupted';
  constructor(
    readonly done: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(`load interrupted after ${done} of ${total} rows: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** Statements of cypher/schema.cypher: `//` comment lines dropped, split at a ';' that ends a line. */
export async function readSchemaStatements(path = projectPath('cypher', 'schema.cypher')): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Creates the constraints and indexes (idempotent) and waits until they are online. */
export async function applySchema(driver: Driver, database?: string): Promise<void> {
  const statements = await readSchemaStatements();
  const session = driver.session(database ? { database } : {});
  try {
    // Schema commands cannot share a transaction with writes: one auto-commit each.
    for (const statement of statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const RELATION_TYPE_SET = new Set<string>(RELATION_TYPES);
const NODE_LABELS = new Set(['Entity', 'Article']);

function checked(name: string, allowed: Set<string>): string {
  // Labels and types are spliced into the query text: only names from the fixed lists pass.
  if (!allowed.has(name) || !/^[A-Za-z_]+$/.test(name)) throw new Error(`src/neo4j/load.ts: refusing label or type ${JSON.stringify(name)}`);
  return name;
}

export function nodeQuery(group: Pick<NodeGroup, 'type' | 'label'>): string {
  const type = checked(group.type, ENTITY_TYPE_SET);
  if (group.label === 'Article') return 'UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n = row.props';
  return `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:${type}`;
}

export function edgeQuery(group: Pick<EdgeGroup, 'type' | 'sourceLabel' | 'targetLabel'>): string {
  const type = checked(group.type, RELATION_TYPE_SET);
  const source = checked(group.sourceLabel, NODE_LABELS);
  const target = checked(group.targetLabel, NODE_LABELS);
  return (
    `UNWIND $rows AS row ` +
    `MATCH (s:${source} {id: row.source}) MATCH (t:${target} {id: row.target}) ` +
    `MERGE (s)-[r:${type} {key: row.key}]->(t) SET r = row.props`
  );
}

interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** Deletes the nodes a load creates (:Entity, :Article) and their relationships, in chunks. */
export async function wipe(session: Session): Promise<{ nodesDeleted: number; relationshipsDeleted: number }> {
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction (session.run), not executeWrite.
  const result = await session.run('MATCH (n) WHERE n:Entity OR n:Article CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  const updates = result.summary.counters.updates();
  return { nodesDeleted: updates.nodesDeleted, relationshipsDeleted: updates.relationshipsDeleted };
}

/** Loads a plan (see planLoad) into the database; the schema must exist (applySchema). */
export async function loadPlan(driver: Driver, plan: LoadPlan, options: LoadOptions = {}): Promise<LoadStats> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let started = performance.now();
  const total = plan.nodes + plan.relationships;
  const stats: LoadStats = {
    nodes: plan.nodes,
    relationships: plan.relationships,
    nodesCreated: 0,
    relationshipsCreated: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    ms: 0,
    rowsPerSecond: 0,
  };
  const add = (counters: Counters) => {
    stats.nodesCreated += counters.nodesCreated;
    stats.nodesDeleted += counters.nodesDeleted;
    stats.relationshipsCreated += counters.relationshipsCreated;
    stats.relationshipsDeleted += counters.relationshipsDeleted;
    stats.propertiesSet += counters.propertiesSet;
  };

  const session = driver.session(options.database ? { database: options.database } : {});
  let done = 0;
  try {
    if (options.wipe) {
      const deleted = await wipe(session);
      stats.nodesDeleted += deleted.nodesDeleted;
      stats.relationshipsDeleted += deleted.relationshipsDeleted;
      started = performance.now(); // rows per second measure the load, not the wipe
    }
    const jobs: { query: string; rows: unknown[] }[] = [
      ...plan.nodeGroups.map((g) => ({ query: nodeQuery(g), rows: g.rows })),
      ...plan.edgeGroups.map((g) => ({ query: edgeQuery(g), rows: g.rows })),
    ];
    options.onProgress?.(0, total);
    for (const job of jobs) {
      for (let i = 0; i < job.rows.length; i += batchSize) {
        const rows = job.rows.slice(i, i + batchSize);
        const summary = await session.executeWrite(async (tx) => (await tx.run(job.query, { rows })).summary);
        add(summary.counters.updates());
        done += rows.length;
        options.onProgress?.(done, total);
      }
    }
  } catch (error) {
    throw new LoadInterrupted(done, total, error);
  } finally {
    await session.close().catch(() => undefined);
  }
  stats.ms = performance.now() - started;
  stats.rowsPerSecond = stats.ms > 0 ? Math.round((total * 1000) / stats.ms) : total;
  return stats;
}
