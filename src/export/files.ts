// graph.json and graph.gexf in one pass over the graph: every node's and edge's attributes
// are materialised once (for a streamed GraphSource each edge's evidence list is rebuilt on
// demand, the costliest part of the output) and each evidence list is stringified once, for
// both files. Bytes are exactly those of writeGraphJson and writeGexf.
import { graphologySource, isGraphSource, type GraphSource, type KnowledgeGraph } from '../graph.js';
import { GEXF_BETWEEN, GEXF_FOOTER, evidenceText, gexfEdge, gexfHeader, gexfNode, type GexfOptions } from './gexf.js';
import { JSON_BETWEEN, JSON_FOOTER, jsonEdge, jsonHeader, jsonNode } from './json.js';
import { writeFileAtomic } from './io.js';

/**
 * Writes graph.json and graph.gexf, each atomically: on a failure while writing, neither file is
 * replaced (graph.gexf is renamed into place just before graph.json).
 */
export async function writeGraphFiles(graph: KnowledgeGraph | GraphSource, paths: { json: string; gexf: string }, options: GexfOptions = {}): Promise<void> {
  const source = isGraphSource(graph) ? graph : graphologySource(graph);
  await writeFileAtomic(paths.json, (json) =>
    writeFileAtomic(paths.gexf, async (gexf) => {
      await json.write(jsonHeader(source));
      await gexf.write(gexfHeader(options));
      let first = true;
      for (const node of source.nodes()) {
        const a = json.write((first ? '' : ',') + jsonNode(node));
        const b = gexf.write(gexfNode(node, source.degree(node.key)));
        if (a) await a;
        if (b) await b;
        first = false;
      }
      await json.write(JSON_BETWEEN);
      await gexf.write(GEXF_BETWEEN);
      first = true;
      for (const edge of source.edges()) {
        const evidence = evidenceText(edge.attributes);
        const a = json.write((first ? '' : ',') + jsonEdge(edge, evidence));
        const b = gexf.write(gexfEdge(edge, evidence));
        if (a) await a;
        if (b) await b;
        first = false;
      }
      await json.write(JSON_FOOTER);
      await gexf.write(GEXF_FOOTER);
    }),
  );
}
