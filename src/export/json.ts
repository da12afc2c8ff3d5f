// graph.json: graphology's own serialization, byte for byte what
// `JSON.stringify(graph.export())` gives, but streamed node by node and edge by edge so a
// large graph never needs the whole document as one string.
import { graphologySource, isGraphSource, type GraphSource, type KnowledgeGraph, type SourceEdge, type SourceNode } from '../graph.js';
import { writeFileAtomic, type ChunkedWriter } from './io.js';

function isEmpty(attributes: Record<string, unknown>): boolean {
  for (const _ in attributes) return false;
  return true;
}

/** Everything before the first node. */
function jsonHeader(source: GraphSource): string {
  return `{"options":${JSON.stringify(source.options)},"attributes":${JSON.stringify(source.attributes)},"nodes":[`;
}
const JSON_BETWEEN = '],"edges":[';
const JSON_FOOTER = ']}';

/** One node as graphology serializes it. */
function jsonNode({ key, attributes }: SourceNode): string {
  const serialized: Record<string, unknown> = { key };
  if (!isEmpty(attributes)) serialized.attributes = attributes;
  return JSON.stringify(serialized);
}

/** One edge as graphology serializes it. */
function jsonEdge({ key, attributes, source: from, target, undirected }: SourceEdge): string {
  const serialized: Record<string, unknown> = { key, source: from, target };
  if (!isEmpty(attributes)) serialized.attributes = attributes;
  if (undirected) serialized.undirected = true;
  return JSON.stringify(serialized);
}

/**
 * Receives each node's and edge's JSON text as graph.json gets it: the GEXF writer thread
 * (gexf-worker.ts) builds graph.gexf from these instead of serializing the graph a second time.
 */
export interface JsonTee {
  node(json: string, degree: number): Promise<void> | undefined;
  edge(json: string): Promise<void> | undefined;
}

/** Streams the serialization into `out` (see writeGraphJson for the file variant), and to `tee`. */
export async function streamGraphJson(graph: KnowledgeGraph | GraphSource, out: Pick<ChunkedWriter, 'write'>, tee?: JsonTee): Promise<void> {
  const source = isGraphSource(graph) ? graph : graphologySource(graph);
  await out.write(jsonHeader(source));
  let first = true;
  for (const node of source.nodes()) {
    const json = jsonNode(node);
    const pending = out.write(first ? json : ',' + json);
    if (pending) await pending;
    const passed = tee?.node(json, source.degree(node.key));
    if (passed) await passed;
    first = false;
  }
  await out.write(JSON_BETWEEN);
  first = true;
  for (const edge of source.edges()) {
    const json = jsonEdge(edge);
    const pending = out.write(first ? json : ',' + json);
    if (pending) await pending;
    const passed = tee?.edge(json);
    if (passed) await passed;
    first = false;
  }
  await out.write(JSON_FOOTER);
}

/** Writes `graph.export()` as JSON to `path`, atomically. */
export function writeGraphJson(graph: KnowledgeGraph | GraphSource, path: string): Promise<void> {
  return writeFileAtomic(path, (out) => streamGraphJson(graph, out));
}

/** The same text as one string, for small graphs (tests, the explorer's embedding). */
export function graphJsonText(graph: KnowledgeGraph): string {
  return JSON.stringify(graph.export());
}
