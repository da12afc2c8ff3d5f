// graph.json and graph.gexf, one pass over the graph for each file. (Writing both in one
// interleaved pass, so that each evidence list is materialised once, was measured slower on
// the 200 MiB bench corpus: 44 s against 29 s for the two files; the bytes are the same.)
import type { GraphSource, KnowledgeGraph } from '../graph.js';
import { streamGexf, type GexfOptions } from './gexf.js';
import { streamGraphJson } from './json.js';
import { writeFileAtomic } from './io.js';

/**
 * Writes graph.json and graph.gexf, each atomically: on a failure while writing, neither file is
 * replaced (graph.gexf is renamed into place just before graph.json).
 */
export async function writeGraphFiles(
  graph: KnowledgeGraph | GraphSource,
  paths: { json: string; gexf: string },
  options: GexfOptions = {},
  /** Called as each file starts (the build's status line shows which file is being written). */
  onFile: (path: string) => void = () => {},
): Promise<void> {
  await writeFileAtomic(paths.json, async (json) => {
    onFile(paths.json);
    await streamGraphJson(graph, json);
    await writeFileAtomic(paths.gexf, (gexf) => {
      onFile(paths.gexf);
      return streamGexf(graph, gexf, options);
    });
  });
}
