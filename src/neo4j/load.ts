// The Neo4j loader (DESIGN.md, "Neo4j"), in the manner of neo4j-graphrag's kg_writer: schema
// first, then node batches, then relationship batches, one `UNWIND $rows ... MERGE` query per
// label or relationship type, run in managed transactions (executeWrite) so the driver retries
// transient errors. MERGE on the key plus `SET x = row.props` makes a second load of the same
// graph change nothing. Labels and types are interpolated only after checking them against
// ENTITY_TYPES / RELATION_TYPES; every value travels as a parameter.
import { readFile } from 'node:fs/promises';
import type { Driver, Session } from 'neo4j-driver';
import { ENTITY_TYPES, RELATION_TYPES } from '../types.js';
import type { GraphFileItem } from './graph-file.js';
import { LoadPlanner, type EdgeGroup, type GraphExportEdge, type GraphExportNode, type LoadPlan, type NodeGroup, type PlannedRow } from './plan.js';
import { projectPath } from './project-files.js';

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * A streamed batch is also sent once the JSON text of its rows reaches this many characters: one
 * node or edge of a large build can be megabytes (a pairing quoted in 60,000 sentences, a region
 * mentioned by 480,000 articles), and the 113 SUPPORTS edges of the 1 GiB bench-style corpus made
 * one ~800 MB transaction that the server dropped the connection over.
 */
export const DEFAULT_BATCH_CHARS = 4_000_000;

