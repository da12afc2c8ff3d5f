// graph.json: graphology's own serialization, byte for byte what
// `JSON.stringify(graph.export())` gives, but streamed node by node and edge by edge so a
// large graph never needs the whole document as one string.
import type { KnowledgeGraph } from '../graph.js';
import { writeFileAtomic, type ChunkedWriter } from './io.js';

function isEmpty(attributes: Record<string, unknown>): boolean {
  for (const _ in attributes) return false;
  return true;
}

/** Streams the serialization into `out` (see writeGraphJson for the file variant). */
export async function streamGraphJson(graph: KnowledgeGraph, out: ChunkedWriter): Promise<void> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  await out.write(`{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const serialized: Record<string, unknown> = { key: node };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    const pending = out.write((first ? '' : ',') + JSON.stringify(serialized));
    if (pending) await pending;
    first = false;
  }
  await out.write('],"edges":[');
  first = true;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const serialized: Record<string, unknown> = { key: edge, source, target };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    if (graph.type === 'mixed' && undirected) serialized.undirected = true;
    const pending = out.write((first ? '' : ',') + JSON.stringify(serialized));
    if (pending) await pending;
    first = false;
  }
  await out.write(']}');
}

/** Writes `graph.export()` as JSON to `path`, atomically. */
export function writeGraphJson(graph: KnowledgeGraph, path: string): Promise<void> {
  return writeFileAtomic(path, (out) => streamGraphJson(graph, out));
}

/** The same text as one string, for small graphs (tests, the explorer's embedding). */
export function graphJsonText(graph: KnowledgeGraph): string {
  return JSON.stringify(graph.export());
}
