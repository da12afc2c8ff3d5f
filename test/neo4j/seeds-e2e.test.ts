// End to end on the real sample corpus: `yjkg build seeds` -> `yjkg load` -> `yjkg query`, against
// the real Neo4j of this run. Expected rows come from the gold annotation of the seeds
// (../shared/gold) and from graph.json itself, never from this test's own output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphExport } from '../../src/neo4j/plan.js';
import { counts, databaseCountsByType, dump, expectGraphInDatabase, graphCounts, queryRows, readGraph, ROOT, runCli, serverArgs, sharedDriver } from './helpers.js';

let driver: Driver;
let outDir: string;
let graphFile: string;
let graph: GraphExport;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'yjkg-neo4j-seeds-'));
  const build = await runCli(['build', 'seeds', '--out', outDir, '--quiet']);
  if (build.code !== 0) throw new Error(`yjkg build seeds exited ${build.code}: ${build.stderr}`);
  graphFile = join(outDir, 'graph.json');
  graph = readGraph(graphFile);
  driver = sharedDriver();
  const load = await runCli(['load', '--graph', graphFile, '--wipe', ...serverArgs()]);
  expect(load.stderr).toBe('');
  expect(load.code).toBe(0);
  expect(load.stdout).toMatch(new RegExp(`: ${graph.nodes.length} nodes \\(${graph.nodes.length} new\\), ${graph.edges.length} relationships \\(${graph.edges.length} new\\)`));
});

afterAll(async () => {
  await driver?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const sourceText = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the seeds build in Neo4j', () => {
  it('has the node and relationship counts of graph.json, type by type', async () => {
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(await counts(driver)).toEqual({ nodes: graph.nodes.length, relationships: graph.edges.length });
    expect(await databaseCountsByType(driver)).toEqual(graphCounts(graph));
  });

  it('has every property of graph.json, evidence included', async () => {
    expect(await expectGraphInDatabase(driver, graph)).toEqual([]);
  });

  it('loading again changes nothing', async () => {
    const before = await dump(driver);
    const again = await runCli(['load', '--graph', graphFile, ...serverArgs()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${graph.nodes.length} nodes (0 new), ${graph.edges.length} relationships (0 new)`);
    expect(await dump(driver)).toBe(before);
  });
});

describe('cypher/queries on the seeds build', () => {
  it('who supports 昌吉回族自治州: 山西省 (evidence from 001) and 福建省', async () => {
    const result = await queryRows('who-supports-region.cypher', { region: '昌吉回族自治州' });
    const shanxi = result.filter((r) => r.supporter === '山西省');
    expect(shanxi.length).toBeGreaterThan(0);
    expect(shanxi.flatMap((r) => r.articles as string[]).some((a) => a.startsWith('seeds/001_'))).toBe(true);
    expect(result.map((r) => r.supporter)).toContain('福建省');
  });

  it('which regions 山西省 supports, with the places inside them', async () => {
    const result = await queryRows('regions-supported-by.cypher', { supporter: '山西省' });
    const regions = result.map((r) => r.region);
    for (const region of ['昌吉回族自治州', '阜康市', '新疆生产建设兵团第六师']) expect(regions).toContain(region);
    const changji = result.find((r) => r.region === '昌吉回族自治州')!;
    expect(changji.places_inside).toContain('阜康市');
  });

  it('projects and total funding of 山西省 include 晋阜小学 (8000万元), total = sum in graph.json', async () => {
    const [shanxi] = await queryRows('projects-by-supporter.cypher', { supporter: '山西省' });
    expect(shanxi!.projects_funded).toContain('晋阜小学 (80000000 元)');
    const expectedTotal = graph.edges
      .filter((e) => e.attributes!.type === 'FUNDS' && e.source === 'Province:山西省')
      .reduce((sum, e) => sum + ((e.attributes!.amount_yuan as number | undefined) ?? 0), 0);
    expect(shanxi!.total_yuan).toBe(expectedTotal);
    expect(expectedTotal).toBeGreaterThanOrEqual(80_000_000);
  });

  it('people and titles: 林武 in 山西省, 陈全国 党委书记 in 新疆维吾尔自治区', async () => {
    const shanxi = await queryRows('people-by-province.cypher', { province: '山西省' });
    expect(shanxi.find((r) => r.person === '林武')?.title).toMatch(/副省长/);
    const xinjiang = await queryRows('people-by-province.cypher', { province: '新疆维吾尔自治区' });
    expect(xinjiang.map((r) => [r.person, r.title])).toContainEqual(['陈全国', '党委书记']);
  });

  it('the evidence for 山西省 SUPPORTS 昌吉回族自治州 quotes the original file at its offsets', async () => {
    const result = await queryRows('relation-evidence.cypher', { source: '山西省', target: '昌吉回族自治州', type: 'SUPPORTS' });
    const from001 = result.filter((r) => (r.article as string).startsWith('seeds/001_'));
    expect(from001.length).toBeGreaterThan(0);
    for (const row of result) {
      const file = (row.article as string).replace(/#\d+$/, '');
      expect(sourceText(file).slice(row.start_offset as number, row.end_offset as number)).toBe(row.sentence);
    }
    expect(from001.some((r) => (r.sentence as string).includes('昌吉'))).toBe(true);
  });

  it('the shortest path from 扬州市 to 新源县 is the pairing itself', async () => {
    const [row] = await queryRows('shortest-path.cypher', { from: '扬州市', to: '新源县' });
    expect(row).toMatchObject({ hops: 1, path: '扬州市 -[SUPPORTS]-> 新源县' });
  });

  it('the most connected organisations are those with the most relations in graph.json', async () => {
    const degree = new Map<string, number>();
    for (const e of graph.edges) {
      if (e.attributes!.type === 'MENTIONS') continue;
      for (const end of [e.source, e.target]) if (end.startsWith('Organization:')) degree.set(end, (degree.get(end) ?? 0) + 1);
    }
    const expectedTop = Math.max(...degree.values());
    const result = await queryRows('most-connected-organisations.cypher', { limit: 5 });
    expect(result).toHaveLength(Math.min(5, graph.nodes.filter((n) => n.attributes!.type === 'Organization').length));
    expect(result[0]!.relations).toBe(expectedTop);
    expect(degree.get(`Organization:${result[0]!.organisation as string}`)).toBe(expectedTop);
  });

  it('the articles that mention 天业集团 include one from 000', async () => {
    const result = await queryRows('articles-mentioning.cypher', { name: '天业集团' });
    expect(result.some((r) => (r.file as string).startsWith('seeds/000_'))).toBe(true);
  });

  it('full-text search 昌吉 finds 昌吉回族自治州', async () => {
    const result = await queryRows('search-names.cypher', { text: '昌吉' });
    expect(result.map((r) => r.name)).toContain('昌吉回族自治州');
  });

  it('support pairings with at least 3 pieces of evidence include 扬州市 -> 新源县', async () => {
    const result = await queryRows('support-pairings.cypher', { min_weight: 3 });
    expect(result.every((r) => (r.weight as number) >= 3)).toBe(true);
    expect(result.map((r) => [r.supporter, r.supported])).toContainEqual(['扬州市', '新源县']);
  });
});
