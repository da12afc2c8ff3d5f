// `yjkg query FILE.cypher --param key=value ...`: runs one named query file (cypher/queries/)
// and prints a table, or JSON with --json. The work is src/neo4j/query.ts.
import type { Command } from 'commander';
import {
  bindParams,
  connect,
  DEFAULT_URI,
  explainError,
  formatTable,
  Neo4jProblem,
  readQueryFile,
  resolveConnection,
  runQuery,
} from '../neo4j/index.js';

export interface QueryCommandOptions {
  param: string[];
  json: boolean;
  width: string;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  verbose: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function register(program: Command): void {
  program
    .command('query')
    .description('run a named Cypher query file (see cypher/queries/) against Neo4j and print the rows')
    .argument('<file>', '[path] the .cypher file; its header comment lists what it answers and its @param lines')
    .option('-p, --param <key=value>', '[string] a query parameter, typed as the file declares it; repeat for more', collect, [])
    .option('--json', '[boolean] print the rows as a JSON array instead of a table', false)
    .option('--width <n>', '[number] cut table cells at this many columns, 0 for never', '60')
    .option('--uri <uri>', `[string] Bolt URI of the server (default: $NEO4J_URI or ${DEFAULT_URI})`)
    .option('--user <name>', '[string] user name (default: $NEO4J_USER or neo4j)')
    .option('--password <password>', '[string] password (default: $NEO4J_PASSWORD or the docker-compose.yml default)')
    .option('--database <name>', "[string] database (default: $NEO4J_DATABASE or the server's default, neo4j)")
    .option('--verbose', '[boolean] print the stack trace of an error', false)
    .addHelpText(
      'after',
      '\nExit codes: 0 ran (even with no rows), 2 bad arguments, unreadable query, Cypher error, or Neo4j unreachable.\n' +
        "\nExample: yjkg query cypher/queries/who-supports-region.cypher --param region=昌吉回族自治州",
    )
    .action(async (file: string, options: QueryCommandOptions) => {
      process.exitCode = await runQueryCommand(file, options);
    });
}

export async function runQueryCommand(file: string, options: QueryCommandOptions): Promise<number> {
  try {
    const width = Number(options.width);
    if (!Number.isInteger(width) || width < 0) throw new Neo4jProblem(`--width must be a whole number ≥ 0 (got ${options.width})`, 'input');
    const query = await readQueryFile(file);
    const params = bindParams(query, options.param);
    const connection = resolveConnection({
      ...(options.uri !== undefined ? { uri: options.uri } : {}),
      ...(options.user !== undefined ? { user: options.user } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.database !== undefined ? { database: options.database } : {}),
    });
    const driver = await connect(connection);
    try {
      const result = await runQuery(driver, query.text, params, connection.database).catch((error: unknown) => {
        throw explainError(error, connection);
      });
      process.stdout.write((options.json ? JSON.stringify(result.rows, null, 2) : formatTable(result, width)) + '\n');
      return 0;
    } finally {
      await driver.close().catch(() => undefined);
    }
  } catch (error) {
    const message = error instanceof Neo4jProblem ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`yjkg query: ${message}\n`);
    if (options.verbose) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    else if (!(error instanceof Neo4jProblem)) process.stderr.write('yjkg query: run again with --verbose for the stack trace\n');
    return 2;
  }
}
