// yjkg load and the query library on a small hand-written graph (test/neo4j/fixtures/small-graph.json:
// made-up people and projects, two hostile names), against the real Neo4j of this run.
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadGraph } from '../../src/neo4j/index.js';
import {
  counts,
  databaseCountsByType,
  dump,
  expectGraphInDatabase,
  FIXTURE,
  graphCounts,
  QUERIES,
  queryRows,
  readGraph,
  rows,
  runCli,
  serverArgs,
  sharedDriver,
} from './helpers.js';

const EVIL_ONE = "'}) DETACH DELETE n //";
const EVIL_TWO = '`x`"y"\'z\'\\ MATCH (m) DETACH DELETE m 合作社';

let driver: Driver;
const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yjkg-neo4j-'));
  tempDirs.push(dir);
  return dir;
};
const graph = readGraph(FIXTURE);

beforeAll(async () => {
  driver = sharedDriver();
  const run = await runCli(['load', '--graph', FIXTURE, '--wipe', ...serverArgs()]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

afterAll(async () => {
  await driver?.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('yjkg load (fixture)', () => {
  it('loads every node and relationship of graph.json with its labels and properties', async () => {
    expect(await counts(driver)).toEqual({ nodes: graph.nodes.length, relationships: graph.edges.length });
    expect(await databaseCountsByType(driver)).toEqual(graphCounts(graph));
    expect(await expectGraphInDatabase(driver, graph)).toEqual([]);
  });

  it('keeps the evidence of a relationship as parallel lists and integer offsets', async () => {
    const [row] = await rows(
      driver,
      "MATCH (:Entity {id: 'Province:江苏省'})-[r:SUPPORTS]->(:Entity {id: 'Prefecture:克孜勒苏柯尔克孜自治州'}) RETURN r.evidence_articles AS a, r.evidence_starts AS s, r.since AS since, r.weight AS w, r.confidence AS c",
    );
    expect(row).toEqual({ a: ['fixture/news-a.txt#0', 'fixture/news-a.txt#1'], s: [10, 5], since: 2010, w: 2, c: 0.95 });
    const [types] = await rows(
      driver,
      "MATCH ()-[r:SUPPORTS]->() WITH r LIMIT 1 RETURN valueType(r.weight) AS weight, valueType(r.evidence_starts) AS starts, valueType(r.confidence) AS confidence",
    );
    expect(types).toEqual({ weight: 'INTEGER NOT NULL', starts: 'LIST<INTEGER NOT NULL> NOT NULL', confidence: 'FLOAT NOT NULL' });
  });

  it('keeps two HOLDS_POSITION edges between the same pair apart by title', async () => {
    const titles = await rows(driver, "MATCH (:Person {name: '王小明'})-[h:HOLDS_POSITION]->() RETURN h.title AS title ORDER BY title");
    expect(titles.map((r) => r.title)).toEqual(['党委书记', '总指挥']);
  });

  it('creates the schema: unique Entity.id and Article.id, a full-text index over names and aliases', async () => {
    const constraints = await rows(driver, 'SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, properties[0] AS p, type ORDER BY label');
    expect(constraints).toEqual([
      { label: 'Article', p: 'id', type: 'UNIQUENESS' },
      { label: 'Entity', p: 'id', type: 'UNIQUENESS' },
    ]);
    const [fulltext] = await rows(driver, "SHOW FULLTEXT INDEXES YIELD name, properties, state WHERE name = 'entity_names' RETURN properties, state");
    expect(fulltext).toEqual({ properties: ['name', 'aliases'], state: 'ONLINE' });
  });

  it('stores hostile names verbatim and deletes nothing', async () => {
    const found = await rows(driver, 'MATCH (n:Organization) WHERE n.name IN $names RETURN n.name AS name, n.aliases AS aliases ORDER BY name', {
      names: [EVIL_ONE, EVIL_TWO],
    });
    expect(found).toEqual([
      { name: EVIL_ONE, aliases: [] },
      { name: EVIL_TWO, aliases: ["a'b", 'c`d'] },
    ]);
    const [evidence] = await rows(driver, 'MATCH (a {name: $name})-[r:COOPERATES_WITH]->(b) RETURN b.name AS b, r.evidence_sentences AS s', { name: EVIL_ONE });
    expect(evidence).toEqual({ b: EVIL_TWO, s: ["带'引号\"和`反引号`的句子。"] });
    expect(await counts(driver)).toEqual({ nodes: graph.nodes.length, relationships: graph.edges.length });
  });

  it('a second load of the same graph changes nothing', async () => {
    const before = await dump(driver);
    const run = await runCli(['load', '--graph', FIXTURE, ...serverArgs()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/18 nodes \(0 new\), 38 relationships \(0 new\) in [\d.]+ s, [\d,]+ rows\/s\n$/);
    expect(await dump(driver)).toBe(before);
  });

  it('streams graph.json in any JSON layout (pretty-printed, edges before nodes) to the same database', async () => {
    const before = await dump(driver);
    const dir = tempDir();
    const file = join(dir, 'reordered.json');
    writeFileSync(file, JSON.stringify({ edges: graph.edges, attributes: graph.attributes, nodes: graph.nodes, options: graph.options }, null, 2));
    const run = await runCli(['load', '--graph', file, '--wipe', '--batch-size', '3', ...serverArgs()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/18 nodes \(18 new\), 38 relationships \(38 new\); wiped 18 nodes first/);
    expect(await dump(driver)).toBe(before);
  });

  it('loads a graph.json longer than the longest string V8 can hold (streamed, not read whole)', async () => {
    const before = await dump(driver);
    const dir = tempDir();
    const file = join(dir, 'padded.json');
    // The fixture with 540 MiB of JSON whitespace between its nodes: more characters than a
    // string may have (2^29 - 24), as a real graph.json of a corpus over ~130 MiB does.
    const text = JSON.stringify(graph);
    const at = text.indexOf('"nodes":[') + '"nodes":['.length;
    const fd = openSync(file, 'w');
    writeSync(fd, text.slice(0, at));
    const spaces = Buffer.alloc(1 << 20, ' ');
    for (let i = 0; i < 540; i++) writeSync(fd, spaces);
    writeSync(fd, text.slice(at));
    closeSync(fd);
    const run = await runCli(['load', '--graph', file, ...serverArgs()]);
    rmSync(file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/18 nodes \(0 new\), 38 relationships \(0 new\)/);
    expect(await dump(driver)).toBe(before);
  });

  it('sends a streamed batch once its rows reach the character budget, not only the row count', async () => {
    const before = await dump(driver);
    const connection = { uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
    const batches = async (batchChars?: number) => {
      let calls = -1; // (one call before the first batch)
      await loadGraph(FIXTURE, connection, { batchSize: 1000, ...(batchChars ? { batchChars } : {}), onProgress: () => calls++ });
      return calls;
    };
    // by rows alone: one batch per node type and per relationship group
    const byRows = await batches();
    expect(byRows).toBeLessThan(20);
    // a budget smaller than any row: every node and edge is a transaction of its own
    expect(await batches(1)).toBe(graph.nodes.length + graph.edges.length);
    expect(await batches(2000)).toBeGreaterThan(byRows);
    expect(await dump(driver)).toBe(before);
  });

  it('a graph.json broken part-way fails with one line naming the file and the element, exit 2', async () => {
    const before = await dump(driver);
    const dir = tempDir();
    const file = join(dir, 'broken-edge.json');
    const text = JSON.stringify(graph);
    const at = text.indexOf('"edges":[') + '"edges":['.length;
    writeFileSync(file, `${text.slice(0, at)}{"key": nope},${text.slice(at)}`);
    const run = await runCli(['load', '--graph', file, ...serverArgs()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^yjkg load: graph .*broken-edge\.json is not valid JSON: .*\(in edges element 0\) at character \d+[^\n]*\n$/);
    expect(await dump(driver)).toBe(before);
  });

  it('skips nodes and edges of unknown types, names them, loads the rest, exits 1', async () => {
    const dir = tempDir();
    const bad = {
      ...graph,
      nodes: [...graph.nodes, { key: 'Spaceship:X', attributes: { label: 'X', type: 'Spaceship' } }],
      edges: [
        ...graph.edges,
        { key: 'RULES|a|b', source: 'Province:江苏省', target: 'Province:湖南省', attributes: { type: 'RULES`]->(x) DETACH DELETE x //', evidence: [] } },
        { key: 'SUPPORTS|Province:江苏省|Spaceship:X', source: 'Province:江苏省', target: 'Spaceship:X', attributes: { type: 'SUPPORTS', evidence: [] } },
      ],
    };
    const file = join(dir, 'graph.json');
    writeFileSync(file, JSON.stringify(bad));
    const run = await runCli(['load', '--graph', file, ...serverArgs()]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('node "Spaceship:X" skipped: type "Spaceship" is not one of Person');
    expect(lines[1]).toContain('edge "RULES|a|b" skipped: type');
    expect(lines[2]).toContain('endpoint "Spaceship:X" is not a loaded node');
    expect(await counts(driver)).toEqual({ nodes: graph.nodes.length, relationships: graph.edges.length });
  });

  it('says which file is unreadable or not a graph, exit 2', async () => {
    const missing = await runCli(['load', '--graph', 'no/such/graph.json', ...serverArgs()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('yjkg load: cannot read graph no/such/graph.json: no such file; run `yjkg build` first or pass --graph\n');
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{"nodes": [');
    const broken = await runCli(['load', '--graph', join(dir, 'broken.json'), ...serverArgs()]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^yjkg load: graph .*broken\.json is not valid JSON: .*\n$/);
  });
});

describe('cypher/queries on the fixture', () => {
  it('every query file starts with a comment saying what it answers and declares its parameters', () => {
    const files = readdirSync(QUERIES).filter((f) => f.endsWith('.cypher'));
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it('who-supports-region: through the PART_OF hierarchy, by alias', async () => {
    const result = await queryRows('who-supports-region.cypher', { region: '新疆' });
    expect(result.map((r) => [r.supporter, r.supported])).toEqual([
      ['江苏省', '克孜勒苏柯尔克孜自治州'],
      ['湖南省', '吐鲁番市'],
    ]);
    const [one] = await queryRows('who-supports-region.cypher', { region: '克州' });
    expect(one).toMatchObject({ supporter: '江苏省', since: 2010, weight: 2, articles: ['fixture/news-a.txt#0', 'fixture/news-a.txt#1'] });
  });

  it('regions-supported-by: places inside each supported region', async () => {
    expect(await queryRows('regions-supported-by.cypher', { supporter: '湘' })).toEqual([
      { supporter: '湖南省', region: '吐鲁番市', region_type: 'Prefecture', weight: 1, articles: ['fixture/news-b.txt#0'], places_inside: ['鄯善县'] },
    ]);
  });

  it('projects-by-supporter: totals per funder', async () => {
    const result = await queryRows('projects-by-supporter.cypher');
    expect(result.map((r) => [r.supporter, r.projects, r.total_yuan])).toEqual([
      ['江苏省', 1, 30000000],
      ['江苏省援疆前方指挥部', 1, 5000000],
    ]);
    expect(result[0]!.projects_funded).toEqual(['阿图什市第一中学扩建项目 (30000000 元) @ 阿图什市']);
  });

  it('people-by-province: through organisations located in the province', async () => {
    const all = await queryRows('people-by-province.cypher');
    expect(all.map((r) => [r.province, r.person, r.title])).toEqual([
      ['新疆维吾尔自治区', '王小明', '党委书记'],
      ['新疆维吾尔自治区', '王小明', '总指挥'],
      ['江苏省', '赵丽', '副省长'],
    ]);
    expect((await queryRows('people-by-province.cypher', { province: '苏' })).map((r) => r.person)).toEqual(['赵丽']);
  });

  it('relation-evidence: each sentence with article and offsets', async () => {
    expect(await queryRows('relation-evidence.cypher', { source: '江苏省', target: '克州', type: 'SUPPORTS' })).toEqual([
      { relation: 'SUPPORTS', title: null, article: 'fixture/news-a.txt#0', start_offset: 10, end_offset: 29, sentence: '江苏省对口支援克孜勒苏柯尔克孜自治州。' },
      { relation: 'SUPPORTS', title: null, article: 'fixture/news-a.txt#1', start_offset: 5, end_offset: 21, sentence: '江苏援疆十余年来，克州面貌一新。' },
    ]);
  });

  it('shortest-path: with directions, never through articles', async () => {
    const [row] = await queryRows('shortest-path.cypher', { from: '赵丽', to: '阿图什市' });
    expect(row).toMatchObject({ hops: 2, path: '赵丽 -[VISITS]-> 阿图什市第一中学扩建项目 -[LOCATED_IN]-> 阿图什市' });
    const [long] = await queryRows('shortest-path.cypher', { from: '江苏省', to: '湘鄯医疗联合体' });
    expect(long!.path).toBe(
      '江苏省 -[SUPPORTS]-> 克孜勒苏柯尔克孜自治州 -[PART_OF]-> 新疆维吾尔自治区 <-[PART_OF]- 吐鲁番市 <-[PART_OF]- 鄯善县 <-[LOCATED_IN]- 鄯善县人民医院 <-[COOPERATES_WITH]- 湘鄯医疗联合体',
    );
    // The two hostile organisations are only linked to each other (and to an article): no path.
    expect(await queryRows('shortest-path.cypher', { from: '江苏省', to: EVIL_ONE })).toEqual([]);
  });

  it('most-connected-organisations: ranked by relations', async () => {
    const result = await queryRows('most-connected-organisations.cypher', { limit: 2 });
    expect(result).toEqual([
      { organisation: '江苏省援疆前方指挥部', relations: 4, neighbours: 3, articles: 2, mentions: 2 },
      { organisation: '鄯善县人民医院', relations: 2, neighbours: 2, articles: 1, mentions: 1 },
    ]);
  });

  it('articles-mentioning: by alias', async () => {
    const result = await queryRows('articles-mentioning.cypher', { name: '江苏前指' });
    expect(result.map((r) => [r.article, r.title])).toEqual([
      ['fixture/news-a.txt#0', '江苏援疆项目推进'],
      ['fixture/news-a.txt#1', null],
    ]);
  });

  it('search-names: full-text over names and aliases', async () => {
    const [first] = await queryRows('search-names.cypher', { text: '克州' });
    expect(first).toMatchObject({ name: '克孜勒苏柯尔克孜自治州', type: 'Prefecture' });
    const byAlias = await queryRows('search-names.cypher', { text: '一中扩建', limit: 1 });
    expect(byAlias.map((r) => r.name)).toEqual(['阿图什市第一中学扩建项目']);
  });

  it('support-pairings: filtered by weight', async () => {
    expect((await queryRows('support-pairings.cypher', { min_weight: 2 })).map((r) => [r.supporter, r.supported, r.part_of])).toEqual([
      ['江苏省', '克孜勒苏柯尔克孜自治州', ['新疆维吾尔自治区']],
    ]);
  });

  it('prints a table by default, with wide characters aligned', async () => {
    const run = await runCli(['query', join(QUERIES, 'regions-supported-by.cypher'), '--param', 'supporter=江苏省', ...serverArgs()]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^supporter {2}region {18}region_type {2}weight/);
    expect(lines[2]).toMatch(/^江苏省 {5}克孜勒苏柯尔克孜自治州 {2}Prefecture/);
    expect(lines.at(-1)).toBe('(1 row)');
  });

  it('a missing or unknown parameter is a one-line usage error, exit 2', async () => {
    const missing = await runCli(['query', join(QUERIES, 'relation-evidence.cypher'), '--param', 'source=江苏省', ...serverArgs()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^yjkg query: .*relation-evidence\.cypher needs --param target=<string> \(name or alias of the target entity/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = await runCli(['query', join(QUERIES, 'search-names.cypher'), '--param', 'text=x', '--param', 'foo=1', ...serverArgs()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/has no parameter 'foo' \(it takes: text, limit\)\n$/);
    const notInt = await runCli(['query', join(QUERIES, 'search-names.cypher'), '--param', 'text=x', '--param', 'limit=ten', ...serverArgs()]);
    expect(notInt.stderr).toMatch(/--param limit=ten: expected a whole number\n$/);
    const lucene = await runCli(['query', join(QUERIES, 'search-names.cypher'), '--param', 'text=克州(', ...serverArgs()]);
    expect(lucene.code).toBe(2);
    expect(lucene.stderr.trim().split('\n')).toHaveLength(1);
    expect(lucene.stderr).toMatch(/^yjkg query: Neo4j at \S+ rejected the query: .*ParseException.*\(full-text search uses Lucene syntax/);
  });

  it('a parameter value is data, never Cypher', async () => {
    const run = await runCli(['query', join(QUERIES, 'articles-mentioning.cypher'), '--param', `name=${EVIL_ONE}`, '--json', ...serverArgs()]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { entity: string }[]).map((r) => r.entity)).toEqual([EVIL_ONE]);
    expect(await counts(driver)).toEqual({ nodes: graph.nodes.length, relationships: graph.edges.length });
  });
});
