// Clear failures of yjkg load / yjkg query (server down, wrong password, unknown database) and
// a server that dies in the middle of a load. These need a server of their own (auth on, a store
// that survives a restart), so this file starts one on the spare port from global-setup.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticGraph } from '../../src/neo4j/bench.js';
import { planLoad } from '../../src/neo4j/plan.js';
import { startTestServer, type TestServer } from '../../src/neo4j/test-server.js';
import { counts, expectGraphInDatabase, FIXTURE, QUERIES, runCli } from './helpers.js';

const PASSWORD = 'right-password-42';
const port = inject('neo4jSparePort');
const uri = `bolt://127.0.0.1:${port}`;
const nobody = `bolt://127.0.0.1:${port + 1}`; // nothing listens there
let dataDir: string;
let server: TestServer | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'yjkg-neo4j-data-'));
  server = await startTestServer({ port, password: PASSWORD, dataDir });
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
};

describe('clear failures, exit code 2', () => {
  it('server down: says where it looked and how to start one', async () => {
    const run = await runCli(['load', '--graph', FIXTURE, '--uri', nobody]);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toBe(
      `yjkg load: cannot reach Neo4j at ${nobody} (connect ECONNREFUSED 127.0.0.1:${port + 1}); start it with \`docker compose up -d\` or point --uri / NEO4J_URI at a running server\n`,
    );
    expect(run.stdout).toBe('');
  });

  it('--verbose adds the stack trace', async () => {
    const run = await runCli(['load', '--graph', FIXTURE, '--uri', nobody, '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^\s+at /m);
  });

  it('wrong password: names the user and where the password comes from', async () => {
    const run = await runCli(['load', '--graph', FIXTURE, '--uri', uri, '--password', 'wrong-password']);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^yjkg load: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ refused user 'neo4j': wrong user name or password; pass --user\/--password or set NEO4J_USER\/NEO4J_PASSWORD/);
  });

  it('wrong password from the environment (NEO4J_PASSWORD) is explained the same way', async () => {
    const run = await runCli(['load', '--graph', FIXTURE], { NEO4J_URI: uri, NEO4J_PASSWORD: 'also-wrong' });
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toContain("refused user 'neo4j'");
  });

  it('unknown database: says Community has only neo4j', async () => {
    const run = await runCli(['load', '--graph', FIXTURE, '--uri', uri, '--password', PASSWORD, '--database', 'nosuchdb']);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toBe(`yjkg load: Neo4j at ${uri} has no database 'nosuchdb'; Community edition has only 'neo4j': pass --database neo4j or leave it out\n`);
  });

  it('yjkg query explains the same failures', async () => {
    const file = join(QUERIES, 'search-names.cypher');
    const down = await runCli(['query', file, '--param', 'text=x', '--uri', nobody]);
    expect(down.code).toBe(2);
    oneLine(down.stderr);
    expect(down.stderr).toMatch(/^yjkg query: cannot reach Neo4j at /);
    const auth = await runCli(['query', file, '--param', 'text=x', '--uri', uri, '--password', 'nope']);
    expect(auth.code).toBe(2);
    expect(auth.stderr).toMatch(/^yjkg query: .* refused user 'neo4j'/);
  });

  it('a bad URI is a one-line usage error', async () => {
    const run = await runCli(['load', '--graph', FIXTURE, '--uri', 'http://localhost:7474']);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/^yjkg load: cannot use Neo4j URI 'http:\/\/localhost:7474'/);
  });
});

describe('server stopped in the middle of a load', () => {
  it('fails with a clear error; after a restart the same command completes with exactly the right counts', async () => {
    const graph = syntheticGraph({ relationships: 30_000, seed: 7 });
    const plan = planLoad(graph);
    const dir = mkdtempSync(join(tmpdir(), 'yjkg-neo4j-'));
    const file = join(dir, 'graph.json');
    writeFileSync(file, JSON.stringify(graph));
    const command = ['load', '--graph', file, '--uri', uri, '--password', PASSWORD, '--batch-size', '100', '--max-retry-time', '2'];

    // Watch the database from outside and kill the server once relationships are being written.
    const watcher = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD));
    const running = runCli(command);
    let seen = 0;
    for (let i = 0; i < 1200 && seen === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const result = await watcher.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c').catch(() => undefined);
      seen = result ? result.records[0]!.get('c').toNumber() : 0;
    }
    await watcher.close();
    expect(seen).toBeGreaterThan(0);
    await server!.kill();
    server = undefined;

    const failed = await running;
    expect(failed.code).toBe(2);
    oneLine(failed.stderr);
    const match = /^yjkg load: lost the connection to Neo4j at (\S+) during the load \((\d+) rows written, (\d+)% of the file read\) \(.*\); start the server again and rerun the same command: loading is idempotent\n$/.exec(
      failed.stderr,
    );
    expect(match, failed.stderr).not.toBeNull();
    expect(Number(match![2])).toBeGreaterThan(0);
    expect(Number(match![2])).toBeLessThan(plan.nodes + plan.relationships);
    expect(Number(match![3])).toBeLessThanOrEqual(100);

    server = await startTestServer({ port, password: PASSWORD, dataDir });
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD));
    try {
      const partial = await counts(driver);
      expect(partial.relationships).toBeGreaterThan(0); // what was committed before the crash survived
      expect(partial.relationships).toBeLessThan(plan.relationships);

      const resumed = await runCli(command);
      expect(resumed.stderr).toBe('');
      expect(resumed.code).toBe(0);
      expect(await counts(driver)).toEqual({ nodes: plan.nodes, relationships: plan.relationships });
      expect(await expectGraphInDatabase(driver, graph)).toEqual([]);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
