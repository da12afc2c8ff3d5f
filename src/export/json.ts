// graph.json: graphology's own serialization, byte for byte what
// `JSON.stringify(graph.export())` gives, but streamed node by node and edge by edge so a
// large graph never needs the whole document as one string.
import { graphologySource, isGraphSource, type GraphSource, type KnowledgeGraph } from '../graph.js';
import { writeFileAtomic, type ChunkedWriter } from './io.js';

function isEmpty(attributes: Record<string, unknown>): boolean {
  for (const _ in attributes) return false;
  return true;
}

/** Streams the serialization into `out` (see writeGraphJson for the file variant). */
export async function streamGraphJson(graph: KnowledgeGraph | GraphSource, out: ChunkedWriter): Promise<void> {
  const source = isGraphSource(graph) ? graph : graphologySource(graph);
  await out.write(`{"options":${JSON.stringify(source.options)},"attributes":${JSON.stringify(source.attributes)},"nodes":[`);
  let first = true;
  for (const { key, attributes } of source.nodes()) {
    const serialized: Record<string, unknown> = { key };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    const pending = out.write((first ? '' : ',') + JSON.stringify(serialized));
    if (pending) await pending;
    first = false;
  }
  await out.write('],"edges":[');
  first = true;
  for (const { key, attributes, source: from, target, undirected } of source.edges()) {
    const serialized: Record<string, unknown> = { key, source: from, target };
    if (!isEmpty(attributes)) serialized.attributes = attributes;
    if (undirected) serialized.undirected = true;
    const pending = out.write((first ? '' : ',') + JSON.stringify(serialized));
    if (pending) await pending;
    first = false;
  }
  await out.write(']}');
}

/** Writes `graph.export()` as JSON to `path`, atomically. */
export function writeGraphJson(graph: KnowledgeGraph | GraphSource, path: string): Promise<void> {
  return writeFileAtomic(path, (out) => streamGraphJson(graph, out));
}

/** The same text as one string, for small graphs (tests, the explorer's embedding). */
export function graphJsonText(graph: KnowledgeGraph): string {
  return JSON.stringify(graph.export());
}