export interface LoadOptions {
  database?: string;
  /** Rows per transaction (default 1000). */
  batchSize?: number;
  /** A streamed batch is sent once its rows' JSON text reaches this many characters (default DEFAULT_BATCH_CHARS). */
  batchChars?: number;
  /** Delete every :Entity and :Article node (and their relationships) before loading. */
  wipe?: boolean;
  /**
   * Called after each batch with the rows written so far and the total; a streamed load (see
   * loadItems) does not know its total and passes undefined.
   */
  onProgress?: (done: number, total: number | undefined) => void;
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

/** "120 of 3000 rows" (or "120 rows" when the total is not known yet). */
export function rowsWritten(done: number, total: number | undefined): string {
  return total === undefined ? `${done} rows` : `${done} of ${total} rows`;
}

/** Thrown when a batch fails: how far the load got, and the driver's error as `cause`. */
export class LoadInterrupted extends Error {
  override name = 'LoadInterrupted';
  constructor(
    readonly done: number,
    readonly total: number | undefined,
    cause: unknown,
  ) {
    super(`load interrupted after ${rowsWritten(done, total)}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
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

function emptyStats(): LoadStats {
  return { nodes: 0, relationships: 0, nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0, propertiesSet: 0, ms: 0, rowsPerSecond: 0 };
}

/**
 * One session's writes: the optional wipe, then batches (one managed transaction each), with
 * Neo4j's counters added up and the time measured from the first batch.
 */
class BatchWriter {
  readonly stats = emptyStats();
  done = 0;
  private started = performance.now();
  private readonly session: Session;

  constructor(
    driver: Driver,
    private readonly options: LoadOptions,
    private readonly total: number | undefined,
  ) {
    this.session = driver.session(options.database ? { database: options.database } : {});
  }

  async wipe(): Promise<void> {
    let deleted: Awaited<ReturnType<typeof wipe>>;
    try {
      deleted = await wipe(this.session);
    } catch (error) {
      throw new LoadInterrupted(this.done, this.total, error);
    }
    this.stats.nodesDeleted += deleted.nodesDeleted;
    this.stats.relationshipsDeleted += deleted.relationshipsDeleted;
    this.started = performance.now(); // rows per second measure the load, not the wipe
  }

  async write(query: string, rows: unknown[]): Promise<void> {
    try {
      const summary = await this.session.executeWrite(async (tx) => (await tx.run(query, { rows })).summary);
      const counters: Counters = summary.counters.updates();
      this.stats.nodesCreated += counters.nodesCreated;
      this.stats.nodesDeleted += counters.nodesDeleted;
      this.stats.relationshipsCreated += counters.relationshipsCreated;
      this.stats.relationshipsDeleted += counters.relationshipsDeleted;
      this.stats.propertiesSet += counters.propertiesSet;
    } catch (error) {
      throw new LoadInterrupted(this.done, this.total, error);
    }
    this.done += rows.length;
    this.options.onProgress?.(this.done, this.total);
  }

  async close(): Promise<LoadStats> {
    await this.session.close().catch(() => undefined);
    this.stats.ms = performance.now() - this.started;
    this.stats.rowsPerSecond = this.stats.ms > 0 ? Math.round((this.done * 1000) / this.stats.ms) : this.done;
    return this.stats;
  }
}

/** Loads a plan (see planLoad) into the database; the schema must exist (applySchema). */
export async function loadPlan(driver: Driver, plan: LoadPlan, options: LoadOptions = {}): Promise<LoadStats> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const writer = new BatchWriter(driver, options, plan.nodes + plan.relationships);
  try {
    if (options.wipe) await writer.wipe();
    const jobs: { query: string; rows: unknown[] }[] = [
      ...plan.nodeGroups.map((g) => ({ query: nodeQuery(g), rows: g.rows })),
      ...plan.edgeGroups.map((g) => ({ query: edgeQuery(g), rows: g.rows })),
    ];
    options.onProgress?.(0, plan.nodes + plan.relationships);
    for (const job of jobs) {
      for (let i = 0; i < job.rows.length; i += batchSize) await writer.write(job.query, job.rows.slice(i, i + batchSize));
    }
  } finally {
    await writer.close();
  }
  return { ...writer.stats, nodes: plan.nodes, relationships: plan.relationships };
}

/**
 * Loads graph.json's nodes and edges as they are read (readGraphItems), holding no more than one
 * batch per node type or relationship group: the streamed form of planLoad + loadPlan, for graphs
 * of any size. Every node is written before any edge (an edge's MATCH needs its endpoints); edges
 * that come before the end of "nodes" (not graphology's order) wait in memory until it.
 */
export async function loadItems(driver: Driver, items: AsyncIterable<GraphFileItem> | Iterable<GraphFileItem>, options: LoadOptions = {}): Promise<LoadStats & { problems: string[]; skipped: number }> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const planner = new LoadPlanner();
  const writer = new BatchWriter(driver, options, undefined);
  const batchChars = Math.max(1, options.batchChars ?? DEFAULT_BATCH_CHARS);
  type Batch = { query: string; rows: unknown[]; chars: number; edges: boolean };
  const pending = new Map<string, Batch>();
  let nodes = 0;
  let relationships = 0;
  let nodesEnded = false;
  let waitingEdges: { edge: GraphExportEdge; chars: number }[] = [];
  const send = async (batch: Batch) => {
    await writer.write(batch.query, batch.rows);
    batch.rows = [];
    batch.chars = 0;
  };
  const flush = async (edges: boolean) => {
    for (const batch of pending.values()) if (batch.edges === edges && batch.rows.length > 0) await send(batch);
  };
  const add = async (planned: PlannedRow | undefined, chars: number) => {
    if (!planned) return;
    const id = `${planned.kind}|${planned.groupKey}`;
    let batch = pending.get(id);
    if (!batch) {
      const query = planned.kind === 'node' ? nodeQuery(planned.group) : edgeQuery(planned.group);
      pending.set(id, (batch = { query, rows: [], chars: 0, edges: planned.kind === 'edge' }));
    }
    batch.rows.push(planned.row);
    if (planned.kind === 'node') nodes++;
    else relationships++;
    batch.chars += chars;
    if (batch.rows.length >= batchSize || batch.chars >= batchChars) await send(batch);
  };
  const endNodes = async () => {
    nodesEnded = true;
    await flush(false);
    for (const { edge, chars } of waitingEdges) await add(planner.edge(edge), chars);
    waitingEdges = [];
  };
  try {
    if (options.wipe) await writer.wipe();
    options.onProgress?.(0, undefined);
    for await (const item of items) {
      if ('end' in item) {
        if (item.section === 'nodes') await endNodes();
      } else if (item.section === 'nodes') await add(planner.node(item.value as GraphExportNode), item.chars);
      else if (nodesEnded) await add(planner.edge(item.value as GraphExportEdge), item.chars);
      else waitingEdges.push({ edge: item.value as GraphExportEdge, chars: item.chars });
    }
    if (!nodesEnded) await endNodes(); // (which writes the last node batches)
    await flush(true);
  } finally {
    await writer.close();
  }
  return { ...writer.stats, nodes, relationships, problems: planner.problems, skipped: planner.skipped };
}

/** A graphology export held in memory, as the items readGraphItems gives for a file. */
export function* exportItems(graph: { nodes: GraphExportNode[]; edges: GraphExportEdge[] }): Generator<GraphFileItem> {
  let index = 0;
  for (const value of graph.nodes) yield { section: 'nodes', value, index: index++, chars: 0 };
  yield { section: 'nodes', end: true };
  index = 0;
  for (const value of graph.edges) yield { section: 'edges', value, index: index++, chars: 0 };
  yield { section: 'edges', end: true };
}
