// vitest globalSetup of the 'neo4j' project: one real Neo4j 5.26 for the whole run.
// NEO4J_URI set in the environment means "use that server instead" (with NEO4J_USER /
// NEO4J_PASSWORD). Otherwise test/neo4j/Launcher.java is built with Maven (cached in ~/.m2 after
// the first run) and started on a fixed loopback port (NEO4J_TEST_PORT, default 7697), and
// stopped afterwards. A server that does not start fails the run: these tests are never skipped.
import type { TestProject } from 'vitest/node';
import neo4j from 'neo4j-driver';
import { startTestServer, type TestServer } from '../../src/neo4j/test-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** A free port for tests that start their own server (stop/restart, auth). */
    neo4jSparePort: number;
  }
}

export const DEFAULT_TEST_PORT = 7697;

async function waitForBolt(uri: string, user: string, password: string, timeoutMs: number): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`Neo4j at ${uri} does not answer on Bolt: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await driver.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = Number(process.env.NEO4J_TEST_PORT || DEFAULT_TEST_PORT);
  project.provide('neo4jSparePort', port + 1);
  let server: TestServer | undefined;
  let uri = process.env.NEO4J_URI;
  const user = process.env.NEO4J_USER || 'neo4j';
  const password = process.env.NEO4J_PASSWORD || 'unused-auth-is-off';
  if (!uri) {
    server = await startTestServer({ port });
    uri = server.uri;
  }
  try {
    await waitForBolt(uri, user, password, 60_000);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  return async () => {
    await server?.stop();
  };
}
