// graph.gexf on a thread of its own (src/export/gexf-worker.ts), from the compiled dist/ (the
// thread runs JavaScript): the same bytes as one thread writing both files, and the same
// all-or-nothing replacement of the two files when either side fails.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphSource } from '../../src/graph.js';
import { buildGraph } from '../../src/graph.js';
import { assignLayout } from '../../src/export/layout.js';
import { article, entity, evidence, relation, sampleResults } from '../graph/fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'yjkg-parallel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dist = (path: string) => new URL(`../../dist/src/${path}`, import.meta.url);

async function distModules() {
  // `npm test` compiles first; a missing dist is a failure, not a skip.
  expect(existsSync(dist('export/gexf-worker.js')), 'run `npx tsc -p tsconfig.json` first').toBe(true);
  const files = (await import(dist('export/files.js').href)) as typeof import('../../src/export/files.js');
  const worker = (await import(dist('export/gexf-worker.js').href)) as typeof import('../../src/export/gexf-worker.js');
  return { ...files, ...worker };
}

/** Sample graph plus enough invented edges (with awkward text) to span several batches. */
function largeGraph() {
  const results = [...sampleResults()];
  const nasty = '宁夏<回族>&"自治区"\'s\u0001\uFFFE\uD800 x\ny\tz, [a|b]';
  for (let i = 0; i < 3000; i++) {
    const org = `Organization:第${i}援建<指挥部>&"工作队"`;
    const project = `Project:示范工程${i}号`;
    results.push(
      article(`gen/news-${i % 40}.txt`, i, [entity('Organization', org.slice(13), 2), entity('Project', project.slice(8), 1, { aliases: [`工程${i}`, 'a, b'] })], [
        relation('FUNDS', org, project, evidence(`gen/news-${i % 40}.txt#${i}`, i, `${nasty}${'援疆项目资金'.repeat(1 + (i % 50))}${i}`), 0.7, 'fund.rule', { amount_yuan: i * 10000 }),
        relation('LOCATED_IN', project, 'Prefecture:和田地区', evidence(`gen/news-${i % 40}.txt#${i}`, i + 1), 0.6),
      ]),
    );
  }
  const graph = buildGraph(results);
  assignLayout(graph);
  return graph;
}

describe('graph.gexf written on its own thread', () => {
  it('gives the same bytes as one thread, for a graph of several batches and for a small one', async () => {
    const { writeGraphFiles, gexfWorkerAvailable } = await distModules();
    expect(gexfWorkerAvailable()).toBe(true);
    for (const [name, graph] of [['large', largeGraph()], ['small', buildGraph(sampleResults())]] as const) {
      const texts: string[] = [];
      for (const parallel of [false, true]) {
        const dir = join(root, `${name}-${parallel}`);
        await writeGraphFiles(graph, { json: join(dir, 'graph.json'), gexf: join(dir, 'graph.gexf') }, { description: 'test <graph>' }, () => {}, parallel);
        texts.push(readFileSync(join(dir, 'graph.json'), 'utf8') + '\n---\n' + readFileSync(join(dir, 'graph.gexf'), 'utf8'));
        expect(readdirSync(dir).sort()).toEqual(['graph.gexf', 'graph.json']);
      }
      expect(texts[1]!.length).toBeGreaterThan(name === 'large' ? 4 << 20 : 1000); // several batches
      expect(texts[1]).toBe(texts[0]);
    }
  });

  it('a graph with no edges, and one with nothing at all', async () => {
    const { writeGraphFiles } = await distModules();
    const onlyNodes = buildGraph([article('a.txt', 0, [entity('Person', '甲乙丙')], [])]);
    onlyNodes.dropEdge(onlyNodes.edges()[0]!); // the MENTIONS edge
    for (const graph of [onlyNodes, buildGraph([])]) {
      const texts: string[] = [];
      for (const parallel of [false, true]) {
        const dir = join(root, `bare-${graph.order}-${parallel}`);
        await writeGraphFiles(graph, { json: join(dir, 'graph.json'), gexf: join(dir, 'graph.gexf') }, {}, () => {}, parallel);
        texts.push(readFileSync(join(dir, 'graph.gexf'), 'utf8'));
      }
      expect(texts[1]).toBe(texts[0]);
    }
  });

  it('when the GEXF side fails, neither file is replaced and no temp file is left', async () => {
    const { writeGraphFiles } = await distModules();
    const dir = join(root, 'gexf-fails');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'graph.json'), 'old json');
    // graph.gexf's folder does not exist: its temp file cannot be created
    const paths = { json: join(dir, 'graph.json'), gexf: join(dir, 'missing', 'graph.gexf') };
    await expect(writeGraphFiles(largeGraph(), paths, {}, () => {}, true)).rejects.toThrow(/graph\.gexf|ENOENT/);
    expect(readFileSync(paths.json, 'utf8')).toBe('old json');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('when the graph.json side fails midway, neither file is replaced and no temp file is left', async () => {
    const { writeGraphFiles } = await distModules();
    const dir = join(root, 'json-fails');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'graph.json'), 'old json');
    writeFileSync(join(dir, 'graph.gexf'), 'old gexf');
    const graph = largeGraph();
    const { graphologySource } = await import('../../src/graph.js');
    const source = graphologySource(graph);
    const failing: GraphSource = {
      ...source,
      *edges() {
        let n = 0;
        for (const edge of source.edges()) {
          if (++n === 4000) throw new Error('disk on fire');
          yield edge;
        }
      },
    };
    await expect(writeGraphFiles(failing, { json: join(dir, 'graph.json'), gexf: join(dir, 'graph.gexf') }, {}, () => {}, true)).rejects.toThrow('disk on fire');
    expect(readFileSync(join(dir, 'graph.json'), 'utf8')).toBe('old json');
    expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe('old gexf');
    expect(readdirSync(dir).sort()).toEqual(['graph.gexf', 'graph.json']);
  });
});
