// The Neo4j side of yuanjiang-kg as a library: what `yjkg load` and `yjkg query` call.
import { connect, explainError, resolveConnection, type ConnectionOptions, type ResolvedConnection } from './connection.js';
import { applySchema, LoadInterrupted, loadPlan, type LoadOptions, type LoadStats } from './load.js';
import { planLoad, readGraphFile, type GraphExport, type LoadPlan } from './plan.js';

export * from './connection.js';
export * from './load.js';
export * from './plan.js';
export * from './query.js';

export interface LoadGraphResult extends LoadStats {
  connection: ResolvedConnection;
  problems: string[];
}

/**
 * Connects (failing early with a clear Neo4jProblem), creates the schema, then loads `graph`
 * (a graphology export, or the path of graph.json).
 */
export async function loadGraph(
  graph: GraphExport | string,
  connectionOptions: ConnectionOptions = {},
  options: Omit<LoadOptions, 'database'> = {},
): Promise<LoadGraphResult> {
  const data = typeof graph === 'string' ? await readGraphFile(graph) : graph;
  const plan: LoadPlan = planLoad(data);
  const connection = resolveConnection(connectionOptions);
  const driver = await connect(connection);
  try {
    try {
      await applySchema(driver, connection.database);
    } catch (error) {
      throw explainError(error, connection, 'while creating the schema');
    }
    try {
      const stats = await loadPlan(driver, plan, { ...options, ...(connection.database ? { database: connection.database } : {}) });
      return { ...stats, connection, problems: plan.problems };
    } catch (error) {
      if (error instanceof LoadInterrupted) {
        throw explainError(error.cause, connection, `during the load (${error.done} of ${error.total} rows written)`);
      }
      throw explainError(error, connection);
    }
  } finally {
    await driver.close().catch(() => undefined);
  }
}
