// End to end on the sample corpus: specific facts with evidence that slices the ORIGINAL file,
// the accuracy bars of the pipeline issue, and byte-identical output across runs and worker counts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';

interface GraphJson {
  nodes: { key: string; attributes: Record<string, any> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, any> }[];
}

const tmp = mkdtempSync(path.join(tmpdir(), 'yjkg-e2e-'));
const outA = path.join(tmp, 'a');
const outB = path.join(tmp, 'b');
let graph: GraphJson;
let buildStdout = '';

beforeAll(async () => {
  const a = await runCli(['build', 'seeds', '--out', outA, '--workers', '2']);
  expect(a.code, a.stderr).toBe(0);
  buildStdout = a.stdout;
  const b = await runCli(['build', 'seeds', '--out', outB, '--workers', '1']);
  expect(b.code, b.stderr).toBe(0);
  graph = JSON.parse(readFileSync(path.join(outA, 'graph.json'), 'utf8'));
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function supports(from: string, to: string) {
  const label = (key: string) => graph.nodes.find((n) => n.key === key)?.attributes.label;
  return graph.edges.find((e) => e.attributes.type === 'SUPPORTS' && label(e.source) === from && label(e.target) === to);
}

function expectEvidenceSlicesOriginal(edge: { attributes: Record<string, any> }, file: string, mustContain: string) {
  const original = readFileSync(path.join(ROOT, 'seeds', file), 'utf8');
  const fromFile = (edge.attributes.evidence as any[]).filter((ev) => String(ev.article).includes(file));
  expect(fromFile.length, `evidence from ${file}`).toBeGreaterThan(0);
  const hit = fromFile.find((ev) => original.slice(ev.start, ev.end).includes(mustContain));
  expect(hit, `an evidence sentence from ${file} containing ${mustContain}`).toBeDefined();
  for (const ev of fromFile) expect(original.slice(ev.start, ev.end)).toBe(ev.sentence);
}

describe('yjkg build seeds/', () => {
  it('prints a closing summary', () => {
    expect(buildStdout).toMatch(/articles: \d+/);
    expect(buildStdout).toMatch(/entities: .*Province \d+/);
    expect(buildStdout).toMatch(/relations: .*SUPPORTS \d+/);
  });

  it('山西省 SUPPORTS 昌吉回族自治州, evidence from 001 slicing the original file', () => {
    const edge = supports('山西省', '昌吉回族自治州');
    expect(edge).toBeDefined();
    expectEvidenceSlicesOriginal(edge!, '001_542cd5fd33490b02.txt', '对口支援昌吉回族自治州');
  });

  it('扬州市 SUPPORTS 新源县, evidence from 003', () => {
    const edge = supports('扬州市', '新源县');
    expect(edge).toBeDefined();
    expectEvidenceSlicesOriginal(edge!, '003_67d82cf7ccd38a15.txt', '新源');
  });

  it('河南省 SUPPORTS 哈密市, evidence from the traditional, pinyin-annotated 004', () => {
    const edge = supports('河南省', '哈密市');
    expect(edge).toBeDefined();
    expectEvidenceSlicesOriginal(edge!, '004_bc355209b628d6c9.txt', '豫哈');
  });

  it('every evidence of every edge slices its original file exactly', () => {
    const originals = new Map<string, string>();
    let checked = 0;
    for (const edge of graph.edges) {
      for (const ev of (edge.attributes.evidence ?? []) as any[]) {
        const file = String(ev.article).replace(/#\d+$/, '');
        if (!originals.has(file)) originals.set(file, readFileSync(path.join(ROOT, file), 'utf8'));
        expect(originals.get(file)!.slice(ev.start, ev.end)).toBe(ev.sentence);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('writes report.json with one ok entry per seed file', () => {
    const report = JSON.parse(readFileSync(path.join(outA, 'report.json'), 'utf8'));
    const files = report.files as { file: string; status: string; encoding: string; articles: number }[];
    expect(files).toHaveLength(5);
    for (const f of files) {
      expect(f.status).toBe('ok');
      expect(f.articles).toBeGreaterThan(0);
      expect(f.encoding).toMatch(/utf-?8/i);
    }
    // The CLI ran the build in a child node started with the collector on each thread (runtime.ts).
    expect(report.runtime.node_flags).toContain('--single-threaded-gc');
    expect(report.runtime.heap_growing_percent).toBe(50);
  });

  it('graph.gexf re-reads with graphology-gexf and networkx with the counts of graph.json', () => {
    const gexfPath = path.join(outA, 'graph.gexf');
    const reread = gexf.parse(MultiDirectedGraph, readFileSync(gexfPath, 'utf8'));
    expect(reread.order).toBe(graph.nodes.length);
    expect(reread.size).toBe(graph.edges.length);
    // an independent reader (CI installs networkx; the test fails, never skips, without it)
    const counts = JSON.parse(
      execFileSync('python3', ['-c', 'import sys, json, networkx as nx; g = nx.read_gexf(sys.argv[1]); print(json.dumps([g.number_of_nodes(), g.number_of_edges()]))', gexfPath], { encoding: 'utf8' }),
    );
    expect(counts).toEqual([graph.nodes.length, graph.edges.length]);
  });

  it('is byte-identical across runs and worker counts', () => {
    for (const name of ['graph.json', 'graph.gexf']) {
      expect(readFileSync(path.join(outA, name)).equals(readFileSync(path.join(outB, name))), name).toBe(true);
    }
  });

  it('meets the accuracy bars of the pipeline issue against the gold', async () => {
    const gold = path.resolve(ROOT, '../shared/gold/seeds.gold.json');
    const r = await runCli(['eval', '--gold', gold, '--graph', path.join(outA, 'graph.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const ent = Object.fromEntries(report.entities.map((s: any) => [s.type, s]));
    const rel = Object.fromEntries(report.relations.map((s: any) => [s.type, s]));
    expect(rel.SUPPORTS.precision).toBeGreaterThanOrEqual(0.9);
    expect(rel.SUPPORTS.recall).toBeGreaterThanOrEqual(0.9);
    for (const t of ['Province', 'Prefecture', 'County']) expect(ent[t].f1, t).toBeGreaterThanOrEqual(0.9);
    expect(ent.Person.f1).toBeGreaterThanOrEqual(0.85);
    expect(ent.Organization.f1).toBeGreaterThanOrEqual(0.6);
    expect(ent.Project.f1).toBeGreaterThanOrEqual(0.6);
    expect(rel.HOLDS_POSITION.f1).toBeGreaterThanOrEqual(0.7);
    expect(rel.FUNDS.f1).toBeGreaterThanOrEqual(0.6);
    expect(report.funds_amounts.correct).toBe(report.funds_amounts.matched);
  });
});
