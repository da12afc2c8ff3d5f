// Connecting to Neo4j and turning the driver's errors into one line that says what is wrong
// and how to fix it (server down, wrong password, unknown database).
//
// neo4j-driver 6.x (the current line) rather than 5.28: it speaks Bolt 5.x to Neo4j 5.26 LTS
// (docker-compose.yml, the tests) and to 2025.x alike, so upgrading the server later needs no
// client change; both load on Node 20.
import neo4j, { type Driver } from 'neo4j-driver';

/** Defaults match docker-compose.yml and .env.example. */
export const DEFAULT_URI = 'bolt://localhost:7687';
export const DEFAULT_USER = 'neo4j';
export const DEFAULT_PASSWORD = 'yuanjiang-kg';

export interface ConnectionOptions {
  uri?: string;
  user?: string;
  password?: string;
  /** Undefined: the server's default database (neo4j). */
  database?: string;
  /** How long managed transactions keep retrying transient errors, in ms (driver default 30 s). */
  maxRetryTimeMs?: number;
}

export interface ResolvedConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
  maxRetryTimeMs: number;
}

/** Flags win over NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, which win over the defaults. */
export function resolveConnection(options: ConnectionOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
  const database = options.database ?? (env.NEO4J_DATABASE || undefined);
  return {
    uri: options.uri ?? (env.NEO4J_URI || DEFAULT_URI),
    user: options.user ?? (env.NEO4J_USER || DEFAULT_USER),
    password: options.password ?? (env.NEO4J_PASSWORD || DEFAULT_PASSWORD),
    ...(database ? { database } : {}),
    maxRetryTimeMs: options.maxRetryTimeMs ?? 30_000,
  };
}

/** A failure the user can fix (connection, credentials, database, query text): one line, exit code 2. */
export class Neo4jProblem extends Error {
  override name = 'Neo4jProblem';
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'auth' | 'database' | 'query' | 'input',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function createDriver(connection: ResolvedConnection): Driver {
  let driver: Driver;
  try {
    driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      maxTransactionRetryTime: connection.maxRetryTimeMs,
      connectionTimeout: 15_000,
      userAgent: 'yuanjiang-kg',
      // Logs nothing: failures come back as errors and are explained by explainError.
    });
  } catch (error) {
    // e.g. an unknown URI scheme or a malformed address
    throw new Neo4jProblem(
      `cannot use Neo4j URI '${connection.uri}': ${firstLine(error)}; expected e.g. bolt://localhost:7687 or neo4j://host:7687`,
      'input',
      { cause: error },
    );
  }
  return driver;
}

/**
 * Opens a driver and proves it can run a query in the chosen database, so that a wrong
 * address, password or database name fails before any work with a clear message.
 */
export async function connect(connection: ResolvedConnection): Promise<Driver> {
  if (connection.database?.toLowerCase() === 'system') {
    throw new Neo4jProblem(`database 'system' holds users and settings, not graphs: pass --database neo4j or leave it out`, 'database');
  }
  const driver = createDriver(connection);
  // An auto-commit query (session.run), not a managed transaction: a server that is down
  // should fail now, not after maxTransactionRetryTime of retries.
  const session = driver.session(connection.database ? { database: connection.database } : {});
  try {
    await session.run('RETURN 1 AS ok');
    return driver;
  } catch (error) {
    await session.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
    throw explainError(error, connection);
  } finally {
    await session.close().catch(() => undefined);
  }
}

interface DriverError {
  code?: string;
  message?: string;
}

/** Maps a driver error to a Neo4jProblem with a message that says how to fix it. */
export function explainError(error: unknown, connection: ResolvedConnection, during?: string): Error {
  if (error instanceof Neo4jProblem) return error;
  const { code = '', message = '' } = (error ?? {}) as DriverError;
  const where = `Neo4j at ${connection.uri}`;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    const reason = /Caused by: (.*)$/m.exec(message)?.[1] ?? firstLine(error);
    if (during) {
      return new Neo4jProblem(
        `lost the connection to ${where} ${during} (${reason}); start the server again and rerun the same command: loading is idempotent`,
        'unavailable',
        { cause: error },
      );
    }
    return new Neo4jProblem(
      `cannot reach ${where} (${reason}); start it with \`docker compose up -d\` or point --uri / NEO4J_URI at a running server`,
      'unavailable',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new Neo4jProblem(
      `${where} refused user '${connection.user}': wrong user name or password; pass --user/--password or set NEO4J_USER/NEO4J_PASSWORD (docker-compose.yml uses NEO4J_PASSWORD from .env, default '${DEFAULT_PASSWORD}')`,
      'auth',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new Neo4jProblem(
      `${where}: the password of '${connection.user}' must be changed before use; change it in the Neo4j browser (http://localhost:7474) and pass the new one with --password`,
      'auth',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jProblem(
      `${where} has no database '${connection.database ?? '(default)'}'; Community edition has only 'neo4j': pass --database neo4j or leave it out`,
      'database',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseUnavailable') {
    return new Neo4jProblem(`database '${connection.database ?? 'neo4j'}' on ${where} is not online; start it (START DATABASE) and retry`, 'database', {
      cause: error,
    });
  }
  if (code.startsWith('Neo.ClientError.')) {
    // Syntax, semantic or procedure errors: the query (or a parameter) is at fault, not the connection.
    const hint = /ParseException/.test(message) ? ' (full-text search uses Lucene syntax: escape ( ) : [ ] with \\ or quote the text)' : '';
    return new Neo4jProblem(`${where} rejected the query: ${firstLine(error)}${hint}`, 'query', { cause: error });
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/.test(message)) {
    return new Neo4jProblem(`cannot reach ${where} (${firstLine(error)}); check --uri / NEO4J_URI`, 'unavailable', { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]!.trim();
}
