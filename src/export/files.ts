// graph.json and graph.gexf. With the compiled GEXF thread available (gexf-worker.ts), both are
// written at once: this thread serializes the graph for graph.json and hands each node's and
// edge's text to the GEXF thread. Otherwise (vitest on the sources, or a small graph, where
// starting a thread costs more than it saves) one pass over the graph for each file, one
// after the other. The bytes are the same either way. (Writing both in one interleaved pass
// on one thread, so that each evidence list is materialised once, was measured slower on the
// 200 MiB bench corpus: 44 s against 29 s for the two files.)
import { rename } from 'node:fs/promises';
import type { GraphSource, KnowledgeGraph } from '../graph.js';
import { streamGexf, type GexfOptions } from './gexf.js';
import { GexfWriterThread, gexfWorkerAvailable } from './gexf-worker.js';
import { streamGraphJson } from './json.js';
import { tempPathFor, writeFileAtomic } from './io.js';

/** Graphs with fewer edges are written on one thread: a second one takes ~50 ms to start. */
export const PARALLEL_MIN_EDGES = 20_000;

/**
 * Writes graph.json and graph.gexf, each atomically: on a failure while writing, neither file is
 * replaced (graph.gexf is renamed into place just before graph.json). `parallel`: write
 * graph.gexf on a thread of its own (default: when available and the graph is not small).
 */
export async function writeGraphFiles(
  graph: KnowledgeGraph | GraphSource,
  paths: { json: string; gexf: string },
  options: GexfOptions = {},
  /** Called as files start, with the files now being written (the build's status line shows them). */
  onFiles: (paths: string[]) => void = () => {},
  parallel: boolean = gexfWorkerAvailable() && graph.size >= PARALLEL_MIN_EDGES,
): Promise<void> {
  if (!parallel) {
    await writeFileAtomic(paths.json, async (json) => {
      onFiles([paths.json]);
      await streamGraphJson(graph, json);
      await writeFileAtomic(paths.gexf, (gexf) => {
        onFiles([paths.gexf]);
        return streamGexf(graph, gexf, options);
      });
    });
    return;
  }
  await writeFileAtomic(paths.json, async (json) => {
    onFiles([paths.json, paths.gexf]);
    const gexf = new GexfWriterThread(paths.gexf, options);
    try {
      await streamGraphJson(graph, json, gexf);
      await gexf.finish();
      await rename(tempPathFor(paths.gexf), paths.gexf);
    } catch (error) {
      await gexf.abort();
      throw error;
    }
  });
}
