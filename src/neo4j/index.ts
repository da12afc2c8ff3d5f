// The Neo4j side of yuanjiang-kg as a library: what `yjkg load` and `yjkg query` call.
import { connect, explainError, Neo4jProblem, resolveConnection, type ConnectionOptions, type ResolvedConnection } from './connection.js';
import { GraphFileError, graphFileSize, readGraphItems } from './graph-file.js';
import { applySchema, exportItems, LoadInterrupted, loadItems, rowsWritten, type LoadOptions, type LoadStats } from './load.js';
import { checkGraphExport, type GraphExport } from './plan.js';

export * from './connection.js';
export * from './graph-file.js';
export * from './load.js';
export * from './plan.js';
export * from './query.js';

export interface LoadGraphResult extends LoadStats {
  connection: ResolvedConnection;
  /** What was skipped and why (the first MAX_PROBLEM_LINES lines). */
  problems: string[];
  /** How many nodes and edges were skipped. */
  skipped: number;
}

export interface LoadGraphOptions extends Omit<LoadOptions, 'database'> {
  /** How much of graph.json has been read (bytes), when `graph` is a path. */
  onBytes?: (read: number, total: number) => void;
}

/**
 * Connects (failing early with a clear Neo4jProblem), creates the schema, then loads `graph`
 * (a graphology export, or the path of graph.json, which is streamed: any size loads in
 * bounded memory).
 */
export async function loadGraph(graph: GraphExport | string, connectionOptions: ConnectionOptions = {}, options: LoadGraphOptions = {}): Promise<LoadGraphResult> {
  const { onBytes, onProgress, ...loadOptions } = options;
  // a missing graph file fails before any connection is made
  if (typeof graph === 'string') {
    await graphFileSize(graph).catch((error: GraphFileError) => Promise.reject(new Neo4jProblem(error.message, 'input', { cause: error })));
  }
  // how far the load got, for the messages when it stops part-way
  let written = 0;
  let readPercent: number | undefined;
  const items =
    typeof graph === 'string'
      ? readGraphItems(graph, (read, total) => {
          readPercent = total > 0 ? Math.floor((100 * read) / total) : 100;
          onBytes?.(read, total);
        })
      : exportItems(checkGraphExport(graph));
  const connection = resolveConnection(connectionOptions);
  const driver = await connect(connection);
  try {
    try {
      await applySchema(driver, connection.database);
    } catch (error) {
      throw explainError(error, connection, 'while creating the schema');
    }
    try {
      const stats = await loadItems(driver, items, {
        ...loadOptions,
        onProgress: (done, total) => {
          written = done;
          onProgress?.(done, total);
        },
        ...(connection.database ? { database: connection.database } : {}),
      });
      return { ...stats, connection };
    } catch (error) {
      if (error instanceof LoadInterrupted) {
        const read = readPercent === undefined ? '' : `, ${readPercent}% of the file read`;
        throw explainError(error.cause, connection, `during the load (${rowsWritten(error.done, error.total)} written${read})`);
      }
      if (error instanceof GraphFileError) {
        // found part-way through a streamed file: what was read before it is in the database
        const loaded = written > 0 ? `; the ${written} rows before it were loaded, and loading again once the file is fixed is safe` : '';
        throw new Neo4jProblem(`${error.message}${loaded}`, 'input', { cause: error });
      }
      throw explainError(error, connection);
    }
  } finally {
    await driver.close().catch(() => undefined);
  }
}
