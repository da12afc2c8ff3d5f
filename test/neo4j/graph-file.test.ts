// graph.json read as a stream (src/neo4j/graph-file.ts): the same nodes and edges as JSON.parse
// for any layout and any cut into pieces, bounded memory, and one-line errors naming the file.
// Pure (no server), but it lives with the Neo4j suite like plan.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphJsonSplitter, readGraphItems, type GraphFileItem } from '../../src/neo4j/graph-file.js';
import { FIXTURE, readGraph } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yjkg-graph-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The items of `text` fed to a splitter in pieces cut at `cuts`. */
function split(text: string, cuts: number[] = []): GraphFileItem[] {
  const splitter = new GraphJsonSplitter('t.json');
  const out: GraphFileItem[] = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length)].sort((a, b) => a - b)) {
    out.push(...splitter.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...splitter.push(text.slice(from)));
  splitter.end();
  return out;
}

/** nodes and edges as JSON.parse would give them, from the items. */
function collect(items: GraphFileItem[]): { nodes: unknown[]; edges: unknown[]; ends: string[] } {
  const out = { nodes: [] as unknown[], edges: [] as unknown[], ends: [] as string[] };
  for (const item of items) {
    if ('end' in item) out.ends.push(item.section);
    else out[item.section].push(item.value);
  }
  return out;
}

// Strings that trip a careless scanner: quotes, backslashes, brackets and commas inside strings.
const tricky = {
  options: { type: 'mixed', multi: false, allowSelfLoops: true },
  attributes: { note: 'a "quoted" [bracket] {brace}, comma \\ backslash' },
  nodes: [
    { key: 'Person:张\\"三', attributes: { type: 'Person', label: '}]，{[', aliases: ['"', '\\', '\\\\"'] } },
    { key: 'Organization:某某"合作社"', attributes: { type: 'Organization', label: 'x\u2028y\ud83d\ude00' } },
    { key: 'Article:a.txt#0' },
  ],
  edges: [{ key: 'e\\', source: 'Person:张\\"三', target: 'Organization:某某"合作社"', attributes: { type: 'HOLDS_POSITION', evidence: [{ sentence: '“他说：\\"好\\"”]}', start: 1, end: 9 }] } }],
};

describe('GraphJsonSplitter', () => {
  const fixture = readGraph(FIXTURE);

  it('gives the nodes and edges JSON.parse gives, compact or pretty-printed', () => {
    for (const graph of [fixture, tricky]) {
      for (const text of [JSON.stringify(graph), JSON.stringify(graph, null, 2), `\ufeff \n${JSON.stringify(graph, null, '\t')}\n`]) {
        const got = collect(split(text));
        expect(got.nodes).toEqual(graph.nodes);
        expect(got.edges).toEqual(graph.edges);
        expect(got.ends).toEqual(['nodes', 'edges']);
      }
    }
  });

  it('gives each element the length of its JSON text (what a batch budget counts)', () => {
    for (const item of split(JSON.stringify(tricky))) if (!('end' in item)) expect(item.chars).toBe(JSON.stringify(item.value).length);
  });

  it('reads keys in any order (edges first, options last) and primitive elements', () => {
    const text = `{"edges":[{"source":"a","target":"b"}, 1, "s", null],"nodes":[true, {"key":"a"}],"options":{"nodes":[9]}}`;
    const got = collect(split(text));
    expect(got.edges).toEqual([{ source: 'a', target: 'b' }, 1, 's', null]);
    expect(got.nodes).toEqual([true, { key: 'a' }]);
    expect(got.ends).toEqual(['edges', 'nodes']);
  });

  it('gives the same items however the text is cut into pieces (property)', () => {
    const text = JSON.stringify(tricky, null, 1);
    const expected = collect(split(text));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 40 }), (cuts) => {
        expect(collect(split(text, cuts))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    // and one character at a time
    expect(collect(split(text, Array.from({ length: text.length }, (_, i) => i)))).toEqual(expected);
  });

  it('holds no more than the element being read, not the file', () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => ({ key: `e${i}`, source: 'a', target: 'b', attributes: { type: 'MENTIONS', evidence: [{ sentence: '某某'.repeat(20) }] } }));
    const text = JSON.stringify({ nodes: [{ key: 'a' }, { key: 'b' }], edges });
    const splitter = new GraphJsonSplitter('big.json');
    let most = 0;
    let count = 0;
    for (let i = 0; i < text.length; i += 4096) {
      count += splitter.push(text.slice(i, i + 4096)).filter((item) => !('end' in item)).length;
      most = Math.max(most, splitter.bufferedCharacters);
    }
    splitter.end();
    expect(count).toBe(20_002);
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(most).toBeLessThan(4096 + 200);
  });

  it.each([
    ['', /graph t\.json is empty or not a JSON object/],
    ['[1, 2]', /graph t\.json is not valid JSON: expected a JSON object at character 0/],
    ['{"nodes":[{"key":"a"}],"edges":[{"source":', /graph t\.json is not valid JSON: the text ends before the graph does \(truncated\?\)/],
    ['{"nodes":[{"key":"a"}]}', /graph t\.json is not a graphology export/],
    ['{"nodes":[{"key":"a"},{"key":x}],"edges":[]}', /graph t\.json is not valid JSON: .* \(in nodes element 1\) at character 22/],
    ['{"nodes":[],"edges":[]} x', /text after the end of the graph/],
    ['{"nodes":[],"nodes":[],"edges":[]}', /a second "nodes" array/],
  ])('refuses %j with one line naming the file', (text, message) => {
    expect(() => split(text)).toThrow(message);
  });
});

describe('readGraphItems', () => {
  it('streams a file in pieces and reports the bytes read', async () => {
    const path = join(dir, 'g.json');
    writeFileSync(path, JSON.stringify(tricky, null, 2));
    const reads: number[] = [];
    const items: GraphFileItem[] = [];
    for await (const item of readGraphItems(path, (read) => reads.push(read), 16)) items.push(item);
    expect(collect(items).nodes).toEqual(tricky.nodes);
    expect(collect(items).edges).toEqual(tricky.edges);
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.at(-1)).toBe(Buffer.byteLength(JSON.stringify(tricky, null, 2)));
  });

  it('names a missing file and says how to make one', async () => {
    const read = async () => {
      for await (const _ of readGraphItems(join(dir, 'none.json')));
    };
    await expect(read()).rejects.toThrow(/cannot read graph .*none\.json: no such file; run `yjkg build` first or pass --graph/);
  });
});
